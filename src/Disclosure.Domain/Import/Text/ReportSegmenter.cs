using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Import.Text;

/// <summary>The segments of a copied report in printed order: what comes before 一、, then the six sections.</summary>
internal enum TextSegment
{
    /// <summary>Everything before 一、总体情况: the title, the lines before it, and the preamble.</summary>
    Front,
    Overview,
    Proactive,
    Applications,
    Reviews,
    Problems,
    Other,
}

/// <summary>One line of the input, 1-based. <see cref="Text"/> is null for a blank line (a paragraph break).</summary>
internal sealed record TextLine(int Number, string? Text);

/// <summary>
/// The copied text cut into its parts. Narrative parts hold trimmed lines (blank lines kept as paragraph breaks);
/// table parts hold their lines as given, tabs and all, blank lines dropped.
/// </summary>
internal sealed class SegmentedText
{
    private readonly Dictionary<TextSegment, List<TextLine>> _lines = Enum.GetValues<TextSegment>().ToDictionary(p => p, _ => new List<TextLine>());
    private readonly Dictionary<TextSegment, int> _headings = [];

    /// <summary>The sections whose heading was found, with the heading's line.</summary>
    public IReadOnlyDictionary<TextSegment, int> Headings => _headings;

    public IReadOnlyList<TextLine> Lines(TextSegment part) => _lines[part];

    internal void Add(TextSegment part, TextLine line) => _lines[part].Add(line);

    internal void Heading(TextSegment part, int line) => _headings[part] = line;
}

/// <summary>
/// Cuts copied text into the front matter and the six sections by their headings.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Sections: the six headings 一、总体情况 … 六、其他需要报告的事项 are recognised by number and key words
/// (五、存在的主要问题… in any wording), in order: a heading is taken only when it comes after the section being read,
/// so a heading repeated or quoted later (「一、总体情况」 in 五's text) stays text. A heading is one short line (at
/// most 60 characters) with no tab.</item>
/// <item>Preamble: the lines between the title and 一、 (the title is found by <see cref="TitleReader"/> among the front lines).</item>
/// <item>Tables: the lines of 二, 三 and 四 go to the table readers as given; blank lines between rows are dropped.</item>
/// </list>
/// </remarks>
internal static class ReportSegmenter
{
    private const int HeadingMaxLength = 60;

    public static readonly IReadOnlyList<TextSegment> Sections =
        [TextSegment.Overview, TextSegment.Proactive, TextSegment.Applications, TextSegment.Reviews, TextSegment.Problems, TextSegment.Other];

    public static SegmentedText Segment(string text)
    {
        var result = new SegmentedText();
        var lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);
        var part = TextSegment.Front;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i];
            var number = i + 1;
            var trimmed = CopiedText.Trim(raw);
            if (trimmed.Length == 0)
            {
                if (IsNarrative(part))
                {
                    result.Add(part, new TextLine(number, null));
                }

                continue;
            }

            if (Heading(trimmed) is { } heading && heading > part)
            {
                part = heading;
                result.Heading(heading, number);
                continue;
            }

            result.Add(part, new TextLine(number, IsNarrative(part) ? trimmed : raw));
        }

        return result;
    }

    public static bool IsNarrative(TextSegment part) => part is TextSegment.Front or TextSegment.Overview or TextSegment.Problems or TextSegment.Other;

    /// <summary>Which section heading a (trimmed) line is, if any.</summary>
    public static TextSegment? Heading(string trimmed)
    {
        if (trimmed.Length > HeadingMaxLength || trimmed.Contains('\t', StringComparison.Ordinal))
        {
            return null;
        }

        var (number, rest) = LabelText.SplitNumber(LabelText.Normalize(trimmed));
        return number switch
        {
            "一、" when rest.StartsWith("总体情况", StringComparison.Ordinal) => TextSegment.Overview,
            "二、" when rest.StartsWith("主动公开", StringComparison.Ordinal) => TextSegment.Proactive,
            "三、" when rest.StartsWith("收到和处理", StringComparison.Ordinal) || rest.EndsWith("申请情况", StringComparison.Ordinal) => TextSegment.Applications,
            "四、" when rest.Contains("行政复议", StringComparison.Ordinal) => TextSegment.Reviews,
            "五、" when rest.StartsWith("存在的主要问题", StringComparison.Ordinal) || rest.StartsWith("存在问题", StringComparison.Ordinal)
                || rest.StartsWith("存在的问题", StringComparison.Ordinal) => TextSegment.Problems,
            "六、" when rest.StartsWith("其他需要报告", StringComparison.Ordinal) => TextSegment.Other,
            _ => null,
        };
    }

    /// <summary>A section's heading as printed in the official format, for "not found" messages.</summary>
    public static string HeadingText(TextSegment part) => part switch
    {
        TextSegment.Overview => ReportSections.Headings.Overview,
        TextSegment.Proactive => ProactiveLayout.Title,
        TextSegment.Applications => ApplicationsLayout.Title,
        TextSegment.Reviews => ReviewsLayout.Title,
        TextSegment.Problems => ReportSections.Headings.Problems,
        _ => ReportSections.Headings.Other,
    };
}
