using System.Globalization;
using System.Text.Json;

namespace Disclosure.Domain.Register;

/// <summary>One announced year of the shipped calendar: the notice that set it and its exceptions.</summary>
public sealed record CalendarNotice(int Year, string Title, string? NoticeNumber, IReadOnlyList<CalendarException> Days);

/// <summary>
/// The calendar shipped with Disclosure (<c>Register/cn-working-calendar-2019-2026.json</c>, an embedded resource):
/// the official exceptions of 2019–2026 from the 国务院办公厅 holiday notices. The database is seeded from it; an
/// Administrator enters later years (and any mid-year change) with the notice's 文号.
/// </summary>
public static class CalendarSeed
{
    private const string ResourceName = "Disclosure.Domain.Register.cn-working-calendar.json";
    private static readonly Lazy<List<CalendarNotice>> Loaded = new(Load);
    private static readonly Lazy<WorkingCalendar> Built = new(() =>
        new WorkingCalendar(Loaded.Value.Select(n => n.Year), Loaded.Value.SelectMany(n => n.Days)));

    /// <summary>The shipped years, one notice each, in order.</summary>
    public static IReadOnlyList<CalendarNotice> Notices => Loaded.Value;

    public static WorkingCalendar Calendar => Built.Value;

    /// <summary>The standard title of a year's notice (国务院办公厅关于YYYY年部分节假日安排的通知).</summary>
    public static string NoticeTitle(int year) => $"国务院办公厅关于{year}年部分节假日安排的通知";

    private static List<CalendarNotice> Load()
    {
        using var stream = typeof(CalendarSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from Disclosure.Domain.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var years = root.GetProperty("years");
        var first = years[0].GetInt32();
        var last = years[1].GetInt32();
        var days = root.GetProperty("days").EnumerateArray()
            .Select(d => new CalendarException(
                DateOnly.ParseExact(d.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                d.GetProperty("kind").GetString() switch
                {
                    "off" => CalendarDayKind.Off,
                    "work" => CalendarDayKind.Work,
                    var other => throw new InvalidOperationException($"Unknown calendar day kind '{other}'."),
                },
                d.GetProperty("name").GetString()!))
            .ToList();
        return Enumerable.Range(first, last - first + 1)
            .Select(year => new CalendarNotice(year, NoticeTitle(year), null, days.Where(d => d.Date.Year == year).ToList()))
            .ToList();
    }
}
