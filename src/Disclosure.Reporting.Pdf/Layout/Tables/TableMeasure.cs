using Disclosure.Reporting.Pdf.Fonts;

namespace Disclosure.Reporting.Pdf.Layout.Tables;

/// <summary>
/// Measures a table: chooses the type size (stepping down from 10.5 pt until the figures fit and, where it can, until
/// the table fits on one page under its heading), shapes the cells' text, sizes the columns (<see cref="ColumnSizing"/>),
/// breaks the text inside the cells into lines, and sizes the rows to the tallest text they hold.
/// </summary>
internal sealed class TableMeasure(PdfTable table, TableGrid grid, TextLayout text)
{
    /// <summary>Space between a cell's rule and its text, left and right.</summary>
    public const double PadX = 2.5;

    /// <summary>Space between a cell's rule and its text, above and below.</summary>
    public const double PadY = 2.5;

    private const double LineFactor = 1.25;

    /// <summary>A heading line above the table, which is kept on the page with it.</summary>
    private const double HeadingAbove = 29;

    // (labels, figures): from the 五号 size down; the figures stay a little larger than the labels, as in the printed tables.
    private static readonly (double Label, double Number)[] _sizeSteps =
        [(10.5, 12), (10.5, 10.5), (10, 10.5), (9.5, 10.5), (9, 10.5), (9, 10), (9, 9)];

    public double LabelSize { get; private set; }

    public double NumberSize { get; private set; }

    public double[] ColumnWidths { get; private set; } = [];

    /// <summary>The height of each row; <see cref="SplitRow"/> replaces a tall row by its pieces.</summary>
    public double[] RowHeights { get; private set; } = [];

    public int HeaderRows => Math.Clamp(table.HeaderRowCount, 0, grid.RowCount);

    /// <summary>Chooses the type size and measures the table at it.</summary>
    /// <param name="captionHeight">Height of the caption above the table, counted in whether the table fits on a page.</param>
    public void Choose(double captionHeight)
    {
        // Try the type sizes from 10.5 pt (figures 12 pt) down to 9 pt. Take the first at which every figure and word fits,
        // no column is squeezed below 60% of the width it asked for, and the table fits on a page under its heading;
        // if no size makes the table fit on a page, the first at which the figures fit. Both tests only get easier as
        // the type gets smaller, so the steps are searched by halving (most tables fit at the first).
        var available = Page.ContentWidth;
        var onePage = Page.ContentHeight - HeadingAbove;
        var last = _sizeSteps.Length - 1;
        var measured = 0;
        var comfortableAtFirst = MeasureAt(0, available);
        if (!(comfortableAtFirst && captionHeight + Rows(0, grid.RowCount) <= onePage))
        {
            var chosen = FirstStep(1, last, step => MeasureAt(step, available) && captionHeight + Rows(0, grid.RowCount) <= onePage, ref measured);
            if (chosen < 0)
            {
                chosen = comfortableAtFirst ? 0 : FirstStep(1, last, step => MeasureAt(step, available), ref measured);
                chosen = chosen < 0 ? last : chosen;
            }

            if (chosen != measured)
            {
                MeasureAt(chosen, available);
            }
        }
    }

    /// <summary>The lines of a cell's text at its column width (one character a line in a vertical cell).</summary>
    public List<TextLine> LinesOf(PlacedCell cell, List<Atom> atoms)
    {
        if (cell.Style.Vertical)
        {
            return atoms.Where(a => !a.IsSpace && !a.IsNewLine).Select(a => new TextLine([a], a.Width, true)).ToList();
        }

        var inner = Math.Max(1, Columns(cell.Column, cell.Column + cell.ColSpan) - (2 * PadX));
        return text.BreakLines(atoms, inner, inner);
    }

    /// <summary>Row <paramref name="row"/> becomes rows of <paramref name="pieces"/>' heights (<see cref="RowSplitting"/>).</summary>
    public void SplitRow(int row, IReadOnlyList<double> pieces) =>
        RowHeights = [.. RowHeights.Take(row), .. pieces, .. RowHeights.Skip(row + 1)];

    /// <summary>The height of the rows from <paramref name="firstRow"/> up to (not including) <paramref name="endRow"/>.</summary>
    public double Rows(int firstRow, int endRow)
    {
        var total = 0.0;
        for (var r = firstRow; r < endRow; r++)
        {
            total += RowHeights[r];
        }

        return total;
    }

    /// <summary>The width of the columns from <paramref name="first"/> up to (not including) <paramref name="end"/>.</summary>
    public double Columns(int first, int end)
    {
        var total = 0.0;
        for (var c = first; c < end && c < ColumnWidths.Length; c++)
        {
            total += ColumnWidths[c];
        }

        return total;
    }

    /// <summary>The first step in [<paramref name="low"/>, <paramref name="high"/>] that passes a test which, once passed, passes for every later step; -1 if none.</summary>
    private static int FirstStep(int low, int high, Func<int, bool> passes, ref int measured)
    {
        var found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            measured = middle;
            if (passes(middle))
            {
                found = middle;
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        return found;
    }

    private bool MeasureAt(int step, double available)
    {
        (LabelSize, NumberSize) = _sizeSteps[step];
        foreach (var cell in grid.Cells)
        {
            var size = cell.Style.Kind == PdfCellKind.Number ? NumberSize : LabelSize;
            cell.Atoms = text.Shape(cell.Text, new TextStyle(Face.Serif, size, cell.Style.Bold));
            cell.ContinuedLines = null;
        }

        var minimum = ColumnSizing.Minimum(grid, PadX);
        var relative = table.RelativeColumnWidths;
        var wanted = relative is { Count: > 0 } && relative.Count == grid.ColumnCount && relative.All(w => w > 0)
            ? ColumnSizing.Relative(relative, available)
            : ColumnSizing.FromContent(grid, HeaderRows, minimum, available, LabelSize, PadX);
        ColumnWidths = ColumnSizing.Distribute(wanted, minimum, available);
        var comfortable = minimum.Sum() <= available + 0.01 &&
                          Enumerable.Range(0, grid.ColumnCount).All(c => ColumnWidths[c] >= (0.6 * wanted[c]) - 0.01);
        MeasureRows();
        return comfortable;
    }

    private void MeasureRows()
    {
        RowHeights = new double[grid.RowCount];
        foreach (var cell in grid.Cells)
        {
            cell.Lines = LinesOf(cell, cell.Atoms);
            var size = cell.Atoms.Count > 0 ? cell.Atoms.Max(a => a.Size) : LabelSize;
            cell.LineHeight = cell.Style.Vertical ? size * 1.15 : size * LineFactor;
            cell.Needed = (Math.Max(1, cell.Lines.Count) * cell.LineHeight) + (2 * PadY);
        }

        foreach (var cell in grid.Cells.Where(c => c.RowSpan == 1))
        {
            RowHeights[cell.Row] = Math.Max(RowHeights[cell.Row], cell.Needed);
        }

        foreach (var cell in grid.Cells.Where(c => c.RowSpan > 1).OrderBy(c => c.RowSpan))
        {
            var current = Rows(cell.Row, cell.EndRow);
            if (cell.Needed > current)
            {
                var add = (cell.Needed - current) / cell.RowSpan;
                for (var r = cell.Row; r < cell.EndRow; r++)
                {
                    RowHeights[r] += add;
                }
            }
        }

        for (var r = 0; r < grid.RowCount; r++)
        {
            RowHeights[r] = Math.Max(RowHeights[r], (LabelSize * LineFactor) + (2 * PadY));
        }
    }
}
