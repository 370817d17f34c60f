using Disclosure.Reporting.Pdf.Fonts;
using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;

namespace Disclosure.Reporting.Pdf.Layout.Tables;

/// <summary>
/// Lays out a <see cref="PdfTable"/>: places cells on the grid (<see cref="TableGrid"/>), sizes the columns
/// (<see cref="ColumnSizing"/>), steps the type down from 10.5 pt until the figures fit and, where it can, until
/// the table fits on one page, wraps text inside cells, sizes the rows, and draws the rows page by page
/// (<see cref="TablePagination"/>) with the header rows repeated and the row-group labels continued with 「（续）」.
/// </summary>
internal sealed class PdfTableLayout
{
    /// <summary>Marks a row-group label repeated on a continued page.</summary>
    public const string Continued = "（续）";

    private const double PadX = 2.5;
    private const double PadY = 2.5;
    private const double LineFactor = 1.25;
    private const double CaptionSize = 12;
    private const double CaptionLineHeight = 18;
    private const double CaptionGap = 4;

    /// <summary>A heading line above the table, which is kept on the page with it.</summary>
    private const double HeadingAbove = 29;

    // (labels, figures): from the 五号 size down; the figures stay a little larger than the labels, as in the printed tables.
    private static readonly (double Label, double Number)[] _sizeSteps =
        [(10.5, 12), (10.5, 10.5), (10, 10.5), (9.5, 10.5), (9, 10.5), (9, 10), (9, 9)];

    private static readonly XColor _shadeColor = XColor.FromArgb(0xDC, 0xE6, 0xF2);

    private readonly PdfTable _table;
    private readonly TextLayout _text;
    private readonly TableGrid _grid;
    private readonly List<TextLine> _captionLines = [];
    private double[] _columnWidths = [];
    private double[] _rowHeights = [];

    public PdfTableLayout(PdfTable table, TextLayout text)
    {
        _table = table;
        _text = text;
        if (!string.IsNullOrWhiteSpace(table.Caption))
        {
            var atoms = text.Shape(table.Caption, new TextStyle(Face.Serif, CaptionSize, Bold: true));
            _captionLines = text.BreakLines(atoms, Page.ContentWidth, Page.ContentWidth);
        }

        _grid = TableGrid.Place(table);
        Measure();
    }

    public double LabelSize { get; private set; }

    public double NumberSize { get; private set; }

    public int HeaderRows => Math.Clamp(_table.HeaderRowCount, 0, _grid.RowCount);

    public double HeaderHeight => Sum(0, HeaderRows);

    public double CaptionHeight => _captionLines.Count == 0 ? 0 : (_captionLines.Count * CaptionLineHeight) + CaptionGap;

    /// <summary>The whole table's height.</summary>
    public double Height => CaptionHeight + Sum(0, _grid.RowCount);

    /// <summary>
    /// Height that must fit on a page for the table to start there: caption, header rows, and the body rows up to and
    /// including the first row that is not a sub-header (a block's shaded heading never stands alone at a page foot).
    /// </summary>
    public double StartHeight
    {
        get
        {
            var end = HeaderRows;
            while (end < _grid.RowCount && _grid.IsSubHeader(end))
            {
                end++;
            }

            return CaptionHeight + Sum(0, Math.Min(end + 1, _grid.RowCount));
        }
    }

    /// <summary>What must fit for the table to begin on this page: all of it when it is to be kept together and fits on a page, else <see cref="StartHeight"/>.</summary>
    public double KeepHeight => _table.KeepTogether && Height <= Page.ContentHeight ? Height : StartHeight;

    public IReadOnlyList<double> ColumnWidths => _columnWidths;

    /// <summary>Draws the table from the cursor on, breaking pages as needed.</summary>
    /// <param name="writer">The page writer.</param>
    /// <param name="bookmark">Called with the table's top on its first page (for its bookmark), or null.</param>
    public void Draw(PageWriter writer, Action<double>? bookmark = null)
    {
        writer.EnsureSpace(KeepHeight);
        bookmark?.Invoke(writer.Y);
        var structure = writer.Structure;
        structure.BeginElement(PdfBlockLevelElementTag.Table);
        if (_captionLines.Count > 0)
        {
            structure.BeginBlockLevelElement("Caption");
            foreach (var line in _captionLines)
            {
                writer.DrawLine(line, Page.Left + ((Page.ContentWidth - line.Width) / 2), PageWriter.Baseline(writer.Y, CaptionLineHeight, CaptionSize));
                writer.Y += CaptionLineHeight;
            }

            structure.End();
            writer.Y += CaptionGap;
        }

        var header = HeaderHeight;
        var groupLabels = _grid.Cells.Where(c => c.Row >= HeaderRows && c.IsRowGroupLabel).ToList();
        var pagination = new TablePagination(_rowHeights, HeaderRows, _grid.IsSubHeader, groupLabels, ContinuedNeeded);
        var segments = pagination.Split(writer.Remaining - header, Page.ContentHeight - header);
        for (var s = 0; s < segments.Count; s++)
        {
            if (s > 0)
            {
                writer.NewPage();
            }

            // The header rows are read once; repeated on a continued page they are page furniture (artifacts).
            var y = writer.Y;
            DrawRows(writer, 0, HeaderRows, y, tagged: s == 0);
            y += header;
            DrawRows(writer, segments[s].First, segments[s].End, y, tagged: true);
            writer.Y = y + Sum(segments[s].First, segments[s].End);
        }

        structure.End();
    }

