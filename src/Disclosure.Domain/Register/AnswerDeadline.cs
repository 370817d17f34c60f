namespace Disclosure.Domain.Register;

/// <summary>
/// 答复期限 — the last day to answer, with how it was computed (条例 第三十条、第三十二条、第三十三条), for the
/// application page: the clock start (receipt, or the 补正 receipt), + 20 working days, + the extension, + the
/// working days of consultation, and the calendar exceptions met on the way.
/// </summary>
public sealed record AnswerDeadline(
    DateOnly ClockStart,
    bool StartsAtCorrection,
    int ExtensionDays,
    int ConsultationDays,
    bool ConsultationOpen,
    DateOnly Due,
    bool IsProvisional,
    IReadOnlyList<int> UnannouncedYears,
    IReadOnlyList<CalendarException> ExceptionsMet,
    int WeekendDaysSkipped)
{
    /// <summary>第三十三条: 20 working days.</summary>
    public const int StatutoryDays = 20;

    /// <summary>第三十三条: one extension of at most 20 working days.</summary>
    public const int MaxExtensionDays = 20;

    /// <summary>第三十二条、第三十四条: a consultation takes at most 15 working days; while it is open the deadline assumes all of them.</summary>
    public const int ConsultationDaysAllowed = 15;

    public int TotalWorkingDays => StatutoryDays + ExtensionDays + ConsultationDays;

    /// <summary>The days off that fell on a weekday between the start and the deadline (each pushed it a day further).</summary>
    public IEnumerable<CalendarException> DaysOffSkipped =>
        ExceptionsMet.Where(e => e.Kind == CalendarDayKind.Off && !WorkingCalendar.IsWeekend(e.Date));

    /// <summary>The weekend days worked (调休上班) that counted as working days.</summary>
    public IEnumerable<CalendarException> WeekendDaysWorked =>
        ExceptionsMet.Where(e => e.Kind == CalendarDayKind.Work && WorkingCalendar.IsWeekend(e.Date));

    /// <summary>The computation in words, one step a line (shown under the deadline on the application page).</summary>
    public IReadOnlyList<string> Explanation()
    {
        var lines = new List<string>
        {
            StartsAtCorrection
                ? $"起算日：{WorkingCalendar.Format(ClockStart)}（补正后申请收到之日，第三十条：答复期限自此重新计算，当日不计）"
                : $"起算日：{WorkingCalendar.Format(ClockStart)}（收到申请之日，第三十一条，当日不计）",
            $"＋{StatutoryDays} 个工作日（第三十三条）",
        };
        if (ExtensionDays > 0)
        {
            lines.Add($"＋{ExtensionDays} 个工作日延期（第三十三条第二款）");
        }

        if (ConsultationOpen)
        {
            lines.Add($"＋{ConsultationDays} 个工作日征求意见（第三十二条，意见尚未收到，暂按 {ConsultationDaysAllowed} 个工作日计）");
        }
        else if (ConsultationDays > 0)
        {
            lines.Add($"＋{ConsultationDays} 个工作日征求意见（第三十二条，不计入答复期限）");
        }

        var skipped = DaysOffSkipped.ToList();
        if (skipped.Count > 0)
        {
            lines.Add("跳过的节假日：" + string.Join("、", skipped.GroupBy(e => e.Name)
                .Select(g => $"{g.Key}（{string.Join("、", g.Select(e => e.Date.ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture)))}）")));
        }

        var worked = WeekendDaysWorked.ToList();
        if (worked.Count > 0)
        {
            lines.Add("计入的调休上班日：" + string.Join("、", worked.Select(e => e.Date.ToString("M月d日", System.Globalization.CultureInfo.InvariantCulture))));
        }

        lines.Add($"另跳过周末 {WeekendDaysSkipped} 天");
        lines.Add($"答复期限：{WorkingCalendar.Format(Due)}（{Weekday(Due)}）" + (IsProvisional
            ? $"，暂定：{string.Join("、", UnannouncedYears)} 年的节假日安排尚未录入"
            : ""));
        return lines;
    }

    /// <summary>
    /// Computes the deadline. <paramref name="consultationReplied"/> null while a consultation is open: then its full
    /// <see cref="ConsultationDaysAllowed"/> are assumed.
    /// </summary>
    public static AnswerDeadline Compute(
        WorkingCalendar calendar,
        DateOnly clockStart,
        bool startsAtCorrection,
        int extensionDays,
        DateOnly? consultationStarted,
        DateOnly? consultationReplied)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (extensionDays is < 0 or > MaxExtensionDays)
        {
            throw new ArgumentOutOfRangeException(nameof(extensionDays), extensionDays, $"An extension is 0–{MaxExtensionDays} working days.");
        }

        var unannounced = new SortedSet<int>();
        var consultationDays = 0;
        var consultationOpen = consultationStarted is not null && consultationReplied is null;
        if (consultationStarted is { } started)
        {
            if (consultationReplied is { } replied)
            {
                var (days, years) = calendar.CountWorkingDays(started, replied);
                consultationDays = days;
                unannounced.UnionWith(years);
            }
            else
            {
                consultationDays = ConsultationDaysAllowed;
            }
        }

        var due = calendar.AddWorkingDays(clockStart, StatutoryDays + extensionDays + consultationDays);
        unannounced.UnionWith(due.UnannouncedYears);
        var met = new List<CalendarException>();
        var weekends = 0;
        for (var day = clockStart.AddDays(1); day <= due.Date; day = day.AddDays(1))
        {
            if (calendar.ExceptionOn(day) is { } exception)
            {
                met.Add(exception);
            }
            else if (WorkingCalendar.IsWeekend(day))
            {
                weekends++;
            }
        }

        return new AnswerDeadline(clockStart, startsAtCorrection, extensionDays, consultationDays, consultationOpen,
            due.Date, unannounced.Count > 0, [.. unannounced], met, weekends);
    }

    private static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "星期一",
        DayOfWeek.Tuesday => "星期二",
        DayOfWeek.Wednesday => "星期三",
        DayOfWeek.Thursday => "星期四",
        DayOfWeek.Friday => "星期五",
        DayOfWeek.Saturday => "星期六",
        _ => "星期日",
    };
}
