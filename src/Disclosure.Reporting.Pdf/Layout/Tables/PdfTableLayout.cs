using Disclosure.Reporting.Pdf.Fonts;

namespace Disclosure.Reporting.Pdf.Layout.Tables;

/// <summary>
/// Lays out a <see cref="PdfTable"/> and answers the page writer's questions about it. The work is done in steps, each
/// in its own file: place the cells on the grid (<see cref="TableGrid"/>); choose the type size, size the columns
/// (<see cref="ColumnSizing"/>) and the rows (<see cref="TableMeasure"/>); cut rows taller than a page and prepare the
/// 「（续）」 labels (<see cref="RowSplitting"/>); choose the page breaks (<see cref="TablePagination"/>); draw and tag
/// the rows page by page (<see cref="TableDrawing"/>).
/// </summary>
internal sealed class PdfTableLayout
{
    private readonly PdfTable _table;
    private readonly TableGrid _grid;
    private readonly TableMeasure _measure;
    private readonly RowSplitting _splitting;
    private readonly List<TextLine> _captionLines = [];

    public PdfTableLayout(PdfTable table, TextLayout text)
    {
        _table = table;
        if (!string.IsNullOrWhiteSpace(table.Caption))
        {
            var atoms = text.Shape(table.Caption, new TextStyle(Face.Serif, TableDrawing.CaptionSize, Bold: true));
            _captionLines = text.BreakLines(atoms, Page.ContentWidth, Page.ContentWidth);
        }

        _grid = TableGrid.Place(table);
        _measure = new TableMeasure(table, _grid, text);
        _measure.Choose(CaptionHeight);
        _splitting = new RowSplitting(_grid, _measure, text);
        _splitting.SplitTallRows();
    }

    public double CaptionHeight => _captionLines.Count == 0 ? 0 : (_captionLines.Count * TableDrawing.CaptionLineHeight) + TableDrawing.CaptionGap;

    /// <summary>The whole table's height.</summary>
    public double Height => CaptionHeight + _measure.Rows(0, _grid.RowCount);

    /// <summary>
    /// Height that must fit on a page for the table to start there: caption, header rows, and the body rows up to and
    /// including the first row that is not a sub-header (a block's shaded heading never stands alone at a page foot).
    /// </summary>
    public double StartHeight
    {
        get
        {
            var end = _measure.HeaderRows;
            while (end < _grid.RowCount && _grid.IsSubHeader(end))
            {
                end++;
            }

            return CaptionHeight + _measure.Rows(0, Math.Min(end + 1, _grid.RowCount));
        }
    }

    /// <summary>What must fit for the table to begin on this page: all of it when it is to be kept together and fits on a page, else <see cref="StartHeight"/>.</summary>
    public double KeepHeight => _table.KeepTogether && Height <= Page.ContentHeight ? Height : StartHeight;

    /// <summary>Draws the table from the cursor on, breaking pages as needed.</summary>
    /// <param name="writer">The page writer.</param>
    /// <param name="bookmark">Called with the table's top on its first page (for its bookmark), or null.</param>
    public void Draw(PageWriter writer, Action<double>? bookmark = null)
    {
        writer.EnsureSpace(KeepHeight);
        bookmark?.Invoke(writer.Y);
        var groupLabels = _grid.Cells.Where(c => c.Row >= _measure.HeaderRows && c.IsRowGroupLabel).ToList();
        var pagination = new TablePagination(_measure, _grid.IsSubHeader, groupLabels, _splitting.ContinuedNeeded);
        new TableDrawing(_grid, _measure, _splitting).Draw(writer, _captionLines, pagination);
    }
}
