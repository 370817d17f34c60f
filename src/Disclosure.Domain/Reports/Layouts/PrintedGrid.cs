namespace Disclosure.Domain.Reports.Layouts;

/// <summary>A cell of a printed table at its place in the grid: zero-based row (counting every section's rows in order) and column.</summary>
public sealed record PlacedCell(PrintedCell Cell, int Row, int Column);

/// <summary>
/// Where each cell of a <see cref="PrintedTable"/> sits in a plain grid, as an HTML table lays out its spans: each cell
/// takes the first column of its row not already covered by a cell above it. A spreadsheet of the table writes and
/// reads its figures at these places.
/// </summary>
public static class PrintedGrid
{
    public static IReadOnlyList<PlacedCell> Place(PrintedTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var width = table.Columns.Count;
        var rows = table.Sections.SelectMany(s => s.Rows).ToList();
        var covered = new bool[rows.Count, width];
        var placed = new List<PlacedCell>();
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (c < width && covered[r, c])
                {
                    c++;
                }

                if (c + cell.ColSpan > width)
                {
                    throw new InvalidOperationException($"{table.Number} row {r} is wider than its {width} columns.");
                }

                placed.Add(new PlacedCell(cell, r, c));
                for (var i = r; i < Math.Min(rows.Count, r + cell.RowSpan); i++)
                {
                    for (var j = c; j < c + cell.ColSpan; j++)
                    {
                        covered[i, j] = true;
                    }
                }

                c += cell.ColSpan;
            }
        }

        return placed;
    }

    /// <summary>The number of rows of the grid.</summary>
    public static int RowCount(PrintedTable table) => table.Sections.Sum(s => s.Rows.Count);
}