    private void DrawRows(PageWriter writer, int firstRow, int endRow, double top, bool tagged)
    {
        if (endRow <= firstRow)
        {
            return;
        }

        var g = writer.Graphics;
        var structure = writer.Structure;
        var pen = new XPen(XColors.Black, 0.6);
        var openRow = -1;
        foreach (var cell in _grid.Cells)
        {
            var cellTop = Math.Max(cell.Row, firstRow);
            var cellEnd = Math.Min(cell.EndRow, endRow);
            if (cellEnd <= cellTop)
            {
                continue;
            }

            var x = Page.Left + SumColumns(0, cell.Column);
            var w = SumColumns(cell.Column, cell.Column + cell.ColSpan);
            var y = top + Sum(firstRow, cellTop);
            var h = Sum(cellTop, cellEnd);
            structure.BeginArtifact();
            if (cell.Style.Shaded)
            {
                g.DrawRectangle(new XSolidBrush(_shadeColor), x, y, w, h);
            }

            g.DrawRectangle(pen, x, y, w, h);
            structure.End();

            if (cell.Row >= firstRow && tagged)
            {
                // The cell starts here: a TH (header or row label) or TD (figure) in its row's TR.
                if (openRow != cell.Row)
                {
                    if (openRow >= 0)
                    {
                        structure.End();
                    }

                    structure.BeginElement(PdfBlockLevelElementTag.TableRow);
                    openRow = cell.Row;
                }

                // As on the web page: figures and the note are data cells (TD), headers and row labels header cells (TH).
                var isData = cell.Style.Kind is PdfCellKind.Number or PdfCellKind.Note;
                structure.BeginElement(isData ? PdfBlockLevelElementTag.TableDataCell : PdfBlockLevelElementTag.TableHeaderCell);
                if (cell.RowSpan > 1)
                {
                    structure.SetRowSpan(cell.RowSpan);
                }

                if (cell.ColSpan > 1)
                {
                    structure.SetColSpan(cell.ColSpan);
                }

                if (!isData)
                {
                    // A header cell heads the column(s) below it; a row label (or a vertical row-group label) heads its row(s).
                    SetScope(structure, cell.Style.Kind == PdfCellKind.Header && !cell.Style.Vertical ? "/Column" : "/Row");
                }

                DrawText(writer, cell, cell.Lines, x, y, w, h);
                structure.End();
            }
            else if (cell.Row >= firstRow || cell.IsRowGroupLabel)
            {
                // A repeated header row, or a row-group label cut by the page break printed again with 「（续）」: page furniture.
                structure.BeginArtifact();
                DrawText(writer, cell, cell.Row >= firstRow ? cell.Lines : ContinuedLines(cell), x, y, w, h);
                structure.End();
            }
        }

        if (openRow >= 0)
        {
            structure.End();
        }
    }

    /// <summary>PDF/UA: what a header cell heads (its /Scope table attribute, beside /RowSpan and /ColSpan).</summary>
    private static void SetScope(StructureBuilder structure, string scope) =>
        structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", scope);

