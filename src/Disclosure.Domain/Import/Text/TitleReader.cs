using System.Globalization;
using System.Text.RegularExpressions;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;

namespace Disclosure.Domain.Import.Text;

/// <summary>The title as read: agency name and year come from it. <see cref="Line"/> is the line it ends on.</summary>
internal sealed record TitleLine(string? Agency, string? Title, int? Year, int Line)
{
    /// <summary>No title found: every front line is before the title, none is preamble.</summary>
    public static readonly TitleLine None = new(null, null, null, int.MaxValue);
}

/// <summary>
/// Finds the report's title among the front lines.
/// </summary>
/// <remarks>
/// Title: the first line (within the first 12 non-blank lines) reading 「机关名称YYYY年政府信息公开工作年度报告」 once
/// whitespace is removed; when it starts with the year, the line before it is the agency name. The title is stored
/// without whitespace ("2023 年" → "2023年"). Agency name and year come from the title. Lines before the title are not
/// part of the report and are listed as not understood.
/// </remarks>
internal static partial class TitleReader
{
    private const int SearchedLines = 12;

    public static TitleLine Read(IReadOnlyList<TextLine> front, ImportLog log)
    {
        var candidates = front.Where(l => l.Text is not null).Take(SearchedLines).ToList();
        for (var k = 0; k < candidates.Count; k++)
        {
            var compact = CopiedText.WithoutWhitespace(candidates[k].Text!);
            if (compact.Length > AnnualReport.TitleMaxLength || TitlePattern().Match(compact) is not { Success: true } match)
            {
                continue;
            }

            var agency = match.Groups["agency"].Value;
            var title = compact;
            var firstTitleLine = k;
            if (agency.Length == 0 && k > 0)
            {
                agency = CopiedText.WithoutWhitespace(candidates[k - 1].Text!);
                title = agency + compact;
                firstTitleLine = k - 1;
            }

            foreach (var before in candidates.Take(firstTitleLine))
            {
                log.NotUnderstood(before.Number, before.Text!, "标题之前的内容，不属于报告");
            }

            var line = candidates[k].Number;
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (agency.Length == 0 || agency.Length > Agency.NameMaxLength || title.Length > AnnualReport.TitleMaxLength)
            {
                log.Error(line, "标题中没有可用的机关名称（应为“机关名称YYYY年政府信息公开工作年度报告”）");
                return new TitleLine(null, null, year, line);
            }

            if (year is < AnnualReport.MinYear or > AnnualReport.MaxYear)
            {
                log.Error(line, $"标题中的年份 {year} 不在 {AnnualReport.MinYear}–{AnnualReport.MaxYear} 之间");
                return new TitleLine(agency, title, null, line);
            }

            return new TitleLine(agency, title, year, line);
        }

        log.Error(null, "未找到标题：报告开头应有“机关名称YYYY年政府信息公开工作年度报告”");
        foreach (var line in candidates)
        {
            log.NotUnderstood(line.Number, line.Text!, "标题之前的内容，不属于报告");
        }

        return TitleLine.None;
    }

    [GeneratedRegex(@"\A(?<agency>.*?)(?<year>[0-9]{4})年度?政府信息公开工作年度报告\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitlePattern();
}
