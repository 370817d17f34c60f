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

    /// <summary>
    /// Every report of these agencies with work to do, in any year: a draft, one returned for changes, one awaiting
    /// review or publication, a correction under way — oldest year first, each with its deadline and whether it is past.
    /// </summary>
    public async Task<List<OpenWork>> OpenWorkAsync(IReadOnlyCollection<int> agencyIds, CancellationToken cancellationToken)
    {
        ReportStatus[] open = [ReportStatus.Draft, ReportStatus.Returned, ReportStatus.Submitted, ReportStatus.Approved];
        var rows = await db.ReportVersions.AsNoTracking()
            .Where(v => agencyIds.Contains(v.Report.AgencyId) && open.Contains(v.Status))
            .Select(v => new { v.Report.Agency.Slug, v.Report.Agency.Name, v.Report.Agency.Level, v.Report.Year, v.Status, v.Number })
            .ToListAsync(cancellationToken);
        var today = Today();
        return rows
            .Select(r => new OpenWork(r.Slug, r.Name, r.Year, r.Status, r.Number > 1, FilingDeadline.For(r.Level, r.Year), r.Number == 1 && FilingDeadline.IsPast(r.Level, r.Year, today)))
            .OrderByDescending(r => r.Status == ReportStatus.Returned).ThenBy(r => r.Year).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>One report with work to do (<see cref="FilingQuery.OpenWorkAsync"/>).</summary>
public sealed record OpenWork(string Slug, string Name, int Year, ReportStatus Status, bool Correction, DateOnly Deadline, bool Overdue);
