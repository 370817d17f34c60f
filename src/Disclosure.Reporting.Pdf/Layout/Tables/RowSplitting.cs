using Disclosure.Reporting.Pdf.Fonts;

namespace Disclosure.Reporting.Pdf.Layout.Tables;

/// <summary>
/// Rows that run on across a page break: a body row taller than a page is cut into pieces of whole lines, each a row
/// of its own; a row-group label that a page break cuts (「（五）不予处理」) is printed again on the next page with
/// 「（续）」 (its lines and the height they need, which <see cref="TablePagination"/> asks for when choosing a break).
/// </summary>
internal sealed class RowSplitting(TableGrid grid, TableMeasure measure, TextLayout text)
{
    /// <summary>Marks a row-group label repeated on a continued page.</summary>
    public const string Continued = "（续）";

    /// <summary>
    /// Cuts every body row taller than a page (a very long text in a cell) into pieces of whole lines, so the row
    /// continues on the next page instead of running off the bottom. Only rows that no row span crosses are cut.
    /// </summary>
    public void SplitTallRows()
    {
        var headerRows = measure.HeaderRows;
        var limit = Page.ContentHeight - measure.Rows(0, headerRows) - 1;
        var cells = grid.Cells;
        for (var r = headerRows; r < grid.RowCount; r++)
        {
            if (measure.RowHeights[r] <= limit || cells.Any(c => c.Row <= r && c.EndRow > r && c.RowSpan > 1))
            {
                continue;
            }

            var rowCells = cells.Where(c => c.Row == r).ToList();
            var pieces = rowCells.Max(c => (int)Math.Ceiling(c.Lines.Count / LinesPerPiece(c, limit)));
            var added = pieces - 1;
            foreach (var cell in cells.Where(c => c.Row > r))
            {
                cell.Row += added;
            }

            var heights = new double[pieces];
            foreach (var cell in rowCells)
            {
                var perPiece = (int)LinesPerPiece(cell, limit);
                var allLines = cell.Lines;
                for (var piece = 0; piece < pieces; piece++)
                {
                    var lines = allLines.Skip(piece * perPiece).Take(perPiece).ToList();
                    heights[piece] = Math.Max(heights[piece], (Math.Max(1, lines.Count) * cell.LineHeight) + (2 * TableMeasure.PadY));
                    if (piece == 0)
                    {
                        cell.Lines = lines;
                        continue;
                    }

                    cells.Add(new PlacedCell(r + piece, cell.Column, 1, cell.ColSpan, "", cell.Style) { Lines = lines, LineHeight = cell.LineHeight });
                }
            }

            measure.SplitRow(r, heights);
            grid.RowCount += added;
            r += added;
        }

        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
    }

    /// <summary>The lines of a row-group label repeated on a continued page: its text and 「（续）」, shaped when first needed.</summary>
    public List<TextLine> ContinuedLines(PlacedCell cell)
    {
        if (cell.ContinuedLines is null)
        {
            var size = cell.Atoms.Count > 0 ? cell.Atoms[0].Size : measure.LabelSize;
            var atoms = text.Shape(cell.Text + Continued, new TextStyle(Face.Serif, size, cell.Style.Bold));
            cell.ContinuedLines = measure.LinesOf(cell, atoms);
        }

        return cell.ContinuedLines;
    }

    /// <summary>The height a continued row-group label needs below a page break, padding included.</summary>
    public double ContinuedNeeded(PlacedCell cell) => (Math.Max(1, ContinuedLines(cell).Count) * cell.LineHeight) + (2 * TableMeasure.PadY);

    private static double LinesPerPiece(PlacedCell cell, double limit) =>
        Math.Max(1, Math.Floor((limit - (2 * TableMeasure.PadY)) / cell.LineHeight));
}
