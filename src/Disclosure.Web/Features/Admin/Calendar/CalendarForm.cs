using System.Globalization;
using Disclosure.Domain.Register;
using FluentValidation;

namespace Disclosure.Web.Features.Admin.Calendar;

/// <summary>
/// A year's holiday notice as an Administrator types it: the notice's title and 文号, and one line per exception
/// day — 「2027-01-01 休 元旦」 (a day off) or 「2027-02-07 班 春节」 (a weekend day worked).
/// </summary>
public sealed class CalendarForm
{
    public const int MaxDays = 100;

    public string? NoticeTitle { get; set; }

    public string? NoticeNumber { get; set; }

    public string? Days { get; set; }

    public static string Line(CalendarException day) =>
        $"{WorkingCalendar.Format(day.Date)} {(day.Kind == CalendarDayKind.Off ? "休" : "班")} {day.Name}";

    /// <summary>The days typed, or the problems (each naming its line), for <paramref name="year"/>.</summary>
    public static (IReadOnlyList<(DateOnly Date, CalendarDayKind Kind, string Name)> Days, IReadOnlyList<string> Problems) Parse(string? text, int year)
    {
        var days = new List<(DateOnly, CalendarDayKind, string)>();
        var problems = new List<string>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split([' ', '\t', '　'], 3, StringSplitOptions.RemoveEmptyEntries);
            var n = i + 1;
            if (parts.Length < 3)
            {
                problems.Add($"第 {n} 行应为“日期 休/班 节日名称”，如“{year}-01-01 休 元旦”。");
                continue;
            }

            if (!DateOnly.TryParseExact(parts[0], ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"第 {n} 行：日期“{parts[0]}”的格式应为 {year}-01-01。");
                continue;
            }

            if (date.Year != year)
            {
                problems.Add($"第 {n} 行：{parts[0]} 不在 {year} 年。");
                continue;
            }

            CalendarDayKind? kind = parts[1] switch
            {
                "休" or "放假" or "休息" => CalendarDayKind.Off,
                "班" or "上班" => CalendarDayKind.Work,
                _ => null,
            };
            if (kind is null)
            {
                problems.Add($"第 {n} 行：第二项应为“休”（放假）或“班”（调休上班）。");
                continue;
            }

            var name = parts[2].Trim();
            if (name.Length > CalendarException.NameMaxLength || name.Any(char.IsControl))
            {
                problems.Add($"第 {n} 行：节日名称最多 {CalendarException.NameMaxLength} 个字。");
                continue;
            }

            if (days.Any(d => d.Item1 == date))
            {
                problems.Add($"第 {n} 行：{parts[0]} 已在前面出现。");
                continue;
            }

            days.Add((date, kind.Value, name));
        }

        if (days.Count > MaxDays)
        {
            problems.Add($"一年最多 {MaxDays} 天例外。");
        }

        return (days, problems);
    }
}

public sealed class CalendarFormValidator : AbstractValidator<CalendarForm>
{
    public CalendarFormValidator(int year)
    {
        RuleFor(f => f.NoticeTitle).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写通知标题，如“国务院办公厅关于2027年部分节假日安排的通知”。")
            .Must(t => t is null || t.Trim().Length <= CalendarYear.NoticeTitleMaxLength).WithMessage($"通知标题最多 {CalendarYear.NoticeTitleMaxLength} 个字。")
            .Must(t => t is null || !t.Any(char.IsControl)).WithMessage("通知标题含有不可见的控制字符。");
        RuleFor(f => f.NoticeNumber).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写文号，如“国办发明电〔2026〕7号”。")
            .Must(t => t is null || t.Trim().Length <= CalendarException.NoticeNumberMaxLength).WithMessage($"文号最多 {CalendarException.NoticeNumberMaxLength} 个字。")
            .Must(t => t is null || !t.Any(char.IsControl)).WithMessage("文号含有不可见的控制字符。");
        RuleFor(f => f.Days).Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("请逐行填写放假和调休上班的日期。");
        RuleFor(f => f.Days).Custom((text, context) =>
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                foreach (var problem in CalendarForm.Parse(text, year).Problems)
                {
                    context.AddFailure(nameof(CalendarForm.Days), problem);
                }
            }
        });
    }
}
