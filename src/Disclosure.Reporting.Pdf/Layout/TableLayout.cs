using Disclosure.Reporting.Pdf.Fonts;
using PdfSharp.Drawing;

namespace Disclosure.Reporting.Pdf.Layout;

/// <summary>
/// Lays out a <see cref="PdfTable"/>: places cells on the grid, sizes columns so that every figure and
/// word fits (shrinking the type from 10.5 pt towards 9 pt if it must), wraps text inside cells, sizes
/// rows, and draws the rows page by page with the header rows repeated after each break.
/// </summary>
internal sealed class TableLayout
{
    private const double PadX = 2.5;
    private const double PadY = 3;
    private const double LineFactor = 1.3;
    private const double CaptionSize = 12;
    private const double CaptionLineHeight = 18;
    private const double CaptionGap = 4;
    private static readonly (double Label, double Number)[] _sizeSteps = [(10.5, 12), (10.5, 10.5), (10, 10), (9.5, 9.5), (9, 9)];
    private static readonly XColor _shadeColor = XColor.FromArgb(0xDC, 0xE6, 0xF2);

    private readonly PdfTable _table;
    private readonly TextLayout _text;
    private readonly List<PlacedCell> _cells = [];
    private int _rowCount;
    private int _columnCount;
    private double[] _columnWidths = [];
    private double[] _rowHeights = [];
    private List<TextLine> _captionLines = [];

    public TableLayout(PdfTable table, TextLayout text)
    {
        _table = table;
        _text = text;
        if (!string.IsNullOrWhiteSpace(table.Caption))
        {
            var atoms = text.Shape(table.Caption, new TextStyle(Face.Serif, CaptionSize, Bold: true));
            _captionLines = text.BreakLines(atoms, Page.ContentWidth, Page.ContentWidth);
        }

        Place();
        Measure();
    }

    public double LabelSize { get; private set; }

    public double NumberSize { get; private set; }

    public int HeaderRows => Math.Clamp(_table.HeaderRowCount, 0, _rowCount);

    public double HeaderHeight => Sum(0, HeaderRows);

    public double CaptionHeight => _captionLines.Count == 0 ? 0 : (_captionLines.Count * CaptionLineHeight) + CaptionGap;

    /// <summary>Height that must fit on a page for the table to start there: caption, header rows and the first body row.</summary>
    public double StartHeight => CaptionHeight + HeaderHeight + (_rowCount > HeaderRows ? _rowHeights[HeaderRows] : 0);

    public IReadOnlyList<double> ColumnWidths => _columnWidths;

    public void Draw(PageWriter writer)
    {
        writer.EnsureSpace(StartHeight);
        foreach (var line in _captionLines)
        {
            writer.DrawLine(line, Page.Left + ((Page.ContentWidth - line.Width) / 2), PageWriter.Baseline(writer.Y, CaptionLineHeight, CaptionSize));
            writer.Y += CaptionLineHeight;
        }

        writer.Y += _captionLines.Count > 0 ? CaptionGap : 0;

        // Split the body rows into page segments first, so that a cell spanning a page break can put its text in its tallest part.
        var segments = new List<(int First, int End)>();
        var header = HeaderHeight;
        var room = writer.Remaining - header;
        var first = HeaderRows;
        var used = 0.0;
        for (var r = HeaderRows; r < _rowCount; r++)
        {
            if (used + _rowHeights[r] > room + 0.01 && r > first)
            {
                // Keep sub-header rows (e.g. 「第二十条第（五）项」 and its 「信息内容」 row) with the row after them.
                var breakAt = r;
                while (breakAt - 1 > first && IsSubHeader(breakAt - 1))
                {
                    breakAt--;
                }

                segments.Add((first, breakAt));
                first = breakAt;
                used = Sum(breakAt, r);
                room = Page.ContentHeight - header;
            }

            used += _rowHeights[r];
        }

        segments.Add((first, _rowCount));
        var textSegment = new Dictionary<PlacedCell, int>();
        foreach (var cell in _cells)
        {
            if (cell.Row < HeaderRows)
            {
                continue;
            }

            var best = -1;
            var bestHeight = -1.0;
            for (var s = 0; s < segments.Count; s++)
            {
                var top = Math.Max(cell.Row, segments[s].First);
                var bottom = Math.Min(cell.Row + cell.RowSpan, segments[s].End);
                var h = bottom > top ? Sum(top, bottom) : -1;
                if (h > bestHeight + 0.01)
                {
                    best = s;
                    bestHeight = h;
                }
            }

            textSegment[cell] = best;
        }

        for (var s = 0; s < segments.Count; s++)
        {
            if (s > 0)
            {
                writer.NewPage();
            }

            var y = writer.Y;
            DrawRows(writer, 0, HeaderRows, y, null, -1);
            y += header;
            DrawRows(writer, segments[s].First, segments[s].End, y, textSegment, s);
            writer.Y = y + Sum(segments[s].First, segments[s].End);
        }
    }

