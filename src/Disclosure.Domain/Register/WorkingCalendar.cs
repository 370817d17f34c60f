using System.Globalization;

namespace Disclosure.Domain.Register;

/// <summary>What an announced exception makes of a day.</summary>
public enum CalendarDayKind
{
    /// <summary>A day off (放假): a holiday, or a weekday given off in exchange for a working weekend day.</summary>
    Off = 1,

    /// <summary>A Saturday or Sunday declared a working day (调休上班); on a weekday it confirms the normal week (2020-02-03).</summary>
    Work = 2,
}

/// <summary>One exception to the Monday–Friday week, as a 国务院办公厅 notice announced it.</summary>
public sealed record CalendarException(DateOnly Date, CalendarDayKind Kind, string Name, string? NoticeNumber = null)
{
    public const int NameMaxLength = 50;
    public const int NoticeNumberMaxLength = 50;
}

/// <summary>The result of walking the calendar: a date, and whether the walk passed through a year not yet announced.</summary>
public readonly record struct CalendarDate(DateOnly Date, bool IsProvisional, IReadOnlyList<int> UnannouncedYears);

/// <summary>
/// The working calendar of mainland China's public offices: Monday–Friday, minus the official days off, plus the
/// weekend days declared working days, as announced year by year. A year whose notice has not been entered is
/// <em>unannounced</em>: its days follow Monday–Friday, and anything computed through them is provisional.
/// Immutable; build a new one when an Administrator enters a notice.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<int> _announcedYears;
    private readonly Dictionary<DateOnly, CalendarException> _exceptions;

    public WorkingCalendar(IEnumerable<int> announcedYears, IEnumerable<CalendarException> exceptions)
    {
        _announcedYears = [.. announcedYears];
        _exceptions = [];
        foreach (var exception in exceptions)
        {
            if (!_announcedYears.Contains(exception.Date.Year))
            {
                throw new ArgumentException($"{exception.Date:yyyy-MM-dd} lies in a year that is not announced.", nameof(exceptions));
            }

            // A later entry for the same date wins: a mid-year notice (2020's longer Spring Festival) replaces the first.
            _exceptions[exception.Date] = exception;
        }
    }

    /// <summary>The calendar shipped with Disclosure: the notices for 2019–2026.</summary>
    public static WorkingCalendar Seed => CalendarSeed.Calendar;

    public IReadOnlyCollection<int> AnnouncedYears => _announcedYears;

    public IEnumerable<CalendarException> Exceptions => _exceptions.Values.OrderBy(e => e.Date);

    public bool IsAnnounced(int year) => _announcedYears.Contains(year);

    public CalendarException? ExceptionOn(DateOnly date) => _exceptions.GetValueOrDefault(date);

    /// <summary>Whether offices work that day (for an unannounced year: Monday–Friday).</summary>
    public bool IsWorkingDay(DateOnly date) => _exceptions.TryGetValue(date, out var exception)
        ? exception.Kind == CalendarDayKind.Work
        : !IsWeekend(date);

    /// <summary>
    /// The <paramref name="count"/>-th working day after <paramref name="start"/> (the start is day 0 and never
    /// counts). <paramref name="count"/> 0 gives the start itself.
    /// </summary>
    public CalendarDate AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var unannounced = new SortedSet<int>();
        var day = start;
        for (var counted = 0; counted < count;)
        {
            day = day.AddDays(1);
            Note(day, unannounced);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return new CalendarDate(day, unannounced.Count > 0, [.. unannounced]);
    }

    /// <summary>The working days after <paramref name="after"/> up to and including <paramref name="through"/> (0 when through ≤ after).</summary>
    public (int Days, IReadOnlyList<int> UnannouncedYears) CountWorkingDays(DateOnly after, DateOnly through)
    {
        var unannounced = new SortedSet<int>();
        var days = 0;
        for (var day = after.AddDays(1); day <= through; day = day.AddDays(1))
        {
            Note(day, unannounced);
            if (IsWorkingDay(day))
            {
                days++;
            }
        }

        return (days, [.. unannounced]);
    }

    /// <summary>The number of working days in a year (about 250 in an announced year).</summary>
    public int WorkingDaysIn(int year) =>
        CountWorkingDays(new DateOnly(year, 1, 1).AddDays(-1), new DateOnly(year, 12, 31)).Days;

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A date as the register writes it: <c>yyyy-MM-dd</c>.</summary>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Note(DateOnly day, SortedSet<int> unannounced)
    {
        if (!_announcedYears.Contains(day.Year))
        {
            unannounced.Add(day.Year);
        }
    }
}
