using System.Globalization;
using System.Text;
using Disclosure.Domain.Reports;

namespace Disclosure.Domain.Text;

/// <summary>
/// Characters no text in the portal may hold: the C0 controls except tab, line feed and carriage return (which only
/// multi-line text may hold), DEL and the C1 controls, and the noncharacters U+FFFE/U+FFFF. XML 1.0 (the XLSX, the
/// PDF's XMP) cannot carry most of them, spreadsheets and logs misread them, and no one types them on purpose: they
/// arrive by copying from another program. Input is refused with the character's position; output strips them.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Whether <paramref name="c"/> is refused (in single-line text also tab, CR and LF).</summary>
    public static bool IsRefused(char c, bool multiline) =>
        c switch
        {
            '\t' or '\n' or '\r' => !multiline,
            < ' ' => true,
            >= '\u007F' and <= '\u009F' => true,
            '\uFFFE' or '\uFFFF' => true,
            _ => false,
        };

    /// <summary>The index of the first refused character, or -1.</summary>
    public static int IndexOfRefused(string? text, bool multiline)
    {
        if (text is null)
        {
            return -1;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (IsRefused(text[i], multiline))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The message shown at a field holding one: which character, and where.</summary>
    public static string Message(string text, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"第 {index + 1} 个字符是不可见的控制字符（U+{(int)text[index]:X4}），通常是从其他程序复制时带入的：请删除后再保存。");

    /// <summary>The text without refused characters (tab, CR, LF kept): for output of text stored before the rule.</summary>
    public static string Strip(string text)
    {
        if (IndexOfRefused(text, multiline: true) < 0)
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsRefused(c, multiline: true))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    /// <summary>
    /// For a log line: every control character (CR and LF included) as <c>\r</c>, <c>\n</c>, <c>\t</c> or
    /// <c>\u0001</c>, so a value cannot start a forged line.
    /// </summary>
    public static string Escape(string text)
    {
        var at = 0;
        while (at < text.Length && !NeedsEscape(text[at]))
        {
            at++;
        }

        if (at == text.Length)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, at);
        for (; at < text.Length; at++)
        {
            var c = text[at];
            _ = c switch
            {
                '\r' => escaped.Append("\\r"),
                '\n' => escaped.Append("\\n"),
                '\t' => escaped.Append("\\t"),
                _ when NeedsEscape(c) => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085';

    /// <summary>Where a report's text holds a refused character: a description of the place, or null.</summary>
    public static string? FindIn(AnnualReport report)
    {
        if (Where("机关名称", report.Agency.Name, multiline: false) is { } name)
        {
            return name;
        }

        if (Where("标题", report.Title, multiline: false) is { } title)
        {
            return title;
        }

        var sections = report.Sections;
        var texts = new List<(string Place, string Text)> { ("正文开头", sections.Preamble), ("五、存在的主要问题及改进情况", sections.Problems), ("六、其他需要报告的事项", sections.Other) };
        texts.AddRange(sections.Overview.SelectMany((part, i) => new[] { ($"一、总体情况第 {i + 1} 部分的小标题", part.Heading), ($"一、总体情况第 {i + 1} 部分", part.Body) }));
        foreach (var (place, text) in texts)
        {
            if (Where(place, text, multiline: true) is { } found)
            {
                return found;
            }
        }

        foreach (var cell in report.Cells)
        {
            if (cell.Value.Text is { } text && Where($"表格单元格（{cell.Row}，{cell.Column}）", text, multiline: false) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string? Where(string place, string? text, bool multiline)
    {
        var at = IndexOfRefused(text, multiline);
        return at < 0 ? null : $"{place}：{Message(text!, at)}";
    }
}
