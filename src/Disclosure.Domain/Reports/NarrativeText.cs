using System.Text.RegularExpressions;

namespace Disclosure.Domain.Reports;

/// <summary>One block of a narrative section: a paragraph (its lines), or a short sub-heading such as 「（一）政府信息处理费收取情况」.</summary>
public sealed record NarrativeBlock(bool IsSubHeading, IReadOnlyList<string> Lines);

/// <summary>
/// Splits stored narrative into blocks, the same way for the web page and the PDF: paragraphs are separated by a
/// blank line; a paragraph that is one short line numbered （一）/(一) without a full stop is a sub-heading, printed
/// with its number in full-width brackets (「(一) 政务公开」 → 「（一）政务公开」) like its siblings.
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

            var isHeading = lines.Length == 1 && IsSubHeading(lines[0]);
            blocks.Add(isHeading ? new NarrativeBlock(true, [SubHeadingText(lines[0])]) : new NarrativeBlock(false, lines));
        }

        return blocks;
    }

    /// <summary>
    /// Whether a line is a level-two heading: short, numbered （一） or (一) (either bracket, spaces allowed), with text
    /// after the number and no full stop. The one rule for the page, the DOCX, the PDF and the importer (which starts a
    /// part of 一、总体情况 at such a line): what is stored as a sub-heading is displayed as one. A bare 「（一）」 heads
    /// nothing and stays text; brackets other than （ ) and ( ), which no published sample uses for these numbers, do not
    /// make a heading (【一】 is a label more often than a heading).
    /// </summary>
    public static bool IsSubHeading(string line)
    {
        var text = line.Trim();
        return text.Length <= SubHeadingMaxLength
            && SubHeading().Match(text) is { Success: true } number
            && !string.IsNullOrWhiteSpace(text[number.Length..])
            && !text.Contains('。', StringComparison.Ordinal);
    }

    /// <summary>
    /// A sub-heading as printed: its number in full-width brackets and no space after it, whatever brackets the office
    /// typed (「(一) 政务公开」, 「（一)政务公开」 → 「（一）政务公开」). Any other text is returned trimmed.
    /// </summary>
    public static string SubHeadingText(string heading)
    {
        var text = heading.Trim();
        var match = SubHeading().Match(text);
        return match.Success
            ? $"（{match.Groups["n"].Value}）{text[match.Length..].TrimStart()}"
            : text;
    }

    [GeneratedRegex(@"^[（(]\s*(?<n>[一二三四五六七八九十]+)\s*[）)]")]
    private static partial Regex SubHeading();
}
