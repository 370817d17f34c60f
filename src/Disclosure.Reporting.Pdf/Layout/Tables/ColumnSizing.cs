namespace Disclosure.Reporting.Pdf.Layout.Tables;

/// <summary>
/// Column widths of a table: never narrower than the widest figure or word a column holds; otherwise either the
/// caller's relative widths, or (without them) sized from the content the way a typesetter sets table 三: columns of
/// figures as narrow as their figures and a two-character header line allow, the label columns given the rest so
/// that as many labels as possible stay on one line.
/// </summary>
internal static class ColumnSizing
{
    /// <summary>The narrowest each column can be without cutting a figure or a word (a spanning cell widens the columns it spans).</summary>
    public static double[] Minimum(TableGrid grid, double padX)
    {
        var minimum = new double[grid.ColumnCount];
        foreach (var cell in grid.Cells.Where(c => c.ColSpan == 1))
        {
            var widest = cell.Style.Vertical
                ? cell.Atoms.Select(a => a.Width).DefaultIfEmpty(0).Max()
                : TextLayout.WidestAtom(cell.Atoms);
            minimum[cell.Column] = Math.Max(minimum[cell.Column], widest + (2 * padX) + 0.5);
        }

        foreach (var cell in grid.Cells.Where(c => c.ColSpan > 1))
        {
            var need = TextLayout.WidestAtom(cell.Atoms) + (2 * padX) + 0.5;
            var have = 0.0;
            for (var c = cell.Column; c < cell.Column + cell.ColSpan; c++)
            {
                have += minimum[c];
            }

            if (need > have)
            {
                for (var c = cell.Column; c < cell.Column + cell.ColSpan; c++)
                {
                    minimum[c] += (need - have) / cell.ColSpan;
                }
            }
        }

        return minimum;
    }

    /// <summary>The caller's relative widths scaled to <paramref name="available"/>.</summary>
    public static double[] Relative(IReadOnlyList<double> relative, double available)
    {
        var total = relative.Sum();
        return [.. relative.Select(w => w / total * available)];
    }

    /// <summary>
    /// Widths from the content: a column of figures gets the width of its widest figure or of two header characters,
    /// whichever is more; the label columns share the rest, the narrowest first, each up to the width that sets its
    /// longest label on one line; width still left over goes to the columns of figures.
    /// </summary>
    public static double[] FromContent(TableGrid grid, int headerRows, double[] minimum, double available, double labelSize, double padX)
    {
        var n = grid.ColumnCount;
        var widths = new double[n];
        var figures = new bool[n];
        var natural = (double[])minimum.Clone();
        foreach (var cell in grid.Cells.Where(c => c.ColSpan == 1 && !c.Style.Vertical))
        {
            natural[cell.Column] = Math.Max(natural[cell.Column], TextLayout.NaturalWidth(cell.Atoms) + (2 * padX) + 0.5);
        }

        var rest = available;
        for (var c = 0; c < n; c++)
        {
            figures[c] = grid.IsFigureColumn(c, headerRows);
            if (figures[c])
            {
                widths[c] = Math.Max(minimum[c], (2 * labelSize) + (2 * padX) + 0.5);
                rest -= widths[c];
            }
        }

        var labels = Enumerable.Range(0, n).Where(c => !figures[c]).OrderBy(c => natural[c]).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            var c = labels[i];
            var share = rest / (labels.Count - i);
            widths[c] = Math.Max(minimum[c], Math.Min(natural[c], share));
            rest -= widths[c];
        }

        var figureCount = figures.Count(f => f);
        if (rest > 0 && figureCount > 0)
        {
            for (var c = 0; c < n; c++)
            {
                widths[c] += figures[c] ? rest / figureCount : 0;
            }
        }
        else if (rest > 0 && labels.Count > 0)
        {
            widths[labels[^1]] += rest;
        }

        return widths;
    }

    /// <summary>Widens columns below their minimum, taking the width from columns with room to spare; scales all down if the minimums alone are too wide.</summary>
    public static double[] Distribute(double[] wanted, double[] minimum, double available)
    {
        var widths = (double[])wanted.Clone();
        for (var pass = 0; pass < 4; pass++)
        {
            var deficit = 0.0;
            var slack = 0.0;
            for (var c = 0; c < widths.Length; c++)
            {
                if (widths[c] < minimum[c])
                {
                    deficit += minimum[c] - widths[c];
                }
                else
                {
                    slack += widths[c] - minimum[c];
                }
            }

            if (deficit <= 0.001 || slack <= 0.001)
            {
                break;
            }

            var take = Math.Min(1, deficit / slack);
            for (var c = 0; c < widths.Length; c++)
            {
                widths[c] = widths[c] < minimum[c] ? minimum[c] : widths[c] - ((widths[c] - minimum[c]) * take);
            }
        }

        // If the minimums alone are too wide (at the smallest size), scale down: text then breaks inside words and figures.
        var sum = widths.Sum();
        if (sum > available)
        {
            for (var c = 0; c < widths.Length; c++)
            {
                widths[c] *= available / sum;
            }
        }

        return widths;
    }
}
