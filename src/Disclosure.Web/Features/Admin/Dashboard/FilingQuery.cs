using Disclosure.Data;
using Disclosure.Domain;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Dashboard;

/// <summary>Where each agency's report for a year stands (the dashboard's rows), read in two queries.</summary>
public sealed class FilingQuery(DisclosureDbContext db, TimeProvider clock)
{
    public DateOnly Today() => BeijingTime.DateOf(clock.GetUtcNow());

    /// <summary>Every agency (or those in <paramref name="agencyIds"/>) with the state of its report for <paramref name="year"/>.</summary>
    public async Task<List<FilingRow>> RowsAsync(int year, IReadOnlyCollection<int>? agencyIds, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => agencyIds == null || agencyIds.Contains(a.Id))
            .OrderBy(a => a.Level).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Slug, a.Name, a.Level })
            .ToListAsync(cancellationToken);
        var versions = await db.ReportVersions.AsNoTracking()
            .Where(v => v.Report.Year == year && (agencyIds == null || agencyIds.Contains(v.Report.AgencyId)))
            .Where(v => v.Status != ReportStatus.Superseded)
            .Select(v => new { v.Report.AgencyId, v.Status })
            .ToListAsync(cancellationToken);
        var byAgency = versions.ToLookup(v => v.AgencyId, v => v.Status);
        var today = Today();
        return agencies.Select(a =>
        {
            var statuses = byAgency[a.Id].ToList();
            var published = statuses.Contains(ReportStatus.Published);
            var open = statuses.Where(s => s != ReportStatus.Published).Select(s => (ReportStatus?)s).FirstOrDefault();
            var status = open switch
            {
                ReportStatus.Draft => FilingStatus.Draft,
                ReportStatus.Submitted => FilingStatus.Submitted,
                ReportStatus.Returned => FilingStatus.Returned,
                ReportStatus.Approved => FilingStatus.Approved,
                _ => published ? FilingStatus.Published : FilingStatus.NotStarted,
            };
            var correcting = published && open is not null;
            return new FilingRow(a.Id, a.Slug, a.Name, a.Level, correcting ? FilingStatus.Published : status, FilingDeadline.IsPast(a.Level, year, today) && !published, correcting);
        }).ToList();
    }
}
