using Disclosure.Domain.Register;

namespace Disclosure.Domain.Tests.Register;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Seed;

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Seed_AnnouncesEveryYearFrom2019To2026AndNoOther()
    {
        Assert.Equal(Enumerable.Range(2019, 8), Calendar.AnnouncedYears.Order());
        Assert.False(Calendar.IsAnnounced(2018));
        Assert.False(Calendar.IsAnnounced(2027));
        Assert.Equal(8, CalendarSeed.Notices.Count);
        Assert.Equal("国务院办公厅关于2024年部分节假日安排的通知", CalendarSeed.Notices.Single(n => n.Year == 2024).Title);
    }

    [Fact]
    public void Seed_HonoursEveryListedException()
    {
        var exceptions = Calendar.Exceptions.ToList();
        Assert.Equal(283, exceptions.Count);
        foreach (var exception in exceptions)
        {
            Assert.True(exception.Kind == CalendarDayKind.Work == Calendar.IsWorkingDay(exception.Date), $"{exception.Date:yyyy-MM-dd} {exception.Name}");
        }

        // Every declared working day the notices name is a weekend day, except 2020-02-03 (a Monday after the extended Spring Festival).
        Assert.All(exceptions.Where(e => e.Kind == CalendarDayKind.Work && e.Date != D("2020-02-03")), e => Assert.True(WorkingCalendar.IsWeekend(e.Date)));
    }

    [Theory]
    [InlineData(2019, 250)]
    [InlineData(2020, 249)]
    [InlineData(2021, 250)]
    [InlineData(2022, 249)]
    [InlineData(2023, 249)]
    [InlineData(2024, 251)]
    [InlineData(2025, 248)]
    [InlineData(2026, 248)]
    public void WorkingDaysIn_EachAnnouncedYear_IsTheOfficialCount(int year, int expected)
    {
        Assert.Equal(expected, Calendar.WorkingDaysIn(year));
    }

    [Theory]
    [InlineData("2024-10-01", false)] // 国庆节
    [InlineData("2024-10-07", false)]
    [InlineData("2024-10-08", true)]
    [InlineData("2024-09-29", true)]  // Sunday worked
    [InlineData("2024-10-12", true)]  // Saturday worked
    [InlineData("2024-10-13", false)] // an ordinary Sunday
    [InlineData("2020-01-31", false)] // the 2020-01-27 notice's extension of the Spring Festival
    [InlineData("2020-02-01", false)] // a working Saturday in the first notice, a day off after the extension
    [InlineData("2025-01-28", false)] // 除夕 became a holiday from 2025
    [InlineData("2019-05-05", true)]
    [InlineData("2026-10-10", true)]
    public void IsWorkingDay_FollowsTheNotices(string date, bool working)
    {
        Assert.Equal(working, Calendar.IsWorkingDay(D(date)));
    }

    [Fact]
    public void AddWorkingDays_TheReceiptDayIsDayZero()
    {
        Assert.Equal(D("2024-06-04"), Calendar.AddWorkingDays(D("2024-06-03"), 1).Date);
        Assert.Equal(D("2024-06-03"), Calendar.AddWorkingDays(D("2024-06-03"), 0).Date);
        // Received on a Saturday: the first working day is Monday.
        Assert.Equal(D("2024-06-03"), Calendar.AddWorkingDays(D("2024-06-01"), 1).Date);
    }

    [Fact]
    public void AddWorkingDays_IntoAnUnannouncedYear_IsProvisionalAndNamesTheYear()
    {
        var due = Calendar.AddWorkingDays(D("2026-12-10"), 20);
        Assert.Equal(D("2027-01-07"), due.Date);
        Assert.True(due.IsProvisional);
        Assert.Equal([2027], due.UnannouncedYears);

        Assert.False(Calendar.AddWorkingDays(D("2026-11-02"), 20).IsProvisional);
    }

    [Fact]
    public void CountWorkingDays_ExcludesTheFirstDayAndIncludesTheLast()
    {
        Assert.Equal(11, Calendar.CountWorkingDays(D("2025-01-20"), D("2025-02-10")).Days);
        Assert.Equal(0, Calendar.CountWorkingDays(D("2025-01-20"), D("2025-01-20")).Days);
        Assert.Equal(1, Calendar.CountWorkingDays(D("2025-01-20"), D("2025-01-21")).Days);
    }

    [Fact]
    public void AMidYearNotice_ReplacesTheEarlierEntryForTheSameDay()
    {
        var calendar = new WorkingCalendar(
            [2030],
            [new CalendarException(D("2030-02-02"), CalendarDayKind.Work, "春节"), new CalendarException(D("2030-02-02"), CalendarDayKind.Off, "春节", "国办发明电〔2030〕1号")]);
        Assert.False(calendar.IsWorkingDay(D("2030-02-02")));
        Assert.Equal("国办发明电〔2030〕1号", calendar.ExceptionOn(D("2030-02-02"))!.NoticeNumber);
    }

    [Fact]
    public void AnExceptionOutsideTheAnnouncedYears_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([2030], [new CalendarException(D("2031-01-01"), CalendarDayKind.Off, "元旦")]));
    }
}
