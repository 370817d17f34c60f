using Disclosure.Data;
using Disclosure.Domain.Reports.Layouts;
using Microsoft.EntityFrameworkCore;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using P = Disclosure.Domain.Reports.Layouts.ProactiveLayout;
using V = Disclosure.Domain.Reports.Layouts.ReviewsLayout;

namespace Disclosure.Web.Features.Trends;

/// <summary>One year of an office's key figures (null = blank or not in that year's format).</summary>
public sealed record TrendYear(int Year, long? New, long? Processed, long? Granted, long? CarriedForward, long? Reviews, long? Suits, long? Licensing, long? Penalties)
{
    public decimal? GrantedShare => Processed is > 0 ? Math.Round(100m * (Granted ?? 0) / Processed.Value, 1) : null;
}

public sealed record TrendsViewModel(string Slug, string Name, IReadOnlyList<TrendYear> Years);

/// <summary>An office's key figures per year, summed in the database per current version.</summary>
public sealed class TrendsQuery(DisclosureDbContext db)
{
    public async Task<TrendsViewModel?> GetAsync(string slug, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Slug == slug).Select(a => new { a.Id, a.Slug, a.Name }).FirstOrDefaultAsync(cancellationToken);
        if (agency is null)
        {
            return null;
        }

        var versions = db.ReportVersions.Where(v => v.IsCurrent && v.Report.AgencyId == agency.Id);
        var years = await versions.Select(v => new { v.Id, v.Report.Year }).ToListAsync(cancellationToken);
        var figures = await (
                from c in db.ReportCells
                join v in versions on c.ReportVersionId equals v.Id
                where (c.Table == ReportTableId.Applications && c.Column == A.Columns.Total
                        && (c.Row == A.Rows.New || c.Row == A.Rows.Granted || c.Row == A.Rows.TotalProcessed || c.Row == A.Rows.CarriedForward))
                    || (c.Table == ReportTableId.Reviews && c.Column == V.Fields.Total)
                    || (c.Table == ReportTableId.Proactive && c.Column == P.Columns.Decisions && (c.Row == P.Rows.Licensing || c.Row == P.Rows.Penalty))
                group c by c.ReportVersionId into g
                select new
                {
                    VersionId = g.Key,
                    New = g.Sum(c => c.Table == ReportTableId.Applications && c.Row == A.Rows.New ? c.Number : null),
                    Processed = g.Sum(c => c.Table == ReportTableId.Applications && c.Row == A.Rows.TotalProcessed ? c.Number : null),
                    Granted = g.Sum(c => c.Table == ReportTableId.Applications && c.Row == A.Rows.Granted ? c.Number : null),
                    CarriedForward = g.Sum(c => c.Table == ReportTableId.Applications && c.Row == A.Rows.CarriedForward ? c.Number : null),
                    Reviews = g.Sum(c => c.Table == ReportTableId.Reviews && c.Row == V.Groups.AdministrativeReview ? c.Number : null),
                    Suits = g.Sum(c => c.Table == ReportTableId.Reviews && c.Row != V.Groups.AdministrativeReview ? c.Number : null),
                    Licensing = g.Sum(c => c.Table == ReportTableId.Proactive && c.Row == P.Rows.Licensing ? c.Number : null),
                    Penalties = g.Sum(c => c.Table == ReportTableId.Proactive && c.Row == P.Rows.Penalty ? c.Number : null),
                })
            .ToListAsync(cancellationToken);
        var byVersion = figures.ToDictionary(f => f.VersionId);
        var rows = years.OrderBy(y => y.Year)
            .Select(y => byVersion.TryGetValue(y.Id, out var f)
                ? new TrendYear(y.Year, f.New, f.Processed, f.Granted, f.CarriedForward, f.Reviews, f.Suits, f.Licensing, f.Penalties)
                : new TrendYear(y.Year, null, null, null, null, null, null, null, null))
            .ToList();
        return new TrendsViewModel(agency.Slug, agency.Name, rows);
    }
}