    /// <summary>A body row made only of header cells, none of them spanning further down.</summary>
    private bool IsSubHeader(int row)
    {
        var any = false;
        foreach (var cell in _cells)
        {
            if (cell.Row == row)
            {
                if (cell.Style.Kind != PdfCellKind.Header || cell.RowSpan > 1)
                {
                    return false;
                }

                any = true;
            }
            else if (cell.Row < row && cell.Row + cell.RowSpan > row)
            {
                return false;
            }
        }

        return any;
    }

    private void DrawRows(PageWriter writer, int firstRow, int endRow, double top, Dictionary<PlacedCell, int>? textSegment, int segment)
    {
        if (endRow <= firstRow)
        {
            return;
        }

        var g = writer.Graphics;
        var pen = new XPen(XColors.Black, 0.6);
        foreach (var cell in _cells)
        {
            var cellTop = Math.Max(cell.Row, firstRow);
            var cellEnd = Math.Min(cell.Row + cell.RowSpan, endRow);
            if (cellEnd <= cellTop)
            {
                continue;
            }

            var x = Page.Left + SumColumns(0, cell.Column);
            var w = SumColumns(cell.Column, cell.Column + cell.ColSpan);
            var y = top + Sum(firstRow, cellTop);
            var h = Sum(cellTop, cellEnd);
            if (cell.Style.Shaded)
            {
                g.DrawRectangle(new XSolidBrush(_shadeColor), x, y, w, h);
            }

            g.DrawRectangle(pen, x, y, w, h);
            if (textSegment is not null && textSegment[cell] != segment)
            {
                continue;
            }

            var lineHeight = cell.LineHeight;
            var blockHeight = cell.Lines.Count * lineHeight;
            var lineTop = y + Math.Max(PadY, (h - blockHeight) / 2);
            var align = cell.Style.Alignment ?? (cell.Style.Kind == PdfCellKind.Label && !cell.Style.Vertical ? PdfAlignment.Left : PdfAlignment.Center);
            foreach (var line in cell.Lines)
            {
                var size = line.Atoms.Count > 0 ? line.Atoms[0].Size : LabelSize;
                var inner = w - (2 * PadX);
                var lx = align switch
                {
                    PdfAlignment.Center => x + PadX + ((inner - line.Width) / 2),
                    PdfAlignment.Right => x + w - PadX - line.Width,
                    _ => x + PadX,
                };
                writer.DrawLine(line, lx, PageWriter.Baseline(lineTop, lineHeight, size));
                lineTop += lineHeight;
            }
        }
    }

