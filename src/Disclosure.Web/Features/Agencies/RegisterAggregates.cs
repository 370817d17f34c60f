using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain.Register;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Agencies;

/// <summary>
/// What the public sees of an office's register for one year — aggregates only, never an application: how many
/// were received (收到申请日期 in the year), and of those answered in the year, the median working days from the
/// clock start (receipt, or the 补正's arrival) to the answer, and the share answered by their 答复期限.
/// Applications answered while a 补正 was outstanding (no deadline ran) are counted as received but not timed.
/// </summary>
public sealed record RegisterYearFigures(int Year, int Received, int Answered, int Timed, decimal? MedianWorkingDays, decimal? ShareWithinPeriod);

public static class RegisterAggregates
{
    public static async Task<IReadOnlyList<RegisterYearFigures>> ForAgencyAsync(DisclosureDbContext db, int agencyId, CancellationToken cancellationToken)
    {
        var rows = await db.RegisterApplications.AsNoTracking()
            .Where(a => a.AgencyId == agencyId && a.VoidedOn == null)
            .Select(a => new { a.ReceivedOn, a.CorrectionRequestedOn, a.CorrectionReceivedOn, a.AnsweredOn, a.Due })
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var calendar = await RegisterCalendar.LoadAsync(db, cancellationToken);
        var years = rows.Select(r => r.ReceivedOn.Year).Concat(rows.Where(r => r.AnsweredOn is not null).Select(r => r.AnsweredOn!.Value.Year)).Distinct().OrderByDescending(y => y);
        return years.Select(year =>
        {
            var answered = rows.Where(r => r.AnsweredOn?.Year == year).ToList();
            var timed = answered.Where(r => r.Due is not null && (r.CorrectionRequestedOn is null || r.CorrectionReceivedOn is not null)).ToList();
            var days = timed.Select(r => calendar.CountWorkingDays(r.CorrectionReceivedOn ?? r.ReceivedOn, r.AnsweredOn!.Value).Days).Order().ToList();
            return new RegisterYearFigures(
                year,
                rows.Count(r => r.ReceivedOn.Year == year),
                answered.Count,
                timed.Count,
                Median(days),
                timed.Count == 0 ? null : (decimal)timed.Count(r => r.AnsweredOn <= r.Due) / timed.Count);
        }).ToList();
    }

    public static decimal? Median(IReadOnlyList<int> sorted) => sorted.Count == 0
        ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2m;
}
