using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Import.Text;

/// <summary>
/// Reads table 四 (政府信息公开行政复议、行政诉讼情况) from its copied lines.
/// </summary>
/// <remarks>
/// Table 四 is header lines (行政复议, 行政诉讼, 结果纠正 … 总计) and one line of 15 numbers. A line of header words only is
/// skipped; any other line that is not all numbers is not understood; a second line of numbers is an error.
/// </remarks>
internal static class ReviewsTableReader
{
    private static readonly HashSet<string> _headerWords = new(
        ReviewsLayout.GroupFields.Select(f => LabelText.Normalize(f.Label))
            .Concat(ReviewsLayout.Layout.Rows.Select(r => LabelText.Normalize(r.Label)))
            .Concat([LabelText.Normalize(ReviewsLayout.ReviewHeader), LabelText.Normalize(ReviewsLayout.LitigationHeader)]),
        StringComparer.Ordinal);

    /// <summary>The line of numbers, or null when there is none.</summary>
    public static RowLine? Read(IReadOnlyList<TextLine> lines, ImportLog log)
    {
        RowLine? data = null;
        foreach (var line in lines)
        {
            if (TableRow.Split(line, ReportTableId.Reviews, log) is not var (cells, norm))
            {
                continue;
            }

            var filled = norm.Where(c => c.Length > 0).ToList();
            if (filled.Count == 0 || filled.All(_headerWords.Contains))
            {
                continue;
            }

            if (!filled.All(LabelText.LooksNumeric))
            {
                log.NotUnderstood(line, "表四中无法识别的行（应为表头或 15 个数字单元格）");
                continue;
            }

            if (data is not null)
            {
                log.Error(line.Number, $"表四只有一行数字，第 {data.Line} 行已读过");
                continue;
            }

            data = new RowLine("reviews", line.Number, "", cells, 0);
        }

        return data;
    }
}