    private void DrawText(PageWriter writer, PlacedCell cell, List<TextLine> lines, double x, double y, double w, double h)
    {
        var lineHeight = cell.LineHeight;
        var blockHeight = lines.Count * lineHeight;
        var lineTop = y + Math.Max(PadY, (h - blockHeight) / 2);
        var align = cell.Style.Alignment ?? (cell.Style.Kind == PdfCellKind.Label && !cell.Style.Vertical ? PdfAlignment.Left : PdfAlignment.Center);
        foreach (var line in lines)
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

    private List<TextLine> ContinuedLines(PlacedCell cell)
    {
        if (cell.ContinuedLines is null)
        {
            var size = cell.Atoms.Count > 0 ? cell.Atoms[0].Size : LabelSize;
            var atoms = _text.Shape(cell.Text + Continued, new TextStyle(Face.Serif, size, cell.Style.Bold));
            cell.ContinuedLines = LinesOf(cell, atoms);
        }

        return cell.ContinuedLines;
    }

    private double ContinuedNeeded(PlacedCell cell) => (Math.Max(1, ContinuedLines(cell).Count) * cell.LineHeight) + (2 * PadY);

    private List<TextLine> LinesOf(PlacedCell cell, List<Atom> atoms)
    {
        if (cell.Style.Vertical)
        {
            return atoms.Where(a => !a.IsSpace && !a.IsNewLine).Select(a => new TextLine([a], a.Width, true)).ToList();
        }

        var inner = Math.Max(1, SumColumns(cell.Column, cell.Column + cell.ColSpan) - (2 * PadX));
        return _text.BreakLines(atoms, inner, inner);
    }

    private void Measure()
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
        if (!(comfortableAtFirst && Height <= onePage))
        {
            var chosen = FirstStep(1, last, step => MeasureAt(step, available) && Height <= onePage, ref measured);
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

        SplitTallRows();
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
        foreach (var cell in _grid.Cells)
        {
            var size = cell.Style.Kind == PdfCellKind.Number ? NumberSize : LabelSize;
            cell.Atoms = _text.Shape(cell.Text, new TextStyle(Face.Serif, size, cell.Style.Bold));
            cell.ContinuedLines = null;
        }

        var minimum = ColumnSizing.Minimum(_grid, PadX);
        var relative = _table.RelativeColumnWidths;
        var wanted = relative is { Count: > 0 } && relative.Count == _grid.ColumnCount && relative.All(w => w > 0)
            ? ColumnSizing.Relative(relative, available)
            : ColumnSizing.FromContent(_grid, HeaderRows, minimum, available, LabelSize, PadX);
        _columnWidths = ColumnSizing.Distribute(wanted, minimum, available);
        var comfortable = minimum.Sum() <= available + 0.01 &&
                          Enumerable.Range(0, _grid.ColumnCount).All(c => _columnWidths[c] >= (0.6 * wanted[c]) - 0.01);
        MeasureRows();
        return comfortable;
    }

    private void MeasureRows()
    {
        _rowHeights = new double[_grid.RowCount];
        foreach (var cell in _grid.Cells)
        {
            cell.Lines = LinesOf(cell, cell.Atoms);
            var size = cell.Atoms.Count > 0 ? cell.Atoms.Max(a => a.Size) : LabelSize;
            cell.LineHeight = cell.Style.Vertical ? size * 1.15 : size * LineFactor;
            cell.Needed = (Math.Max(1, cell.Lines.Count) * cell.LineHeight) + (2 * PadY);
        }

        foreach (var cell in _grid.Cells.Where(c => c.RowSpan == 1))
        {
            _rowHeights[cell.Row] = Math.Max(_rowHeights[cell.Row], cell.Needed);
        }

        foreach (var cell in _grid.Cells.Where(c => c.RowSpan > 1).OrderBy(c => c.RowSpan))
        {
            var current = Sum(cell.Row, cell.EndRow);
            if (cell.Needed > current)
            {
                var add = (cell.Needed - current) / cell.RowSpan;
                for (var r = cell.Row; r < cell.EndRow; r++)
                {
                    _rowHeights[r] += add;
                }
            }
        }

        for (var r = 0; r < _grid.RowCount; r++)
        {
            _rowHeights[r] = Math.Max(_rowHeights[r], (LabelSize * LineFactor) + (2 * PadY));
        }
    }

    /// <summary>
    /// A body row taller than a page (a very long text in a cell) is cut into pieces of whole lines, each a row
    /// of its own, so the row continues on the next page instead of running off the bottom.
    /// Only rows that no row span crosses are cut.
    /// </summary>
    private void SplitTallRows()
    {
        var limit = Page.ContentHeight - HeaderHeight - 1;
        var cells = _grid.Cells;
        for (var r = HeaderRows; r < _grid.RowCount; r++)
        {
            if (_rowHeights[r] <= limit || cells.Any(c => c.Row <= r && c.EndRow > r && c.RowSpan > 1))
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
                    heights[piece] = Math.Max(heights[piece], (Math.Max(1, lines.Count) * cell.LineHeight) + (2 * PadY));
                    if (piece == 0)
                    {
                        cell.Lines = lines;
                        continue;
                    }

                    cells.Add(new PlacedCell(r + piece, cell.Column, 1, cell.ColSpan, "", cell.Style) { Lines = lines, LineHeight = cell.LineHeight });
                }
            }

            var newHeights = new List<double>(_rowHeights);
            newHeights.RemoveAt(r);
            newHeights.InsertRange(r, heights);
            _rowHeights = [.. newHeights];
            _grid.RowCount += added;
            r += added;
        }

        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
    }

    private static double LinesPerPiece(PlacedCell cell, double limit) =>
        Math.Max(1, Math.Floor((limit - (2 * PadY)) / cell.LineHeight));

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
}
