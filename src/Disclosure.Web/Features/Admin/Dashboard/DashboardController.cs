using Disclosure.Data;
using Disclosure.Data.Identity;
using Disclosure.Domain;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

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

public sealed record FilingRow(int AgencyId, string Slug, string Name, AgencyLevel Level, FilingStatus Status, bool Overdue, bool Correcting)
{
    public DateOnly Deadline(int year) => FilingDeadline.For(Level, year);
}

public sealed record YearDashboard(int Year, DateOnly Today, IReadOnlyList<FilingRow> Rows, string? Filter)
{
    public int Count(FilingStatus status) => Rows.Count(r => r.Status == status);

    public int OverdueCount => Rows.Count(r => r.Overdue);

    public static string Name(FilingStatus status) => status switch
    {
        FilingStatus.NotStarted => "未开始",
        FilingStatus.Draft => "草稿",
        FilingStatus.Submitted => "待审核",
        FilingStatus.Returned => "已退回",
        FilingStatus.Approved => "待发布",
        _ => "已发布",
    };
}

public sealed record EditorHome(int Year, IReadOnlyList<FilingRow> Agencies, IReadOnlyList<OpenWork> Work);

[Authorize(Policy = StaffPolicies.Staff)]
public sealed class DashboardController(FilingQuery filings, Register.RegisterDashboard register, TimeProvider clock) : Controller
{
    /// <summary>The year whose report offices are preparing now: until the end of March, last year's.</summary>
    public static int ReportingYear(DateTimeOffset now) => BeijingTime.Of(now) is var china && china.Month <= 3 ? china.Year - 1 : china.Year;

    [HttpGet("admin")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var year = ReportingYear(clock.GetUtcNow());
        if (User.IsInRole(PortalRoles.Administrator) || User.IsInRole(PortalRoles.Reviewer))
        {
            return RedirectToAction(nameof(Year), new { year });
        }

        var assigned = User.FindAll(StaffPolicies.AgencyClaim).Select(c => int.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var rows = await filings.RowsAsync(year, assigned, cancellationToken);
        return View(new EditorHome(year, rows, await filings.OpenWorkAsync(assigned, cancellationToken)));
    }

    [HttpGet("admin/years/{year:int:reportyear}")]
    [Authorize(Policy = StaffPolicies.Review)]
    public async Task<IActionResult> Year(int year, string? status, CancellationToken cancellationToken)
    {
        var rows = await filings.RowsAsync(year, null, cancellationToken);
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
            ViewData["Register"] = await register.LoadAsync(filings.Today(), cancellationToken);
        }

        return View(new YearDashboard(year, filings.Today(), shown, filter));
    }
}
