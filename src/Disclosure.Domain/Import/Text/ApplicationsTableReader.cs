using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Import.Text;

/// <summary>
/// Table 三's rows by key; whether （六）其他处理 was printed as items (<see cref="OtherItems"/>, 2021) or as one row
/// (<see cref="SingleOther"/>, the hybrid format).
/// </summary>
internal sealed record ApplicationRows(Dictionary<string, RowLine> Rows, bool OtherItems, bool SingleOther);

/// <summary>
/// Reads table 三 (收到和处理政府信息公开申请情况) from its copied lines.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Header lines (申请人情况, 自然人, 商业企业 …, 「（本列数据…」) without a number are skipped.</item>
/// <item>A row's label is the first cell that is neither a group (三、本年度办理结果) nor a sub-group (（三）不予公开 …
/// （六）其他处理) — a browser copies merged group cells onto the first row they span, so up to four label cells may
/// precede the data. Labels match tolerantly (<see cref="LabelMatcher"/>), never by position; numbered items also
/// match by number within their （三）–（六） group when the text is close (published typo 「2.其他法律行政止公开」 → deny_2).</item>
/// <item>（六）其他处理 followed directly by numbers is the single row of the hybrid format; its items 1.–3. are the
/// 2021 format. Both in one table is an error (the format is unclear).</item>
/// <item>The data cells are the cells after the label; the top-level rows (一、本年新收, 二、上年结转, 四、结转下年度继续办理)
/// span two label columns, so their first data cell usually comes after one empty cell.</item>
/// </list>
/// </remarks>
internal static class ApplicationsTableReader
{
    private const int MaxLabelCells = 4;

    private static readonly string[] _topLevelRows =
        [ApplicationsLayout.Rows.New, ApplicationsLayout.Rows.CarriedOver, ApplicationsLayout.Rows.CarriedForward];

    private static readonly LabelMatcher _rows = new(
        ApplicationsLayout.Format2021.Rows.Concat(ApplicationsLayout.SingleOtherRow.Rows)
            .Where(r => r.Key != ApplicationsLayout.Rows.Other)
            .Select(r => KnownLabel.Of(r.Key, r.Label))
            .DistinctBy(l => l.Key)
            .ToList());

    private static readonly LabelMatcher _groups = new([KnownLabel.Of("results", ApplicationsLayout.ResultsGroup)]);

    private static readonly LabelMatcher _subgroups = new(
    [
        KnownLabel.Of("deny", "（三）不予公开"),
        KnownLabel.Of("unable", "（四）无法提供"),
        KnownLabel.Of("noproc", "（五）不予处理"),
        KnownLabel.Of("other", "（六）其他处理"),
    ]);

    private static readonly HashSet<string> _headerWords = new(
        ApplicationsLayout.DataColumns.Select(c => LabelText.Normalize(c.Label))
            .Concat([LabelText.Normalize(ApplicationsLayout.ApplicantHeader), LabelText.Normalize(ApplicationsLayout.OrganisationHeader)]),
        StringComparer.Ordinal);

    public static ApplicationRows Read(IReadOnlyList<TextLine> lines, ImportLog log)
    {
        var rows = new Dictionary<string, RowLine>(StringComparer.Ordinal);
        bool otherItems = false, singleOther = false;
        string? group = null;
        foreach (var line in lines)
        {
            if (TableRow.Split(line, ReportTableId.Applications, log) is not var (cells, norm) || norm.All(c => c.Length == 0) || IsHeader(norm))
            {
                continue;
            }

            var (key, labelIndex, onlyGroups) = FindLabel(norm, ref group);
            if (key == ApplicationsLayout.Rows.Other)
            {
                singleOther = true;
            }

            if (key is null)
            {
                if (!onlyGroups)
                {
                    var text = Array.Find(cells, c => c.Length > 0)!;
                    log.NotUnderstood(line, LabelText.LooksNumeric(LabelText.Normalize(text))
                        ? "表三的这一行没有行标签"
                        : $"表三中无法识别的行标签“{CopiedText.Preview(text)}”");
                }

                continue;
            }

            otherItems |= key.StartsWith("other_", StringComparison.Ordinal);
            var underscore = key.IndexOf('_', StringComparison.Ordinal);
            group = underscore > 0 ? key[..underscore] : null;
            var lead = _topLevelRows.Contains(key) ? 1 : 0;
            TableRow.Record(rows, new RowLine(key, line.Number, cells[labelIndex], cells[(labelIndex + 1)..], lead), ReportTableId.Applications, log);
        }

        return new ApplicationRows(rows, otherItems, singleOther);
    }

    private static bool IsHeader(string[] norm) =>
        !norm.Any(LabelText.LooksNumeric)
        && norm.Any(c => _headerWords.Contains(c) || c.StartsWith("(本列数据", StringComparison.Ordinal));

    /// <summary>
    /// The row key of a line and the index of its label cell, passing group and sub-group cells (a sub-group sets
    /// <paramref name="group"/>); <c>OnlyGroups</c> when the line holds nothing but group cells.
    /// </summary>
    private static (string? Key, int LabelIndex, bool OnlyGroups) FindLabel(string[] norm, ref string? group)
    {
        var labelsSeen = 0;
        for (var i = 0; i < norm.Length; i++)
        {
            var cell = norm[i];
            if (cell.Length == 0)
            {
                continue;
            }

            if (LabelText.LooksNumeric(cell) || ++labelsSeen > MaxLabelCells)
            {
                return (null, -1, false);
            }

            if (_groups.Match(cell) is not null)
            {
                continue;
            }

            if (_subgroups.Match(cell) is { } subgroup)
            {
                group = subgroup.Key;
                var next = Array.FindIndex(norm, i + 1, c => c.Length > 0);
                if (subgroup.Key == "other" && (next < 0 || LabelText.LooksNumeric(norm[next])))
                {
                    return (ApplicationsLayout.Rows.Other, i, true);
                }

                continue;
            }

            return (MatchInGroup(cell, group) ?? _rows.Match(cell)) is { } label ? (label.Key, i, false) : (null, -1, false);
        }

        return (null, -1, true);
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
        var label = _rows.Labels.FirstOrDefault(l => l.Key == key);
        if (label is null)
        {
            return null;
        }

        var limit = Math.Max(2, label.Rest.Length / 3);
        return LabelText.Distance(rest, label.Rest, limit) <= limit ? label : null;
    }
}
