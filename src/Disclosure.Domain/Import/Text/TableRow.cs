using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Import.Text;

/// <summary>
/// A table row as read: the row key its label matched, the line, the label as printed, the cells after the label and
/// how many of those cells a well-formed copy puts before the data (<see cref="Lead"/>: 1 where a merged label cell
/// spans two columns).
/// </summary>
internal sealed record RowLine(string Key, int Line, string Label, string[] After, int Lead);

/// <summary>One line of a table cut into cells, as printed (trimmed) and normalised for matching.</summary>
internal sealed record TableCells(string[] Cells, string[] Normalized);

/// <summary>What every table reader does with a line: cut it into cells, and keep each row once.</summary>
internal static class TableRow
{
    /// <summary>The line's tab-separated cells, or null (and a line not understood) when it has too many to be a row.</summary>
    public static TableCells? Split(TextLine line, ReportTableId table, ImportLog log)
    {
        var cells = line.Text!.Split('\t');
        if (cells.Length > ReportTextParser.MaxCellsPerLine)
        {
            log.NotUnderstood(line.Number, CopiedText.Preview(line.Text), $"{CopiedText.TableName(table)}中的行不应有 {cells.Length} 个单元格");
            return null;
        }

        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = CopiedText.Trim(cells[i]);
        }

        var normalized = cells.Select(c => c.Length > LabelText.MaxLabelLength * 4 ? c : LabelText.Normalize(c)).ToArray();
        return new TableCells(cells, normalized);
    }

    /// <summary>Adds a row unless its key was read before (then an error naming both lines).</summary>
    public static void Record(Dictionary<string, RowLine> rows, RowLine row, ReportTableId table, ImportLog log)
    {
        if (rows.TryGetValue(row.Key, out var earlier))
        {
            log.Error(row.Line, $"{CopiedText.TableName(table)}的“{row.Label}”行重复（已见于第 {earlier.Line} 行）");
            return;
        }

        rows.Add(row.Key, row);
    }
}
