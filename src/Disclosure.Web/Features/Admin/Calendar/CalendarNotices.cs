using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Register;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Calendar;

/// <summary>
/// The holiday notices behind the working calendar: the years entered, one year's days as the form shows them, and
/// entering a notice — its days and its audit entry in one save, then the deadlines of open applications worked out
/// again (in batches: a city's decade does not sit in memory at once; derived, so running it again is harmless).
/// </summary>
public sealed class CalendarNotices(DisclosureDbContext db, TimeProvider clock)
{
    public async Task<CalendarIndexPage> IndexAsync(CancellationToken cancellationToken)
    {
        var years = await db.CalendarYears.AsNoTracking().OrderByDescending(y => y.Year).ToListAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().GroupBy(d => new { d.Year, d.Kind }).Select(g => new { g.Key.Year, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        var rows = years.Select(y => new CalendarYearRow(y.Year, y.NoticeTitle, y.NoticeNumber,
            days.Where(d => d.Year == y.Year && d.Kind == CalendarDayKind.Off).Sum(d => d.Count),
            days.Where(d => d.Year == y.Year && d.Kind == CalendarDayKind.Work).Sum(d => d.Count))).ToList();
        var next = Math.Max(BeijingTime.Today(clock).Year + 1, years.Count == 0 ? 0 : years.Max(y => y.Year) + 1);
        return new CalendarIndexPage(rows, next);
    }

    public async Task<CalendarEditPage> EditAsync(int year, CancellationToken cancellationToken)
    {
        var entry = await db.CalendarYears.AsNoTracking().SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Year == year).OrderBy(d => d.Date).ToListAsync(cancellationToken);
        var form = new CalendarForm
        {
            NoticeTitle = entry?.NoticeTitle ?? $"国务院办公厅关于{year}年部分节假日安排的通知",
            NoticeNumber = entry?.NoticeNumber,
            Days = string.Join("\n", days.Select(d => CalendarForm.Line(d.ToException()))),
        };
        return new CalendarEditPage(year, entry is not null, form);
    }

    public Task<bool> ExistsAsync(int year, CancellationToken cancellationToken) =>
        db.CalendarYears.AnyAsync(y => y.Year == year, cancellationToken);

    /// <summary>Enters (or changes) a year's notice from a validated form; returns how many days changed and how many deadlines.</summary>
    public async Task<(int Changed, int Recomputed)> EnterAsync(int year, CalendarForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var number = form.NoticeNumber!.Trim();
        var (typed, _) = CalendarForm.Parse(form.Days, year);
        var entry = await db.CalendarYears.SingleOrDefaultAsync(y => y.Year == year, cancellationToken);
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

        db.AuditEntries.Add(ActingStaff.Audit(user, clock, AuditAction.CalendarNoticeEntered,
            $"{year} 年节假日安排（{number}）：{changed} 天新增或改变；未办结申请的答复期限随后重新计算"));
        await db.SaveChangesAsync(cancellationToken);
        var recomputed = await RegisterCalendar.RecomputeOpenDeadlinesAsync(db, await RegisterCalendar.LoadAsync(db, cancellationToken), cancellationToken);
        return (changed, recomputed);
    }
}
