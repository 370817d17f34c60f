using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Import.Text;

/// <summary>
/// Writes the rows the table readers found into the report's tables, cell by cell, noting where each cell came from.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Every row of the table's layout must have been read; a row read that the layout does not have is an error
/// (a 2019 row in a 2021 table).</item>
/// <item>The data cells are the cells after the label; surplus cells must be empty copies of merged cells or trailing
/// tabs (<see cref="Window"/>). A row whose cells are all empty is a row of blanks.</item>
/// <item>Blank cells stay blank (blank is not zero). A filled cell must read as its column's kind, the way the entry
/// form reads what a clerk types (<see cref="CellParser"/>): full-width digits, thousands separators, a 万元 unit.</item>
/// </list>
/// </remarks>
internal static class TableFiller
{
    public static void Fill(ReportTable table, Dictionary<string, RowLine> rows, ImportLog log)
    {
        var name = CopiedText.TableName(table.Id);
        foreach (var row in rows.Values.Where(r => table.Layout.Row(r.Key) is null))
        {
            log.Error(row.Line, $"“{row.Label}”行不属于{table.Layout.Rows.Count}行的{name}（{DisplayFormat(table)}）");
        }

        foreach (var definition in table.Layout.Rows)
        {
            if (!rows.TryGetValue(definition.Key, out var row))
            {
                log.Error(null, $"{name}缺少“{definition.Label}”行");
                continue;
            }

            var where = $"{name}“{definition.Label}”行";
            FillCells(table, [.. definition.Columns.Select(c => (definition, c))], row, where, _ => where, log);
        }
    }

    /// <summary>Table 四: one line of numbers across all its rows' columns.</summary>
    public static void FillReviews(ReportTable table, RowLine? row, ImportLog log)
    {
        if (row is null)
        {
            log.Error(null, "表四缺少数字行（应有 15 个数字单元格）");
            return;
        }

        var columns = table.Layout.Rows.SelectMany(r => r.Columns.Select(c => (Row: r, Column: c))).ToList();
        FillCells(table, columns, row, "表四", c => $"表四“{c.Row.Label}”", log);
    }

    private static void FillCells(
        ReportTable table, List<(RowDefinition Row, ColumnDefinition Column)> columns, RowLine row, string where,
        Func<(RowDefinition Row, ColumnDefinition Column), string> cellWhere, ImportLog log)
    {
        var normalized = row.After.Select(LabelText.Normalize).ToArray();
        if (Window(normalized, columns.Count, row.Lead, out var problem) is not { } start)
        {
            log.Error(row.Line, $"{where}{problem}");
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var (printed, norm) = start < 0 ? ("", "") : (row.After[start + i], normalized[start + i]);
            SetCell(table, columns[i].Row.Key, columns[i].Column, printed, norm, row.Line, cellWhere(columns[i]), log);
        }
    }

    private static string DisplayFormat(ReportTable table) =>
        table.Id == ReportTableId.Proactive
            ? table.Layout == ProactiveLayout.Format2019 ? "2019年版" : "2021年版"
            : table.Layout == ApplicationsLayout.SingleOtherRow ? "（六）其他处理为单行" : "（六）其他处理分三项";

    /// <summary>
    /// Chooses the <paramref name="count"/> data cells among the cells after a label: surplus cells must be empty
    /// (copies of merged cells, trailing tabs); where several choices fit, the one skipping <paramref name="lead"/> cells.
    /// -1 when every cell is empty (a row of blanks); null, with the problem, when the cells do not fit.
    /// </summary>
    internal static int? Window(string[] normalized, int count, int lead, out string? problem)
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

    private static void SetCell(ReportTable table, string rowKey, ColumnDefinition column, string printed, string normalized, int line, string where, ImportLog log)
    {
        log.Cell(new CellSource(table.Id, rowKey, column.Key, line, printed));
        if (normalized.Length == 0)
        {
            return;
        }

        var reading = CellParser.Read(printed, column.Kind);
        if (reading.IsValid)
        {
            table[rowKey, column.Key] = reading.Value;
            return;
        }

        var expected = (column.Kind, reading.Problem) switch
        {
            (CellKind.Count, CellProblem.TooLarge) => $"不超过 {CellValue.MaxCount:N0} 的非负整数",
            (CellKind.Count, _) => "非负整数",
            (CellKind.SignedCount, CellProblem.TooLarge) => $"绝对值不超过 {CellValue.MaxCount:N0} 的整数",
            (CellKind.SignedCount, _) => "整数",
            (CellKind.WanYuan, CellProblem.TooLarge) => $"以万元计的金额（整数部分最多 {WanYuan.MaxWholeDigits} 位）",
            (CellKind.WanYuan, _) => $"以万元计的金额（最多 {WanYuan.MaxDecimals} 位小数）",
            _ => $"不超过 {StoredCell.TextMaxLength} 字的文字",
        };
        log.Error(line, $"{where}的“{column.Label}”应为{expected}，找到“{CopiedText.Preview(printed)}”");
    }
}
