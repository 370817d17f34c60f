using Disclosure.Domain.Import.Text;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;

namespace Disclosure.Domain.Import;

/// <summary>
/// Reads the text a browser copies from a published report page (tables as tab-separated cells) into an
/// <see cref="AnnualReport"/>. Never throws: whatever the input, the result says what was read, what was not
/// understood (line by line) and what was expected where.
/// </summary>
/// <remarks>
/// The reading, in order, each step in <c>Import/Text/</c> with the rules it applies:
/// <list type="number">
/// <item><see cref="ReportSegmenter"/> cuts the text into the front lines and the six sections by their headings.</item>
/// <item><see cref="TitleReader"/> finds the title (agency name and year) among the front lines; the rest of the
/// front is the preamble.</item>
/// <item><see cref="NarrativeReader"/> assembles the preamble, 一's parts, 五 and 六.</item>
/// <item><see cref="ProactiveTableReader"/>, <see cref="ApplicationsTableReader"/> and <see cref="ReviewsTableReader"/>
/// find the rows of 二, 三 and 四 by their labels (<see cref="LabelMatcher"/>), never by position.</item>
/// <item>Format: 2019 when table 二 carries 2019 labels (<see cref="ProactiveRows.Is2019"/>); otherwise hybrid when
/// table 三 has the single row （六）其他处理, else 2021. Never from the year.</item>
/// <item>口径: <see cref="ImportOptions.Scope"/> if given, else <see cref="ScopeRule"/>. Published date: not read.</item>
/// <item><see cref="TableFiller"/> writes the rows' cells into the report's tables; blank cells stay blank.</item>
/// </list>
/// </remarks>
public static class ReportTextParser
{
    /// <summary>Largest input accepted, in characters (a 40-page report is about 100 000).</summary>
    public const int MaxInputLength = 16 * 1024 * 1024;

    /// <summary>A line of more cells than this is not a table row.</summary>
    public const int MaxCellsPerLine = 64;

    public static ImportResult Parse(string? text, ImportOptions? options = null)
    {
        options ??= ImportOptions.Default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ImportResult.Failed(ImportInputKind.Text, "输入为空：没有可导入的报告文本。");
        }

        if (text.Length > MaxInputLength)
        {
            return ImportResult.Failed(ImportInputKind.Text, $"输入过大（{text.Length:N0} 个字符，上限 {MaxInputLength:N0}）：一份年度报告的文字远小于此。");
        }

        if (LooksBinary(text))
        {
            return ImportResult.Failed(ImportInputKind.Text, "输入不是文本（含有控制字符或无法解码的字节）：请导入从报告网页复制的文字或规范 JSON。");
        }

#pragma warning disable CA1031 // The parser's contract is that nothing escapes: an unforeseen fault becomes an error result.
        try
        {
            return Read(text, options);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ImportResult.Failed(ImportInputKind.Text, $"解析时发生内部错误（{ex.GetType().Name}），未导入。");
        }
#pragma warning restore CA1031
    }

    private static ImportResult Read(string text, ImportOptions options)
    {
        var log = new ImportLog();
        var segments = ReportSegmenter.Segment(text);
        var title = TitleReader.Read(segments.Lines(TextSegment.Front), log);
        var preamble = NarrativeReader.Preamble(segments, title);
        var overview = NarrativeReader.Overview(segments.Lines(TextSegment.Overview), log);
        var problems = NarrativeReader.Assemble(segments.Lines(TextSegment.Problems));
        var other = NarrativeReader.Assemble(segments.Lines(TextSegment.Other));
        foreach (var part in ReportSegmenter.Sections.Where(p => !segments.Headings.ContainsKey(p)))
        {
            log.Error(null, $"未找到章节标题“{ReportSegmenter.HeadingText(part)}”");
        }

        var proactive = ProactiveTableReader.Read(segments.Lines(TextSegment.Proactive), log);
        var applications = ApplicationsTableReader.Read(segments.Lines(TextSegment.Applications), log);
        var reviews = ReviewsTableReader.Read(segments.Lines(TextSegment.Reviews), log);

        var format = proactive.Is2019
            ? ReportFormat.Format2019
            : applications.SingleOther && !applications.OtherItems ? ReportFormat.Hybrid : ReportFormat.Format2021;
        if (applications.OtherItems && applications.SingleOther)
        {
            log.Error(null, "表三的“（六）其他处理”既有单行又有分项，格式不明");
        }

        var (scope, scopeReason) = options.Scope is { } given
            ? (given, "导入时指定")
            : title.Agency is null ? (ReportScope.Agency, "") : ScopeRule.Detect(title.Agency);

        var found = segments.Headings.Count > 0;
        AnnualReport? report = null;
        if (title is { Agency: { } agency, Title: { } printedTitle, Year: { } year } && found)
        {
            var sections = new ReportSections(preamble, overview, problems, other);
            NarrativeReader.CheckLengths(sections, log);
            report = new AnnualReport(new AgencyRef(agency, options.AgencySlug), year, format, scope, printedTitle) { Sections = sections };
            TableFiller.Fill(report.Proactive, proactive.Rows, log);
            TableFiller.Fill(report.Applications, applications.Rows, log);
            TableFiller.FillReviews(report.Reviews, reviews, log);
        }
        else if (!found)
        {
            log.Error(null, "不是政府信息公开工作年度报告：没有找到任何章节标题（一、总体情况 … 六、其他需要报告的事项）");
        }

        return new ImportResult
        {
            InputKind = ImportInputKind.Text,
            Report = report,
            Format = report is null && !found ? null : format,
            AgencyName = title.Agency,
            Year = title.Year,
            Scope = report?.Scope,
            ScopeReason = report is null ? null : scopeReason,
            Findings = report is null ? [] : ConsistencyRules.Check(report),
            UnparsedLines = log.UnparsedLines,
            Errors = log.Errors,
            Cells = log.Cells,
        };
    }

    private static bool LooksBinary(string text)
    {
        var bad = 0;
        foreach (var c in text)
        {
            if (c == '\0')
            {
                return true;
            }

            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\uFFFD')
            {
                bad++;
            }
        }

        return bad > 8 && bad > text.Length / 1000;
    }
}
