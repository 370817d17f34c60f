using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;

namespace Disclosure.Reporting.Pdf.Layout.Tables;

/// <summary>
/// Draws a measured table page by page: the caption, the header rows repeated on every page, the body rows of each
/// page segment (<see cref="TablePagination"/>), and the row-group labels cut by a break printed again with 「（续）」.
/// Tags it for PDF/UA as the web page marks it up: a Table of TR rows of TH (headers, row labels, with their /Scope)
/// and TD (figures, notes) cells; what is drawn again on a continued page is page furniture (an artifact).
/// </summary>
internal sealed class TableDrawing(TableGrid grid, TableMeasure measure, RowSplitting splitting)
{
    public const double CaptionSize = 12;
    public const double CaptionLineHeight = 18;
    public const double CaptionGap = 4;

    private static readonly XColor _shadeColor = XColor.FromArgb(0xDC, 0xE6, 0xF2);

    /// <summary>Draws the table from the cursor on, breaking pages where <paramref name="pagination"/> says.</summary>
    public void Draw(PageWriter writer, IReadOnlyList<TextLine> captionLines, TablePagination pagination)
    {
        var structure = writer.Structure;
        structure.BeginElement(PdfBlockLevelElementTag.Table);
        if (captionLines.Count > 0)
        {
            structure.BeginBlockLevelElement("Caption");
            foreach (var line in captionLines)
            {
                writer.DrawLine(line, Page.Left + ((Page.ContentWidth - line.Width) / 2), PageWriter.Baseline(writer.Y, CaptionLineHeight, CaptionSize));
                writer.Y += CaptionLineHeight;
            }

            structure.End();
            writer.Y += CaptionGap;
        }

        var headerRows = measure.HeaderRows;
        var header = measure.Rows(0, headerRows);
        var segments = pagination.Split(writer.Remaining - header, Page.ContentHeight - header);
        for (var s = 0; s < segments.Count; s++)
        {
            if (s > 0)
            {
                writer.NewPage();
            }

            // The header rows are read once; repeated on a continued page they are page furniture (artifacts).
            var y = writer.Y;
            DrawRows(writer, 0, headerRows, y, tagged: s == 0);
            y += header;
            DrawRows(writer, segments[s].First, segments[s].End, y, tagged: true);
            writer.Y = y + measure.Rows(segments[s].First, segments[s].End);
        }

        structure.End();
    }

    /// <summary>PDF/UA: what a header cell heads (its /Scope table attribute, beside /RowSpan and /ColSpan).</summary>
    private static void SetScope(StructureBuilder structure, string scope) =>
        structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", scope);

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
        foreach (var cell in grid.Cells)
        {
            var cellTop = Math.Max(cell.Row, firstRow);
            var cellEnd = Math.Min(cell.EndRow, endRow);
            if (cellEnd <= cellTop)
            {
                continue;
            }

            var x = Page.Left + measure.Columns(0, cell.Column);
            var w = measure.Columns(cell.Column, cell.Column + cell.ColSpan);
            var y = top + measure.Rows(firstRow, cellTop);
            var h = measure.Rows(cellTop, cellEnd);
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
                DrawText(writer, cell, cell.Row >= firstRow ? cell.Lines : splitting.ContinuedLines(cell), x, y, w, h);
                structure.End();
            }
        }

        if (openRow >= 0)
        {
            structure.End();
        }
    }

    private void DrawText(PageWriter writer, PlacedCell cell, List<TextLine> lines, double x, double y, double w, double h)
    {
        var lineHeight = cell.LineHeight;
        var blockHeight = lines.Count * lineHeight;
        var lineTop = y + Math.Max(TableMeasure.PadY, (h - blockHeight) / 2);
        var align = cell.Style.Alignment ?? (cell.Style.Kind == PdfCellKind.Label && !cell.Style.Vertical ? PdfAlignment.Left : PdfAlignment.Center);
        foreach (var line in lines)
        {
            var size = line.Atoms.Count > 0 ? line.Atoms[0].Size : measure.LabelSize;
            var inner = w - (2 * TableMeasure.PadX);
            var lx = align switch
            {
                PdfAlignment.Center => x + TableMeasure.PadX + ((inner - line.Width) / 2),
                PdfAlignment.Right => x + w - TableMeasure.PadX - line.Width,
                _ => x + TableMeasure.PadX,
            };
            writer.DrawLine(line, lx, PageWriter.Baseline(lineTop, lineHeight, size));
            lineTop += lineHeight;
        }
    }
}
