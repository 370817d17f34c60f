namespace Disclosure.Reporting.Pdf.Layout.Tables;

/// <summary>One cell placed on the grid, with its shaped text once the table is measured.</summary>
internal sealed class PlacedCell(int row, int column, int rowSpan, int colSpan, string text, PdfCellStyle style)
{
    public int Row { get; set; } = row;

    public int Column { get; } = column;

    public int RowSpan { get; } = rowSpan;

    public int ColSpan { get; } = colSpan;

    public string Text { get; } = text;

    public PdfCellStyle Style { get; } = style;

    public List<Atom> Atoms { get; set; } = [];

    public List<TextLine> Lines { get; set; } = [];

    public double LineHeight { get; set; }

    /// <summary>Height the cell's text needs, padding included.</summary>
    public double Needed { get; set; }

    /// <summary>The lines of the label repeated on a continued page (the text and 「（续）」), set when first needed.</summary>
    public List<TextLine>? ContinuedLines { get; set; }

    public int EndRow => Row + RowSpan;

    /// <summary>A label beside the figures (not a header, not a figure) that spans several rows: 「（五）不予处理」.</summary>
    public bool IsRowGroupLabel => RowSpan > 1 && Style.Kind is PdfCellKind.Label or PdfCellKind.Header;
}

/// <summary>
/// The cells of a <see cref="PdfTable"/> placed on a grid as HTML places them: each row lists its cells left to right,
/// skipping the slots that a row span from above already occupies.
/// </summary>
internal sealed class TableGrid
{
    private TableGrid(List<PlacedCell> cells, int rowCount, int columnCount)
    {
        Cells = cells;
        RowCount = rowCount;
        ColumnCount = columnCount;
    }

    public List<PlacedCell> Cells { get; }

    public int RowCount { get; set; }

    public int ColumnCount { get; }

    public static TableGrid Place(PdfTable table)
    {
        var occupied = new List<bool[]>();
        var rows = table.Rows;
        var cells = new List<PlacedCell>();
        var maxColumns = table.RelativeColumnWidths?.Count ?? 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var col = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (IsOccupied(occupied, r, col))
                {
                    col++;
                }

                var rowSpan = Math.Clamp(cell.RowSpan, 1, rows.Count - r);
                var colSpan = Math.Max(1, cell.ColSpan);
                for (var rr = r; rr < r + rowSpan; rr++)
                {
                    for (var cc = col; cc < col + colSpan; cc++)
                    {
                        Occupy(occupied, rr, cc);
                    }
                }

                cells.Add(new PlacedCell(r, col, rowSpan, colSpan, cell.Text, cell.Style ?? PdfCellStyle.Label));
                col += colSpan;
                maxColumns = Math.Max(maxColumns, col);
            }
        }

        return new TableGrid(cells, rows.Count, Math.Max(1, maxColumns));
    }

    /// <summary>A row made only of header cells, none of them spanning further down (e.g. 「第二十条第（五）项」, 「信息内容」).</summary>
    public bool IsSubHeader(int row)
    {
        var any = false;
        foreach (var cell in Cells)
        {
            if (cell.Row == row)
            {
                if (cell.Style.Kind != PdfCellKind.Header || cell.RowSpan > 1)
                {
                    return false;
                }

                any = true;
            }
            else if (cell.Row < row && cell.EndRow > row)
            {
                return false;
            }
        }

        return any;
    }

    /// <summary>A column of figures: every cell that starts in it below the header rows, alone in its column, is a figure.</summary>
    public bool IsFigureColumn(int column, int headerRows)
    {
        var any = false;
        foreach (var cell in Cells)
        {
            if (cell.Row < headerRows || cell.Column != column || cell.ColSpan != 1)
            {
                continue;
            }

            if (cell.Style.Kind != PdfCellKind.Number)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static bool IsOccupied(List<bool[]> occupied, int row, int col) =>
        row < occupied.Count && col < occupied[row].Length && occupied[row][col];

    private static void Occupy(List<bool[]> occupied, int row, int col)
    {
        while (occupied.Count <= row)
        {
            occupied.Add(new bool[16]);
        }

        if (col >= occupied[row].Length)
        {
            var grown = new bool[Math.Max(col + 1, occupied[row].Length * 2)];
            occupied[row].CopyTo(grown, 0);
            occupied[row] = grown;
        }

        occupied[row][col] = true;
    }
}