    private void Place()
    {
        var occupied = new List<bool[]>();
        var rows = _table.Rows;
        _rowCount = rows.Count;
        var provisional = new List<(int Row, int Col, PdfTableCell Cell)>();
        var maxColumns = _table.RelativeColumnWidths?.Count ?? 0;
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

                provisional.Add((r, col, cell with { RowSpan = rowSpan, ColSpan = colSpan }));
                col += colSpan;
                maxColumns = Math.Max(maxColumns, col);
            }
        }

        _columnCount = Math.Max(1, maxColumns);
        foreach (var (row, col, cell) in provisional)
        {
            _cells.Add(new PlacedCell(row, col, cell.RowSpan, cell.ColSpan, cell.Text, cell.Style ?? PdfCellStyle.Label));
        }
    }

    private void Measure()
    {
        // Try the type sizes from 10.5 pt (figures 12 pt) down to 9 pt; take the first at which every figure and word fits
        // and no column is squeezed below 60% of the width it asked for.
        var available = Page.ContentWidth;
        for (var i = 0; i < _sizeSteps.Length; i++)
        {
            (LabelSize, NumberSize) = _sizeSteps[i];
            ShapeCells();
            var minimum = MinimumColumnWidths();
            var wanted = WantedWidths(minimum, available);
            var widths = DistributeWidths(wanted, minimum, available);
            var comfortable = minimum.Sum() <= available + 0.01 &&
                              Enumerable.Range(0, _columnCount).All(c => widths[c] >= (0.6 * wanted[c]) - 0.01);
            if (comfortable || i == _sizeSteps.Length - 1)
            {
                _columnWidths = widths;
                break;
            }
        }

        _rowHeights = new double[_rowCount];
        foreach (var cell in _cells)
        {
            var inner = Math.Max(1, SumColumns(cell.Column, cell.Column + cell.ColSpan) - (2 * PadX));
            if (cell.Style.Vertical)
            {
                cell.Lines = cell.Atoms.Where(a => !a.IsSpace && !a.IsNewLine)
                    .Select(a => new TextLine([a], a.Width, true)).ToList();
                cell.LineHeight = cell.Atoms.Count > 0 ? cell.Atoms[0].Size * 1.15 : LabelSize;
            }
            else
            {
                cell.Lines = _text.BreakLines(cell.Atoms, inner, inner);
                cell.LineHeight = (cell.Atoms.Count > 0 ? cell.Atoms.Max(a => a.Size) : LabelSize) * LineFactor;
            }

            cell.Needed = (Math.Max(1, cell.Lines.Count) * cell.LineHeight) + (2 * PadY);
        }

        foreach (var cell in _cells.Where(c => c.RowSpan == 1))
        {
            _rowHeights[cell.Row] = Math.Max(_rowHeights[cell.Row], cell.Needed);
        }

        foreach (var cell in _cells.Where(c => c.RowSpan > 1).OrderBy(c => c.RowSpan))
        {
            var current = Sum(cell.Row, cell.Row + cell.RowSpan);
            if (cell.Needed > current)
            {
                var add = (cell.Needed - current) / cell.RowSpan;
                for (var r = cell.Row; r < cell.Row + cell.RowSpan; r++)
                {
                    _rowHeights[r] += add;
                }
            }
        }

        for (var r = 0; r < _rowCount; r++)
        {
            _rowHeights[r] = Math.Max(_rowHeights[r], (LabelSize * LineFactor) + (2 * PadY));
        }

        SplitTallRows();
    }

    /// <summary>
    /// A body row taller than a page (a very long text in a cell) is cut into pieces of whole lines, each a row
    /// of its own, so the row continues on the next page instead of running off the bottom.
    /// Only rows that no row span crosses are cut.
    /// </summary>
    private void SplitTallRows()
    {
        var limit = Page.ContentHeight - HeaderHeight - 1;
        for (var r = HeaderRows; r < _rowCount; r++)
        {
            if (_rowHeights[r] <= limit || _cells.Any(c => c.Row <= r && c.Row + c.RowSpan > r && c.RowSpan > 1))
            {
                continue;
            }

            var rowCells = _cells.Where(c => c.Row == r).ToList();
            var pieces = rowCells.Max(c => (int)Math.Ceiling(c.Lines.Count / LinesPerPiece(c, limit)));
            var added = pieces - 1;
            foreach (var cell in _cells.Where(c => c.Row > r))
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
                    heights[piece] = Math.Max(heights[piece], (Math.Max(1, lines.Count) * cell.LineHeight) + (2 * PadY));
                    if (piece == 0)
                    {
                        cell.Lines = lines;
                        continue;
                    }

                    _cells.Add(new PlacedCell(r + piece, cell.Column, 1, cell.ColSpan, "", cell.Style) { Lines = lines, LineHeight = cell.LineHeight });
                }
            }

            var newHeights = new List<double>(_rowHeights);
            newHeights.RemoveAt(r);
            newHeights.InsertRange(r, heights);
            _rowHeights = [.. newHeights];
            _rowCount += added;
            r += added;
        }

        _cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
    }

    private static double LinesPerPiece(PlacedCell cell, double limit) =>
        Math.Max(1, Math.Floor((limit - (2 * PadY)) / cell.LineHeight));

    private void ShapeCells()
    {
        foreach (var cell in _cells)
        {
            var number = cell.Style.Kind == PdfCellKind.Number;
            var size = number ? NumberSize : LabelSize;
            cell.Atoms = _text.Shape(cell.Text, new TextStyle(Face.Serif, size, cell.Style.Bold));
        }
    }

    private double[] MinimumColumnWidths()
    {
        var minimum = new double[_columnCount];
        foreach (var cell in _cells.Where(c => c.ColSpan == 1))
        {
            var widest = cell.Style.Vertical
                ? cell.Atoms.Select(a => a.Width).DefaultIfEmpty(0).Max()
                : TextLayout.WidestAtom(cell.Atoms);
            minimum[cell.Column] = Math.Max(minimum[cell.Column], widest + (2 * PadX) + 0.5);
        }

        foreach (var cell in _cells.Where(c => c.ColSpan > 1))
        {
            var need = TextLayout.WidestAtom(cell.Atoms) + (2 * PadX) + 0.5;
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

    /// <summary>The widths the columns ask for: the caller's relative widths, or else each column's natural one-line width.</summary>
    private double[] WantedWidths(double[] minimum, double available)
    {
        var widths = new double[_columnCount];
        var relative = _table.RelativeColumnWidths;
        if (relative is { Count: > 0 } && relative.Count == _columnCount && relative.All(w => w > 0))
        {
            var total = relative.Sum();
            for (var c = 0; c < _columnCount; c++)
            {
                widths[c] = relative[c] / total * available;
            }
        }
        else
        {
            // From content: each column wants its natural one-line width, capped at eight label characters.
            var preferred = (double[])minimum.Clone();
            foreach (var cell in _cells.Where(c => c.ColSpan == 1))
            {
                var natural = Math.Min(TextLayout.NaturalWidth(cell.Atoms), LabelSize * 8) + (2 * PadX) + 0.5;
                preferred[cell.Column] = Math.Max(preferred[cell.Column], natural);
            }

            var total = preferred.Sum();
            for (var c = 0; c < _columnCount; c++)
            {
                widths[c] = preferred[c] / total * available;
            }
        }

        return widths;
    }

    private double[] DistributeWidths(double[] wanted, double[] minimum, double available)
    {
        var widths = (double[])wanted.Clone();

        // Widen columns below their minimum, taking the width from columns with room to spare.
        for (var pass = 0; pass < 4; pass++)
        {
            var deficit = 0.0;
            var slack = 0.0;
            for (var c = 0; c < _columnCount; c++)
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
            for (var c = 0; c < _columnCount; c++)
            {
                widths[c] = widths[c] < minimum[c] ? minimum[c] : widths[c] - ((widths[c] - minimum[c]) * take);
            }
        }

        // If the minimums alone are too wide (at 9 pt), scale down: text then breaks inside words and figures.
        var sum = widths.Sum();
        if (sum > available)
        {
            for (var c = 0; c < _columnCount; c++)
            {
                widths[c] *= available / sum;
            }
        }

        return widths;
    }

    private double Sum(int firstRow, int endRow)
    {
        var total = 0.0;
        for (var r = firstRow; r < endRow; r++)
        {
            total += _rowHeights[r];
        }

        return total;
    }

    private double SumColumns(int first, int end)
    {
        var total = 0.0;
        for (var c = first; c < end && c < _columnWidths.Length; c++)
        {
            total += _columnWidths[c];
        }

        return total;
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

    private sealed class PlacedCell(int row, int column, int rowSpan, int colSpan, string text, PdfCellStyle style)
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

        public double Needed { get; set; }
    }
}
