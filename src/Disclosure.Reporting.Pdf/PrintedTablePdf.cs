using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Reporting.Pdf;

/// <summary>
/// A statistical table of a report as a <see cref="PdfTable"/>, drawn from its <see cref="PrintedTable"/>: the same
/// grid, spans and labels as the web page, with the column widths the description gives. A table of one section
/// repeats its header rows on a continued page.
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
        var repeated = printed.Sections.Count == 1 ? printed.Sections[0].HeaderRows.Count() : 0;
        return new PdfTable(rows, [.. printed.Columns.Select(c => c.Width)], repeated);
    }

    private static PdfTableCell Cell(PrintedCell cell, ReportTable table) => cell switch
    {
        DataCell data => new PdfTableCell(table[data.Ref.Row, data.Ref.Column].Format(data.Kind), ColSpan: data.ColSpan, Style: PdfCellStyle.Number),
        NoteCell note => new PdfTableCell(note.Text, note.RowSpan, note.ColSpan, PdfCellStyle.Header),
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
