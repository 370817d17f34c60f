using System.Text.RegularExpressions;

namespace Disclosure.Domain.Reports;

/// <summary>One block of a narrative section: a paragraph (its lines), or a short sub-heading such as 「（一）政府信息处理费收取情况」.</summary>
public sealed record NarrativeBlock(bool IsSubHeading, IReadOnlyList<string> Lines);

/// <summary>
/// Splits stored narrative into blocks, the same way for the web page and the PDF: paragraphs are separated by a
/// blank line; a paragraph that is one short line numbered （一）/(一) without a full stop is a sub-heading.
/// </summary>
public static partial class NarrativeText
{
    public const int SubHeadingMaxLength = 40;

    public static IReadOnlyList<NarrativeBlock> Blocks(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var blocks = new List<NarrativeBlock>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n"))
        {
            var lines = paragraph.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            if (lines.Length == 0)
            {
                continue;
            }

            var isHeading = lines.Length == 1 && lines[0].Length <= SubHeadingMaxLength
                && SubHeading().IsMatch(lines[0]) && !lines[0].Contains('。', StringComparison.Ordinal);
            blocks.Add(new NarrativeBlock(isHeading, lines));
        }

        return blocks;
    }

    [GeneratedRegex(@"^[（(][一二三四五六七八九十]+[）)]")]
    private static partial Regex SubHeading();
}
