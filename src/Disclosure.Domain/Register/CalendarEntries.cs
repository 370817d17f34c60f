namespace Disclosure.Domain.Register;

/// <summary>
/// A year whose holiday arrangements have been announced (国务院办公厅关于部分节假日安排的通知), as stored. A year
/// without one is unannounced and its deadlines are provisional.
/// </summary>
public sealed class CalendarYear
{
    public const int NoticeTitleMaxLength = 200;

    private CalendarYear()
    {
        NoticeTitle = "";
    }

    public CalendarYear(int year, string noticeTitle, string? noticeNumber, DateTimeOffset enteredAt)
    {
        if (year is < 2000 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "A calendar year is 2000–2100.");
        }

        Year = year;
        NoticeTitle = Required(noticeTitle, NoticeTitleMaxLength, nameof(noticeTitle));
        NoticeNumber = Optional(noticeNumber, CalendarException.NoticeNumberMaxLength, nameof(noticeNumber));
        EnteredAt = enteredAt;
    }

    public int Year { get; private set; }

    /// <summary>The notice's title, e.g. 国务院办公厅关于2025年部分节假日安排的通知.</summary>
    public string NoticeTitle { get; private set; }

    /// <summary>The notice's 文号 (e.g. 国办发明电〔2024〕12号); null where the shipped data did not record it.</summary>
    public string? NoticeNumber { get; private set; }

    public DateTimeOffset EnteredAt { get; private set; }

    public void UpdateNotice(string noticeTitle, string? noticeNumber)
    {
        NoticeTitle = Required(noticeTitle, NoticeTitleMaxLength, nameof(noticeTitle));
        NoticeNumber = Optional(noticeNumber, CalendarException.NoticeNumberMaxLength, nameof(noticeNumber));
    }

    internal static string Required(string? text, int max, string name) =>
        Optional(text, max, name) ?? throw new ArgumentException($"{name} is required.", name);

    internal static string? Optional(string? text, int max, string name)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        return t.Length <= max ? t : throw new ArgumentException($"{name} is longer than {max} characters.", name);
    }
}

/// <summary>One announced exception as stored: a day off, or a weekend day worked, with the notice that set it.</summary>
public sealed class CalendarDay
{
    private CalendarDay()
    {
        Name = "";
    }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name, string? noticeNumber)
    {
        Date = date;
        Year = date.Year;
        Kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind));
        Name = CalendarYear.Required(name, CalendarException.NameMaxLength, nameof(name));
        NoticeNumber = CalendarYear.Optional(noticeNumber, CalendarException.NoticeNumberMaxLength, nameof(noticeNumber));
    }

    public DateOnly Date { get; private set; }

    /// <summary>The year the day belongs to (its <see cref="CalendarYear"/>).</summary>
    public int Year { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    /// <summary>The holiday it belongs to (春节, 国庆节…).</summary>
    public string Name { get; private set; }

    /// <summary>The 文号 of the notice that set this day (a mid-year change has its own).</summary>
    public string? NoticeNumber { get; private set; }

    /// <summary>A later notice changes the day (2020: the Spring Festival was extended on 27 January).</summary>
    public void Change(CalendarDayKind kind, string name, string? noticeNumber)
    {
        Kind = Enum.IsDefined(kind) ? kind : throw new ArgumentOutOfRangeException(nameof(kind));
        Name = CalendarYear.Required(name, CalendarException.NameMaxLength, nameof(name));
        NoticeNumber = CalendarYear.Optional(noticeNumber, CalendarException.NoticeNumberMaxLength, nameof(noticeNumber));
    }

    public CalendarException ToException() => new(Date, Kind, Name, NoticeNumber);

    /// <summary>The working calendar from the stored years and days.</summary>
    public static WorkingCalendar Calendar(IEnumerable<CalendarYear> years, IEnumerable<CalendarDay> days) =>
        new(years.Select(y => y.Year), days.Select(d => d.ToException()));
}
