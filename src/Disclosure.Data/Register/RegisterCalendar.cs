using Disclosure.Domain.Register;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.Register;

/// <summary>The working calendar as stored: loading it, seeding the shipped years, and recomputing open deadlines after a change.</summary>
public static class RegisterCalendar
{
    /// <summary>The calendar from the database (a few hundred rows).</summary>
    public static async Task<WorkingCalendar> LoadAsync(DisclosureDbContext db, CancellationToken cancellationToken = default)
    {
        var years = await db.CalendarYears.AsNoTracking().ToListAsync(cancellationToken);
        var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
        return CalendarDay.Calendar(years, days);
    }

    /// <summary>
    /// Adds each shipped year (<see cref="CalendarSeed"/>) the database does not have yet; a year already there is
    /// never touched (an Administrator may have corrected it). Returns the years added.
    /// </summary>
    public static async Task<IReadOnlyList<int>> SeedAsync(DisclosureDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var present = await db.CalendarYears.AsNoTracking().Select(y => y.Year).ToListAsync(cancellationToken);
        var added = new List<int>();
        foreach (var notice in CalendarSeed.Notices.Where(n => !present.Contains(n.Year)))
        {
            db.CalendarYears.Add(new CalendarYear(notice.Year, notice.Title, notice.NoticeNumber, now));
            db.CalendarDays.AddRange(notice.Days.Select(d => new CalendarDay(d.Date, d.Kind, d.Name, d.NoticeNumber)));
            added.Add(notice.Year);
        }

        if (added.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            await RecomputeOpenDeadlinesAsync(db, await LoadAsync(db, cancellationToken), cancellationToken);
        }

        return added;
    }

    /// <summary>
    /// After a notice is entered or changed: works out again the deadline of every application still open, and of
    /// every answered one whose deadline was provisional. Answered applications with a firm deadline keep the one
    /// they were judged by. Returns how many changed.
    /// </summary>
    public static async Task<int> RecomputeOpenDeadlinesAsync(DisclosureDbContext db, WorkingCalendar calendar, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        var lastId = 0;
        while (true)
        {
            // In batches, so a city's decade does not sit in memory at once.
            var batch = await db.RegisterApplications
                .Where(a => a.Id > lastId && (a.AnsweredOn == null || a.DueIsProvisional))
                .OrderBy(a => a.Id)
                .Take(2000)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return changed;
            }

            changed += batch.Count(a => a.RecomputeDue(calendar));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            lastId = batch[^1].Id;
        }
    }
}
