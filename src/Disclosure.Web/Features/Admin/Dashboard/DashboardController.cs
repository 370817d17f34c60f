using Disclosure.Data;
using Disclosure.Data.Identity;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Dashboard;

/// <summary>Where an agency's report for a year stands, as the disclosure office's dashboard shows it.</summary>
public enum FilingStatus
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Approved,
    Published,
}

public sealed record FilingRow(int AgencyId, string Slug, string Name, AgencyLevel Level, FilingStatus Status, bool Overdue, bool Correcting);

public sealed record YearDashboard(int Year, DateOnly Deadline, bool PastDeadline, IReadOnlyList<FilingRow> Rows, string? Filter)
{
    public int Count(FilingStatus status) => Rows.Count(r => r.Status == status);

    public int OverdueCount => Rows.Count(r => r.Overdue);

    public static string Name(FilingStatus status) => status switch
    {
        FilingStatus.NotStarted => "未开始",
        FilingStatus.Draft => "填报中",
        FilingStatus.Submitted => "待审核",
        FilingStatus.Returned => "已退回",
        FilingStatus.Approved => "待发布",
        _ => "已发布",
    };
}

public sealed record EditorHome(int Year, IReadOnlyList<FilingRow> Agencies);

[Authorize(Policy = StaffPolicies.Staff)]
public sealed class DashboardController(DisclosureDbContext db, TimeProvider clock) : Controller
{
    /// <summary>The year whose report offices are preparing now: until the end of March, last year's.</summary>
    public static int ReportingYear(DateTimeOffset now) => now.ToOffset(TimeSpan.FromHours(8)) is var china && china.Month <= 3 ? china.Year - 1 : china.Year;

    [HttpGet("admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var year = ReportingYear(clock.GetUtcNow());
        if (User.IsInRole(PortalRoles.Administrator) || User.IsInRole(PortalRoles.Reviewer))
        {
            return RedirectToAction(nameof(Year), new { year });
        }

        var assigned = User.FindAll(StaffPolicies.AgencyClaim).Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var rows = await RowsAsync(year, assigned, cancellationToken);
        return View(new EditorHome(year, rows));
    }

    [HttpGet("admin/years/{year:int}")]
    [Authorize(Policy = StaffPolicies.Review)]
    public async Task<IActionResult> Year(int year, string? status, CancellationToken cancellationToken)
    {
        if (year is < AnnualReport.MinYear or > AnnualReport.MaxYear)
        {
            return NotFound();
        }

        var rows = await RowsAsync(year, null, cancellationToken);
        var deadline = new DateOnly(year + 1, 1, 31);
        var filter = Enum.TryParse<FilingStatus>(status, ignoreCase: true, out var wanted) ? wanted.ToString() : status == "overdue" ? "overdue" : null;
        var shown = filter switch
        {
            null => rows,
            "overdue" => rows.Where(r => r.Overdue).ToList(),
            _ => rows.Where(r => r.Status == wanted).ToList(),
        };
        ViewData["All"] = rows;
        if (User.IsInRole(PortalRoles.Administrator))
        {
            ViewData["Register"] = await Register.RegisterDashboard.LoadAsync(db, Today(), cancellationToken);
        }

        return View(new YearDashboard(year, deadline, Today() > deadline, shown, filter));
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);

    private async Task<List<FilingRow>> RowsAsync(int year, IReadOnlyCollection<int>? agencyIds, CancellationToken cancellationToken)
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
        var pastDeadline = Today() > new DateOnly(year + 1, 1, 31);
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
            return new FilingRow(a.Id, a.Slug, a.Name, a.Level, correcting ? FilingStatus.Published : status, pastDeadline && !published, correcting);
        }).ToList();
    }
}
