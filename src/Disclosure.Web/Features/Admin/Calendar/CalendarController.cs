using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Register;
using Disclosure.Web.Features.Admin.Register;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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
public sealed class CalendarController(DisclosureDbContext db, RegisterCommands commands, TimeProvider clock, ILogger<CalendarController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().GroupBy(d => new { d.Year, d.Kind }).Select(g => new { g.Key.Year, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        var rows = years.Select(y => new CalendarYearRow(y.Year, y.NoticeTitle, y.NoticeNumber,
            days.Where(d => d.Year == y.Year && d.Kind == CalendarDayKind.Off).Sum(d => d.Count),
            days.Where(d => d.Year == y.Year && d.Kind == CalendarDayKind.Work).Sum(d => d.Count))).ToList();
        var next = Math.Max(BeijingTime.Today(clock).Year + 1, years.Count == 0 ? 0 : years.Max(y => y.Year) + 1);
        return View(new CalendarIndexPage(rows, next));
    }

    [HttpGet("{year:int:range(2000,2100)}")]
    public async Task<IActionResult> Edit(int year, CancellationToken cancellationToken)
    {
        var entry = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        var form = new CalendarForm
        {
            NoticeTitle = entry?.NoticeTitle ?? $"国务院办公厅关于{year}年部分节假日安排的通知",
            NoticeNumber = entry?.NoticeNumber,
            Days = string.Join("\n", days.Select(d => CalendarForm.Line(d.ToException()))),
        };
        return View(new CalendarEditPage(year, entry is not null, form));
    }

    [HttpPost("{year:int:range(2000,2100)}")]
    public async Task<IActionResult> Edit(int year, CalendarForm form, CancellationToken cancellationToken)
    {
        var entry = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        if (!this.Validate(new CalendarFormValidator(year), form))
        {
            return View(new CalendarEditPage(year, entry is not null, form));
        }

        var number = form.NoticeNumber!.Trim();
        var (typed, _) = CalendarForm.Parse(form.Days, year);
        if (entry is null)
        {
            db.CalendarYears.Add(new CalendarYear(year, form.NoticeTitle!, number, clock.GetUtcNow()));
        }
        else
        {
            entry.UpdateNotice(form.NoticeTitle!, number);
        }

        // A day that stays as it was keeps the 文号 that set it; a new or changed day carries this notice's (a mid-year change).
        var stored = await db.CalendarDays.Where(d => d.Year == year).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var day in stored.Where(d => typed.All(t => t.Date != d.Date)))
        {
            db.CalendarDays.Remove(day);
            changed++;
        }

        foreach (var (date, kind, name) in typed)
        {
            var existing = stored.FirstOrDefault(d => d.Date == date);
            if (existing is null)
            {
                db.CalendarDays.Add(new CalendarDay(date, kind, name, number));
                changed++;
            }
            else if (existing.Kind != kind || existing.Name != name)
            {
                existing.Change(kind, name, number);
                changed++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var recomputed = await RegisterCalendar.RecomputeOpenDeadlinesAsync(db, await RegisterCalendar.LoadAsync(db, cancellationToken), cancellationToken);
        await commands.AuditAsync(User, AuditAction.CalendarNoticeEntered, null, $"{year} 年节假日安排（{number}）：{changed} 天新增或改变；{recomputed} 件申请的答复期限重新计算", cancellationToken);
        logger.LogInformation("Calendar {Year}: {Changed} days changed, {Recomputed} deadlines recomputed", year, changed, recomputed);
        TempData["Message"] = $"已保存 {year} 年节假日安排：{changed} 天新增或改变，{recomputed} 件申请的答复期限已重新计算。";
        return RedirectToAction(nameof(Index));
    }
}
