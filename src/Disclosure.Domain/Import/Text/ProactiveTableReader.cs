using System.Text.RegularExpressions;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Import.Text;

/// <summary>Table 二's rows by key, and how strongly its labels point to the 2019 or the 2021 format.</summary>
internal sealed record ProactiveRows(Dictionary<string, RowLine> Rows, int Evidence2019, int Evidence2021)
{
    public bool Is2019 => Evidence2019 > Evidence2021;
}

/// <summary>
/// Reads table 二 (主动公开政府信息情况) from its copied lines.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Rows are found by their label (the first non-empty cell), matched tolerantly against the labels of both the
/// 2021 and the 2019 format (<see cref="LabelMatcher"/>), never by position. The data cells are the cells after the label.</item>
/// <item>Block headers (第二十条第（一）项 …) and the column header row (信息内容 …) are not rows; they, and the 2019-only
/// rows (其他对外管理服务事项, 政府集中采购), are evidence for the format: 2019 when table 二 carries more 2019
/// labels (本年新制作数量, 第二十条第（九）项 …) than 2021 ones. Never from the year.</item>
/// </list>
/// </remarks>
internal static partial class ProactiveTableReader
{
    private static readonly LabelMatcher _rows = new(
        ProactiveLayout.Format2021.Rows.Concat(ProactiveLayout.Format2019.Rows)
            .Select(r => KnownLabel.Of(r.Key, r.Label))
            .DistinctBy(l => l.Normalized)
            .ToList());

    private static readonly HashSet<string> _columns2019 = ColumnLabels(ProactiveLayout.Format2019);

    private static readonly HashSet<string> _columns2021 = ColumnLabels(ProactiveLayout.Format2021);

    private static readonly string _contentHeader = LabelText.Normalize(ProactiveLayout.ContentHeader);

    public static ProactiveRows Read(IReadOnlyList<TextLine> lines, ImportLog log)
    {
        var rows = new Dictionary<string, RowLine>(StringComparer.Ordinal);
        int evidence2019 = 0, evidence2021 = 0;
        foreach (var line in lines)
        {
            if (TableRow.Split(line, ReportTableId.Proactive, log) is not var (cells, norm))
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

            if (norm[first] == _contentHeader)
            {
                foreach (var header in norm.Skip(first + 1).Where(h => h.Length > 0))
                {
                    evidence2019 += _columns2019.Contains(header) ? 1 : 0;
                    evidence2021 += _columns2021.Contains(header) ? 1 : 0;
                }

                continue;
            }

            if (LabelText.LooksNumeric(norm[first]))
            {
                log.NotUnderstood(line, "表二的这一行没有行标签");
                continue;
            }

            if (_rows.Match(norm[first]) is not { } label)
            {
                log.NotUnderstood(line, $"表二中无法识别的行标签“{CopiedText.Preview(cells[first])}”");
                continue;
            }

            if (label.Key is ProactiveLayout.Rows.OtherServices or ProactiveLayout.Rows.Procurement)
            {
                evidence2019++;
            }

            TableRow.Record(rows, new RowLine(label.Key, line.Number, cells[first], cells[(first + 1)..], 0), ReportTableId.Proactive, log);
        }

        return new ProactiveRows(rows, evidence2019, evidence2021);
    }

    private static HashSet<string> ColumnLabels(TableLayout layout) =>
        new(layout.Rows.SelectMany(r => r.Columns).Select(c => LabelText.Normalize(c.Label)), StringComparer.Ordinal);

    [GeneratedRegex(@"\A第二十条第\((?<item>[一二三四五六七八九十]+)\)项\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlockHeaderPattern();
}
