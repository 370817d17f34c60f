using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Reporting.Pdf;

/// <summary>
/// A statistical table of a report as a <see cref="PdfTable"/>, drawn from its <see cref="PrintedTable"/>: the same
/// grid, spans and labels as the web page, with the column widths the description gives (table 三, with nested row
/// labels, sized from its content). A table of one section is kept on one page when it fits, and repeats its header
/// rows on a continued page when it does not.
/// </summary>
public static class PrintedTablePdf
{
    public static PdfTable From(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var printed = table.Layout.Printed;
        var rows = printed.Sections
            .SelectMany(s => s.Rows)
            .Select(row => new PdfTableRow([.. row.Cells.Select(cell => Cell(cell, table))]))
            .ToList();
        var single = printed.Sections.Count == 1;
        var repeated = single ? printed.Sections[0].HeaderRows.Count() : 0;

        // Nested row labels (table 三: group, subgroup, item) are long and its figures short: the PDF sizes such a table's
        // columns from their content, so that the labels keep to one line and the table to one page, as typesetters set it.
        var nestedLabels = printed.Columns.Count(c => c.Role == PrintedColumnRole.Label) > 1;
        IReadOnlyList<double>? widths = nestedLabels ? null : [.. printed.Columns.Select(c => c.Width)];
        return new PdfTable(rows, widths, repeated, KeepTogether: single, Bookmark: $"{printed.Number}　{printed.Caption}");
    }

    private static PdfTableCell Cell(PrintedCell cell, ReportTable table) => cell switch
    {
        DataCell data => new PdfTableCell(table[data.Ref.Row, data.Ref.Column].Format(data.Kind), ColSpan: data.ColSpan, Style: PdfCellStyle.Number),
        NoteCell note => new PdfTableCell(note.Text, note.RowSpan, note.ColSpan, PdfCellStyle.Note),
        HeadingCell heading => new PdfTableCell(heading.Text, heading.RowSpan, heading.ColSpan, Style(heading)),
        _ => throw new ArgumentOutOfRangeException(nameof(cell)),
    };

    private static PdfCellStyle? Style(HeadingCell heading) => heading.Role switch
    {
        HeadingRole.Block => PdfCellStyle.Header with { Shaded = true, Bold = true },
        HeadingRole.Column or HeadingRole.ColumnGroup => heading.Strong ? PdfCellStyle.Header with { Bold = true } : PdfCellStyle.Header,
        HeadingRole.Group => PdfCellStyle.Header with { Bold = true, Vertical = true },
        _ when heading.Strong => PdfCellStyle.Label with { Bold = true },
        _ => null,
    };
}
