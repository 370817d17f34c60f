using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Calendar;

public sealed record CalendarYearRow(int Year, string NoticeTitle, string? NoticeNumber, int Off, int Work);

public sealed record CalendarIndexPage(IReadOnlyList<CalendarYearRow> Years, int NextYear);

public sealed record CalendarEditPage(int Year, bool Exists, CalendarForm Form);

/// <summary>
/// The working calendar behind every deadline: an Administrator enters a year's 国务院办公厅 holiday notice (or a
/// mid-year change, as in 2020) with its 文号; the deadlines of open applications are then worked out again.
/// </summary>
[Authorize(Policy = StaffPolicies.Administer)]
[Route("admin/calendar")]
public sealed class CalendarController(CalendarNotices notices, ILogger<CalendarController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await notices.IndexAsync(cancellationToken));

    [HttpGet("{year:int:range(2000,2100)}")]
    public async Task<IActionResult> Edit(int year, CancellationToken cancellationToken) => View(await notices.EditAsync(year, cancellationToken));

    [HttpPost("{year:int:range(2000,2100)}")]
    public async Task<IActionResult> Edit(int year, CalendarForm form, CancellationToken cancellationToken)
    {
        if (!this.Validate(new CalendarFormValidator(year), form))
        {
            return View(new CalendarEditPage(year, await notices.ExistsAsync(year, cancellationToken), form));
        }

        var (changed, recomputed) = await notices.EnterAsync(year, form, User, cancellationToken);
        logger.LogInformation("Calendar {Year}: {Changed} days changed, {Recomputed} deadlines recomputed", year, changed, recomputed);
        TempData["Message"] = $"已保存 {year} 年节假日安排：{changed} 天新增或改变，{recomputed} 件申请的答复期限已重新计算。";
        return RedirectToAction(nameof(Index));
    }
}
