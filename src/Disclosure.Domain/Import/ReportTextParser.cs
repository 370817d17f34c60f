using System.Text;
using System.Text.RegularExpressions;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;

namespace Disclosure.Domain.Import;

/// <summary>
/// Reads the text a browser copies from a published report page (tables as tab-separated cells) into an
/// <see cref="AnnualReport"/>. Never throws: whatever the input, the result says what was read, what was not
/// understood (line by line) and what was expected where.
/// </summary>
/// <remarks>
/// Rules, in reading order:
/// <list type="bullet">
/// <item>Title: the first line (within the first 12 non-blank lines) reading 「机关名称YYYY年政府信息公开工作年度报告」
/// once whitespace is removed; when it starts with the year, the line before it is the agency name. The title is
/// stored without whitespace ("2023 年" → "2023年"). Agency name and year come from the title.</item>
/// <item>Preamble: the lines between the title and 一、. Sections: the six headings 一、总体情况 …
/// 六、其他需要报告的事项, recognised by number and key words (五、存在的主要问题… in any wording), in order.</item>
/// <item>Narrative: lines are trimmed; consecutive lines join with "\n", blank lines separate paragraphs ("\n\n").
/// In 一, a short line 「（一）…」 starts a part; text before the first such line is a part with an empty heading.</item>
/// <item>Abridged sections: a section (or overview part) whose whole text is 「（略）」 is stored as "" — the copy
/// omits text that the canonical document does not have either.</item>
/// <item>Tables: rows are found by their label text (normalised, then matched tolerantly — see
/// <see cref="LabelMatcher"/>), never by position; numbered items also match by number within their （三）–（六）
/// group when the text is close (published typo 「2.其他法律行政止公开」 → deny_2). The data cells are the cells after
/// the label; surplus cells must be empty copies of merged cells. Blank cells stay blank.</item>
/// <item>Format: 2019 when table 二 carries 2019 labels (本年新制作数量, 其他对外管理服务事项, 第二十条第（九）项 …);
/// otherwise hybrid when table 三 has the single row （六）其他处理, else 2021. Never from the year.</item>
/// <item>口径: <see cref="ImportOptions.Scope"/> if given, else <see cref="ScopeRule"/>. Published date: not read.</item>
/// </list>
/// </remarks>
public static partial class ReportTextParser
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
            return new TextRun(text, options).Execute();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ImportResult.Failed(ImportInputKind.Text, $"解析时发生内部错误（{ex.GetType().Name}），未导入。");
        }
