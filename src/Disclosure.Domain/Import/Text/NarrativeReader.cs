using System.Text;
using Disclosure.Domain.Reports;

namespace Disclosure.Domain.Import.Text;

/// <summary>
/// Reads the text sections: the preamble, 一's parts, 五 and 六.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Narrative: lines are trimmed; consecutive lines join with "\n", blank lines separate paragraphs ("\n\n").</item>
/// <item>In 一, a line that is a sub-heading (<see cref="NarrativeText.IsSubHeading"/>, the rule the page and the PDF
/// display by) starts a part; text before the first such
/// line is a part with an empty heading. At most <see cref="ReportSections.MaxOverviewParts"/> parts are kept.</item>
/// <item>Abridged sections: a section (or overview part) whose whole text is 「（略）」 is stored as "" — the copy
/// omits text that the canonical document does not have either.</item>
/// <item>Lengths: a section longer than <see cref="ReportSections.SectionMaxLength"/> is an error.</item>
/// </list>
/// </remarks>
internal static class NarrativeReader
{
    /// <summary>The preamble: the front lines after the title.</summary>
    public static string Preamble(SegmentedText text, TitleLine title) =>
        Assemble(text.Lines(TextSegment.Front).Where(l => l.Number > title.Line));

    public static List<OverviewPart> Overview(IReadOnlyList<TextLine> lines, ImportLog log)
    {
        var parts = new List<(string Heading, List<TextLine> Lines)> { ("", []) };
        foreach (var line in lines)
        {
            if (line.Text is not null && NarrativeText.IsSubHeading(line.Text))
            {
                parts.Add((line.Text, []));
            }
            else
            {
                parts[^1].Lines.Add(line);
            }
        }

        var result = parts
            .Select(p => new OverviewPart(p.Heading, Assemble(p.Lines)))
            .Where(p => p.Heading.Length > 0 || p.Body.Length > 0)
            .ToList();
        if (result.Count > ReportSections.MaxOverviewParts)
        {
            log.Error(null, $"“一、总体情况”有 {result.Count} 个小标题，上限 {ReportSections.MaxOverviewParts} 个");
            result = result.Take(ReportSections.MaxOverviewParts).ToList();
        }

        return result;
    }

    /// <summary>Lines joined by "\n", paragraphs by "\n\n"; 「（略）」 alone means an abridged copy and gives "".</summary>
    public static string Assemble(IEnumerable<TextLine> lines)
    {
        var sb = new StringBuilder();
        var pendingBreak = false;
        foreach (var line in lines)
        {
            if (line.Text is null)
            {
                pendingBreak = sb.Length > 0;
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(pendingBreak ? "\n\n" : "\n");
            }

            sb.Append(line.Text);
            pendingBreak = false;
        }

        var text = sb.ToString();
        return IsAbridged(text) ? "" : text;
    }

    public static void CheckLengths(ReportSections sections, ImportLog log)
    {
        var texts = new[] { ("前言", sections.Preamble), ("五", sections.Problems), ("六", sections.Other) }
            .Concat(sections.Overview.Select(p => ("一", p.Body)));
        foreach (var (name, value) in texts)
        {
            if (value.Length > ReportSections.SectionMaxLength)
            {
                log.Error(null, $"第{name}部分的文字长 {value.Length:N0} 字，超过上限 {ReportSections.SectionMaxLength:N0}");
            }
        }
    }

    private static bool IsAbridged(string text) =>
        text.Length <= 8 && LabelText.Normalize(text) is "(略)" or "略" or "(略)。" or "略。" or "(此部分略)";
}