#pragma warning restore CA1031
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

    [GeneratedRegex(@"\A(?<agency>.*?)(?<year>[0-9]{4})年度?政府信息公开工作年度报告\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"\A第二十条第\((?<item>[一二三四五六七八九十]+)\)项\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlockHeaderPattern();

    private enum Part
    {
        Front,
        Overview,
        Proactive,
        Applications,
        Reviews,
        Problems,
        Other,
    }

    private sealed record TextLine(int Number, string? Text);

    private sealed record RowLine(string Key, int Line, string Label, string[] After, int Lead);

    private static readonly string[] _topLevelRows =
        [ApplicationsLayout.Rows.New, ApplicationsLayout.Rows.CarriedOver, ApplicationsLayout.Rows.CarriedForward];

    private static readonly LabelMatcher _proactiveRows = new(
        ProactiveLayout.Format2021.Rows.Concat(ProactiveLayout.Format2019.Rows)
            .Select(r => KnownLabel.Of(r.Key, r.Label))
            .DistinctBy(l => l.Normalized)
            .ToList());

    private static readonly HashSet<string> _proactive2019Columns = ColumnLabels(ProactiveLayout.Format2019);

    private static readonly HashSet<string> _proactive2021Columns = ColumnLabels(ProactiveLayout.Format2021);

    private static readonly LabelMatcher _applicationRows = new(
        ApplicationsLayout.Format2021.Rows.Concat(ApplicationsLayout.SingleOtherRow.Rows)
            .Where(r => r.Key != ApplicationsLayout.Rows.Other)
            .Select(r => KnownLabel.Of(r.Key, r.Label))
            .DistinctBy(l => l.Key)
            .ToList());

    private static readonly LabelMatcher _applicationGroups = new([KnownLabel.Of("results", ApplicationsLayout.ResultsGroup)]);

    private static readonly LabelMatcher _applicationSubgroups = new(
    [
        KnownLabel.Of("deny", "（三）不予公开"),
        KnownLabel.Of("unable", "（四）无法提供"),
        KnownLabel.Of("noproc", "（五）不予处理"),
        KnownLabel.Of("other", "（六）其他处理"),
    ]);

    private static readonly HashSet<string> _applicationHeaderWords = new(
        ApplicationsLayout.DataColumns.Select(c => LabelText.Normalize(c.Label))
            .Concat([LabelText.Normalize(ApplicationsLayout.ApplicantHeader), LabelText.Normalize(ApplicationsLayout.OrganisationHeader)]),
        StringComparer.Ordinal);

    private static readonly HashSet<string> _reviewHeaderWords = new(
        ReviewsLayout.GroupFields.Select(f => LabelText.Normalize(f.Label))
            .Concat(ReviewsLayout.Layout.Rows.Select(r => LabelText.Normalize(r.Label)))
            .Concat([LabelText.Normalize(ReviewsLayout.ReviewHeader), LabelText.Normalize(ReviewsLayout.LitigationHeader)]),
        StringComparer.Ordinal);

    private static HashSet<string> ColumnLabels(TableLayout layout) =>
        new(layout.Rows.SelectMany(r => r.Columns).Select(c => LabelText.Normalize(c.Label)), StringComparer.Ordinal);

    private static string TableName(ReportTableId id) => id switch
    {
        ReportTableId.Proactive => "表二",
        ReportTableId.Applications => "表三",
        _ => "表四",
    };

    private static string Trim(string line) => line.Trim().Trim('\uFEFF', '\u200B');

    private static string WithoutWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('\uFEFF' or '\u200B'))
            {
                sb.Append(c is >= '０' and <= '９' ? (char)(c - '０' + '0') : c);
            }
        }

        return sb.ToString();
    }

    private static Part? Heading(string trimmed)
    {
        if (trimmed.Length > 60 || trimmed.Contains('\t', StringComparison.Ordinal))
        {
            return null;
        }

        var (number, rest) = LabelText.SplitNumber(LabelText.Normalize(trimmed));
        return number switch
        {
            "一、" when rest.StartsWith("总体情况", StringComparison.Ordinal) => Part.Overview,
            "二、" when rest.StartsWith("主动公开", StringComparison.Ordinal) => Part.Proactive,
            "三、" when rest.StartsWith("收到和处理", StringComparison.Ordinal) || rest.EndsWith("申请情况", StringComparison.Ordinal) => Part.Applications,
            "四、" when rest.Contains("行政复议", StringComparison.Ordinal) => Part.Reviews,
            "五、" when rest.StartsWith("存在的主要问题", StringComparison.Ordinal) || rest.StartsWith("存在问题", StringComparison.Ordinal)
                || rest.StartsWith("存在的问题", StringComparison.Ordinal) => Part.Problems,
            "六、" when rest.StartsWith("其他需要报告", StringComparison.Ordinal) => Part.Other,
            _ => null,
        };
    }

    private static string HeadingText(Part part) => part switch
    {
        Part.Overview => ReportSections.Headings.Overview,
        Part.Proactive => ProactiveLayout.Title,
        Part.Applications => ApplicationsLayout.Title,
        Part.Reviews => ReviewsLayout.Title,
        Part.Problems => ReportSections.Headings.Problems,
        _ => ReportSections.Headings.Other,
    };

    private static bool IsSubHeading(string trimmed)
    {
        if (trimmed.Length > 40)
        {
            return false;
        }

        var (number, rest) = LabelText.SplitNumber(LabelText.Normalize(trimmed));
        return number.StartsWith('(') && rest.Length > 0 && !rest.Contains('。', StringComparison.Ordinal);
    }

    /// <summary>Lines joined by "\n", paragraphs by "\n\n"; 「（略）」 alone means an abridged copy and gives "".</summary>
    private static string Assemble(IEnumerable<TextLine> lines)
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

    private static bool IsAbridged(string text) =>
        text.Length <= 8 && LabelText.Normalize(text) is "(略)" or "略" or "(略)。" or "略。" or "(此部分略)";

    /// <summary>
    /// Chooses the <paramref name="count"/> data cells among the cells after a label: surplus cells must be empty
    /// (copies of merged cells, trailing tabs); where several choices fit, the one skipping <paramref name="lead"/> cells.
    /// </summary>
    private static int? Window(string[] normalized, int count, int lead, out string? problem)
    {
        problem = null;
        var nonEmpty = normalized.Count(c => c.Length > 0);
        if (normalized.Length < count)
        {
            if (nonEmpty == 0)
            {
                return -1;
            }

            problem = $"应有 {count} 个数字单元格，只找到 {normalized.Length} 个";
            return null;
        }

        int? best = null;
        for (var start = 0; start + count <= normalized.Length; start++)
        {
            var fits = true;
            for (var i = 0; i < normalized.Length && fits; i++)
            {
                fits = (i >= start && i < start + count) || normalized[i].Length == 0;
            }

            if (fits && (best is null || Math.Abs(start - lead) < Math.Abs(best.Value - lead)))
            {
                best = start;
            }
        }

        if (best is null)
        {
            problem = nonEmpty > count
                ? $"应有 {count} 个数字单元格，找到 {nonEmpty} 个"
                : $"应有 {count} 个数字单元格，但 {normalized.Length} 个单元格中数字的位置无法对齐";
        }

        return best;
    }

    private sealed class TextRun(string text, ImportOptions options)
    {
        private readonly List<ImportError> _errors = [];
        private readonly List<UnparsedLine> _unparsed = [];
        private readonly List<CellSource> _cells = [];
        private readonly Dictionary<Part, List<TextLine>> _narrative = new()
        {
            [Part.Front] = [],
            [Part.Overview] = [],
            [Part.Problems] = [],
            [Part.Other] = [],
        };

        private readonly Dictionary<Part, List<TextLine>> _tables = new()
        {
            [Part.Proactive] = [],
            [Part.Applications] = [],
            [Part.Reviews] = [],
        };

        private readonly Dictionary<Part, int> _headings = [];
        private readonly string[] _lines = text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);

        public ImportResult Execute()
        {
            Segment();
            var (agency, title, year, titleLine) = ReadTitle();
            var preamble = Assemble(_narrative[Part.Front].Where(l => l.Number > titleLine));
            var overview = ReadOverview();
            var problems = Assemble(_narrative[Part.Problems]);
            var other = Assemble(_narrative[Part.Other]);

            foreach (var part in new[] { Part.Overview, Part.Proactive, Part.Applications, Part.Reviews, Part.Problems, Part.Other })
            {
                if (!_headings.ContainsKey(part))
                {
                    _errors.Add(new ImportError(null, $"未找到章节标题“{HeadingText(part)}”"));
                }
            }

            var (proactive, evidence2019, evidence2021) = ReadProactive();
            var (applications, otherItems, singleOther) = ReadApplications();
            var reviews = ReadReviews();

            var format = evidence2019 > evidence2021
                ? ReportFormat.Format2019
                : singleOther && !otherItems ? ReportFormat.Hybrid : ReportFormat.Format2021;
            if (otherItems && singleOther)
            {
                _errors.Add(new ImportError(null, "表三的“（六）其他处理”既有单行又有分项，格式不明"));
            }

            var (scope, scopeReason) = options.Scope is { } given
                ? (given, "导入时指定")
                : agency is null ? (ReportScope.Agency, "") : ScopeRule.Detect(agency);

            AnnualReport? report = null;
            if (agency is not null && title is not null && year is not null && _headings.Count > 0)
            {
                var sections = new ReportSections(preamble, overview, problems, other);
                CheckLengths(sections);
                report = new AnnualReport(new AgencyRef(agency, options.AgencySlug), year.Value, format, scope, title) { Sections = sections };
                FillTable(report.Proactive, proactive);
                FillTable(report.Applications, applications);
                FillReviews(report.Reviews, reviews);
            }
            else if (_headings.Count == 0)
            {
                _errors.Add(new ImportError(null, "不是政府信息公开工作年度报告：没有找到任何章节标题（一、总体情况 … 六、其他需要报告的事项）"));
            }

            return new ImportResult
            {
                InputKind = ImportInputKind.Text,
                Report = report,
                Format = report is null && _headings.Count == 0 ? null : format,
                AgencyName = agency,
                Year = year,
                Scope = report?.Scope,
                ScopeReason = report is null ? null : scopeReason,
                Findings = report is null ? [] : ConsistencyRules.Check(report),
                UnparsedLines = [.. _unparsed.OrderBy(u => u.LineNumber)],
                Errors = [.. _errors.OrderBy(e => e.LineNumber ?? 0)],
                Cells = _cells,
            };
        }

        private void Segment()
        {
            var part = Part.Front;
            for (var i = 0; i < _lines.Length; i++)
            {
                var raw = _lines[i];
                var number = i + 1;
                var trimmed = Trim(raw);
                if (trimmed.Length == 0)
                {
                    if (_narrative.TryGetValue(part, out var narrative))
                    {
                        narrative.Add(new TextLine(number, null));
                    }

                    continue;
                }

                if (Heading(trimmed) is { } heading && heading > part)
                {
                    part = heading;
                    _headings[heading] = number;
                    continue;
                }

                if (_narrative.TryGetValue(part, out var lines))
                {
                    lines.Add(new TextLine(number, trimmed));
                }
                else
                {
                    _tables[part].Add(new TextLine(number, raw));
                }
            }
        }

        private (string? Agency, string? Title, int? Year, int TitleLine) ReadTitle()
        {
            var candidates = _narrative[Part.Front].Where(l => l.Text is not null).Take(12).ToList();
            for (var k = 0; k < candidates.Count; k++)
            {
                var compact = WithoutWhitespace(candidates[k].Text!);
                if (compact.Length > AnnualReport.TitleMaxLength)
                {
                    continue;
                }

                var match = TitlePattern().Match(compact);
                if (!match.Success)
                {
                    continue;
                }

                var agency = match.Groups["agency"].Value;
                var title = compact;
                var firstTitleLine = k;
                if (agency.Length == 0 && k > 0)
                {
                    agency = WithoutWhitespace(candidates[k - 1].Text!);
                    title = agency + compact;
                    firstTitleLine = k - 1;
                }

                foreach (var before in candidates.Take(firstTitleLine))
                {
                    _unparsed.Add(new UnparsedLine(before.Number, before.Text!, "标题之前的内容，不属于报告"));
                }

                var year = int.Parse(match.Groups["year"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (agency.Length == 0 || agency.Length > Agencies.Agency.NameMaxLength || title.Length > AnnualReport.TitleMaxLength)
                {
                    _errors.Add(new ImportError(candidates[k].Number, "标题中没有可用的机关名称（应为“机关名称YYYY年政府信息公开工作年度报告”）"));
                    return (null, null, year, candidates[k].Number);
                }

                if (year is < AnnualReport.MinYear or > AnnualReport.MaxYear)
                {
                    _errors.Add(new ImportError(candidates[k].Number, $"标题中的年份 {year} 不在 {AnnualReport.MinYear}–{AnnualReport.MaxYear} 之间"));
                    return (agency, title, null, candidates[k].Number);
                }

                return (agency, title, year, candidates[k].Number);
            }

            _errors.Add(new ImportError(null, "未找到标题：报告开头应有“机关名称YYYY年政府信息公开工作年度报告”"));
            foreach (var line in candidates)
            {
                _unparsed.Add(new UnparsedLine(line.Number, line.Text!, "标题之前的内容，不属于报告"));
            }

            return (null, null, null, int.MaxValue);
        }

        private List<OverviewPart> ReadOverview()
        {
            var parts = new List<(string Heading, List<TextLine> Lines)> { ("", []) };
            foreach (var line in _narrative[Part.Overview])
            {
                if (line.Text is not null && IsSubHeading(line.Text))
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
                _errors.Add(new ImportError(null, $"“一、总体情况”有 {result.Count} 个小标题，上限 {ReportSections.MaxOverviewParts} 个"));
                result = result.Take(ReportSections.MaxOverviewParts).ToList();
            }

            return result;
        }

        private void CheckLengths(ReportSections sections)
        {
            var texts = new[] { ("前言", sections.Preamble), ("五", sections.Problems), ("六", sections.Other) }
                .Concat(sections.Overview.Select(p => ("一", p.Body)));
            foreach (var (name, value) in texts)
            {
                if (value.Length > ReportSections.SectionMaxLength)
                {
                    _errors.Add(new ImportError(null, $"第{name}部分的文字长 {value.Length:N0} 字，超过上限 {ReportSections.SectionMaxLength:N0}"));
                }
            }
        }

        private (string[] Cells, string[] Normalized)? SplitCells(TextLine line, ReportTableId table)
        {
            var cells = line.Text!.Split('\t');
            if (cells.Length > MaxCellsPerLine)
            {
                _unparsed.Add(new UnparsedLine(line.Number, Preview(line.Text), $"{TableName(table)}中的行不应有 {cells.Length} 个单元格"));
                return null;
            }

            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = Trim(cells[i]);
            }

            var normalized = cells.Select(c => c.Length > LabelText.MaxLabelLength * 4 ? c : LabelText.Normalize(c)).ToArray();
            return (cells, normalized);
        }

        private static string Preview(string text) => text.Length <= 200 ? text : text[..200] + "…";

        private void NotUnderstood(TextLine line, string reason) =>
            _unparsed.Add(new UnparsedLine(line.Number, Preview(Trim(line.Text!)), reason));

        private (Dictionary<string, RowLine> Rows, int Evidence2019, int Evidence2021) ReadProactive()
        {
            var rows = new Dictionary<string, RowLine>(StringComparer.Ordinal);
            int evidence2019 = 0, evidence2021 = 0;
            foreach (var line in _tables[Part.Proactive])
            {
                if (SplitCells(line, ReportTableId.Proactive) is not var (cells, norm))
                {
                    continue;
                }

                var first = Array.FindIndex(norm, c => c.Length > 0);
                if (first < 0)
                {
                    continue;
                }

                if (BlockHeaderPattern().Match(norm[first]) is { Success: true } block)
                {
                    evidence2019 += block.Groups["item"].Value == "九" ? 1 : 0;
                    continue;
                }

                if (norm[first] == LabelText.Normalize(ProactiveLayout.ContentHeader))
                {
                    foreach (var header in norm.Skip(first + 1).Where(h => h.Length > 0))
                    {
                        evidence2019 += _proactive2019Columns.Contains(header) ? 1 : 0;
                        evidence2021 += _proactive2021Columns.Contains(header) ? 1 : 0;
                    }

                    continue;
                }

                if (LabelText.LooksNumeric(norm[first]))
                {
                    NotUnderstood(line, "表二的这一行没有行标签");
                    continue;
                }

                if (_proactiveRows.Match(norm[first]) is not { } label)
                {
                    NotUnderstood(line, $"表二中无法识别的行标签“{Preview(cells[first])}”");
                    continue;
                }

                if (label.Key is ProactiveLayout.Rows.OtherServices or ProactiveLayout.Rows.Procurement)
                {
                    evidence2019++;
                }

                Record(rows, new RowLine(label.Key, line.Number, cells[first], cells[(first + 1)..], 0), ReportTableId.Proactive);
            }

            return (rows, evidence2019, evidence2021);
        }

        private void Record(Dictionary<string, RowLine> rows, RowLine row, ReportTableId table)
        {
            if (rows.TryGetValue(row.Key, out var earlier))
            {
                _errors.Add(new ImportError(row.Line, $"{TableName(table)}的“{row.Label}”行重复（已见于第 {earlier.Line} 行）"));
                return;
            }

            rows.Add(row.Key, row);
        }

        private (Dictionary<string, RowLine> Rows, bool OtherItems, bool SingleOther) ReadApplications()
        {
            var rows = new Dictionary<string, RowLine>(StringComparer.Ordinal);
            bool otherItems = false, singleOther = false;
            string? group = null;
            foreach (var line in _tables[Part.Applications])
            {
                if (SplitCells(line, ReportTableId.Applications) is not var (cells, norm))
                {
                    continue;
                }

                if (norm.All(c => c.Length == 0))
                {
                    continue;
                }

                if (!norm.Any(LabelText.LooksNumeric)
                    && norm.Any(c => _applicationHeaderWords.Contains(c) || c.StartsWith("(本列数据", StringComparison.Ordinal)))
                {
                    continue;
                }

                string? key = null;
                var labelIndex = -1;
                var onlyGroups = true;
                var labelsSeen = 0;
                for (var i = 0; i < norm.Length && key is null; i++)
                {
                    var cell = norm[i];
                    if (cell.Length == 0)
                    {
                        continue;
                    }

                    if (LabelText.LooksNumeric(cell) || ++labelsSeen > 4)
                    {
                        onlyGroups = false;
                        break;
                    }

                    if (_applicationGroups.Match(cell) is not null)
                    {
                        continue;
                    }

                    if (_applicationSubgroups.Match(cell) is { } subgroup)
                    {
                        group = subgroup.Key;
                        var next = Array.FindIndex(norm, i + 1, c => c.Length > 0);
                        if (subgroup.Key == "other" && (next < 0 || LabelText.LooksNumeric(norm[next])))
                        {
                            key = ApplicationsLayout.Rows.Other;
                            labelIndex = i;
                            singleOther = true;
                        }

                        continue;
                    }

                    onlyGroups = false;
                    if ((MatchInGroup(cell, group) ?? _applicationRows.Match(cell)) is { } label)
                    {
                        key = label.Key;
                        labelIndex = i;
                    }

                    break;
                }

                if (key is null)
                {
                    if (!onlyGroups)
                    {
                        var text = Array.Find(cells, c => c.Length > 0)!;
                        NotUnderstood(line, LabelText.LooksNumeric(LabelText.Normalize(text))
                            ? "表三的这一行没有行标签"
                            : $"表三中无法识别的行标签“{Preview(text)}”");
                    }

                    continue;
                }

                otherItems |= key.StartsWith("other_", StringComparison.Ordinal);
                var underscore = key.IndexOf('_', StringComparison.Ordinal);
                group = underscore > 0 ? key[..underscore] : null;
                var lead = _topLevelRows.Contains(key) ? 1 : 0;
                Record(rows, new RowLine(key, line.Number, cells[labelIndex], cells[(labelIndex + 1)..], lead), ReportTableId.Applications);
            }

            return (rows, otherItems, singleOther);
        }

        /// <summary>A numbered item ("2.…") read as item 2 of the current group when its text is close to that item's.</summary>
        private static KnownLabel? MatchInGroup(string cell, string? group)
        {
            var (number, rest) = LabelText.SplitNumber(cell);
            if (group is null || number.Length < 2 || !char.IsAsciiDigit(number[0]))
            {
                return null;
            }

            var key = $"{group}_{number[..^1]}";
            var label = _applicationRows.Labels.FirstOrDefault(l => l.Key == key);
            if (label is null)
            {
                return null;
            }

            var limit = Math.Max(2, label.Rest.Length / 3);
            return LabelText.Distance(rest, label.Rest, limit) <= limit ? label : null;
        }

        private RowLine? ReadReviews()
        {
            RowLine? data = null;
            foreach (var line in _tables[Part.Reviews])
            {
                if (SplitCells(line, ReportTableId.Reviews) is not var (cells, norm))
                {
                    continue;
                }

                var filled = norm.Where(c => c.Length > 0).ToList();
                if (filled.Count == 0 || filled.All(_reviewHeaderWords.Contains))
                {
                    continue;
                }

                if (!filled.All(LabelText.LooksNumeric))
                {
                    NotUnderstood(line, "表四中无法识别的行（应为表头或 15 个数字单元格）");
                    continue;
                }

                if (data is not null)
                {
                    _errors.Add(new ImportError(line.Number, $"表四只有一行数字，第 {data.Line} 行已读过"));
                    continue;
                }

                data = new RowLine("reviews", line.Number, "", cells, 0);
            }

            return data;
        }

        private void FillTable(ReportTable table, Dictionary<string, RowLine> rows)
        {
            var name = TableName(table.Id);
            foreach (var row in rows.Values.Where(r => table.Layout.Row(r.Key) is null))
            {
                _errors.Add(new ImportError(row.Line, $"“{row.Label}”行不属于{table.Layout.Rows.Count}行的{name}（{DisplayFormat(table)}）"));
            }

            foreach (var definition in table.Layout.Rows)
            {
                if (!rows.TryGetValue(definition.Key, out var row))
                {
                    _errors.Add(new ImportError(null, $"{name}缺少“{definition.Label}”行"));
                    continue;
                }

                FillCells(table, definition.Key, definition.Columns, row, $"{name}“{definition.Label}”行");
            }
        }

        private static string DisplayFormat(ReportTable table) =>
            table.Id == ReportTableId.Proactive
                ? table.Layout == ProactiveLayout.Format2019 ? "2019年版" : "2021年版"
                : table.Layout == ApplicationsLayout.SingleOtherRow ? "（六）其他处理为单行" : "（六）其他处理分三项";

        private void FillReviews(ReportTable table, RowLine? row)
        {
            if (row is null)
            {
                _errors.Add(new ImportError(null, "表四缺少数字行（应有 15 个数字单元格）"));
                return;
            }

            var columns = table.Layout.Rows.SelectMany(r => r.Columns.Select(c => (Row: r, Column: c))).ToList();
            var normalized = row.After.Select(LabelText.Normalize).ToArray();
            if (Window(normalized, columns.Count, 0, out var problem) is not { } start)
            {
                _errors.Add(new ImportError(row.Line, $"表四{problem}"));
                return;
            }

            for (var i = 0; i < columns.Count; i++)
            {
                var (printed, norm) = start < 0 ? ("", "") : (row.After[start + i], normalized[start + i]);
                SetCell(table, columns[i].Row.Key, columns[i].Column, printed, norm, row.Line, $"表四“{columns[i].Row.Label}”");
            }
        }

        private void FillCells(ReportTable table, string rowKey, IReadOnlyList<ColumnDefinition> columns, RowLine row, string where)
        {
            var normalized = row.After.Select(LabelText.Normalize).ToArray();
            if (Window(normalized, columns.Count, row.Lead, out var problem) is not { } start)
            {
                _errors.Add(new ImportError(row.Line, $"{where}{problem}"));
                return;
            }

            for (var i = 0; i < columns.Count; i++)
            {
                var (printed, norm) = start < 0 ? ("", "") : (row.After[start + i], normalized[start + i]);
                SetCell(table, rowKey, columns[i], printed, norm, row.Line, where);
            }
        }

        private void SetCell(ReportTable table, string rowKey, ColumnDefinition column, string printed, string normalized, int line, string where)
        {
            _cells.Add(new CellSource(table.Id, rowKey, column.Key, line, printed));
            if (normalized.Length == 0)
            {
                return;
            }

            switch (column.Kind)
            {
                case CellKind.Count or CellKind.SignedCount when LabelText.TryParseCount(normalized, column.Kind == CellKind.SignedCount, out var count):
                    table[rowKey, column.Key] = CellValue.Of(count);
                    return;
                case CellKind.WanYuan when WanYuan.TryParse(StripUnit(normalized).Replace(",", "", StringComparison.Ordinal), out var amount):
                    table[rowKey, column.Key] = CellValue.Of(amount.Fen);
                    return;
                case CellKind.Text when printed.Length <= 100:
                    // As printed, unit included ("251000元"); whitespace inside is a copy artefact.
                    table[rowKey, column.Key] = CellValue.OfText(WithoutWhitespace(printed));
                    return;
            }

            var expected = column.Kind switch
            {
                CellKind.Count => "非负整数",
                CellKind.SignedCount => "整数",
                CellKind.WanYuan => "以万元计的金额（最多 6 位小数）",
                _ => "不超过 100 字的文字",
            };
            _errors.Add(new ImportError(line, $"{where}的“{column.Label}”应为{expected}，找到“{Preview(printed)}”"));
        }

        private static string StripUnit(string normalized) =>
            normalized.EndsWith("万元", StringComparison.Ordinal) ? normalized[..^2] : normalized;
    }
}
