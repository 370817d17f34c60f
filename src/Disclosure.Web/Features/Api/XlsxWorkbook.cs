using Disclosure.Domain.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Disclosure.Web.Features.Api;

/// <summary>
/// One sheet: a name and its rows of values (enumerated twice: once for the column widths, once to write them).
/// With <paramref name="HasHeader"/> the first row is bold and stays in view when scrolling.
/// </summary>
public sealed record XlsxSheet(string Name, IEnumerable<IReadOnlyList<ExportValue>> Rows, bool HasHeader = false);

/// <summary>
/// A plain workbook for downloads (open data, the register export): text and numbers, a bold frozen header row when
/// asked, columns as wide as their contents. Written with DocumentFormat.OpenXml's streaming writer, row by row, so a
/// large year needs no document tree in memory.
/// </summary>
public static class XlsxWorkbook
{
    public const double MinColumnWidth = 6;
    public const double MaxColumnWidth = 60;

    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }));
            var sheetList = new Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>();
                WriteSheet(part, sheets[i]);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = sheets[i].Name });
            }

            workbookPart.Workbook = new Workbook(sheetList);
        }

        return output.ToArray();
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        if (sheet.HasHeader)
        {
            writer.WriteElement(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = 1,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            })
            { WorkbookViewId = 0 }));
        }

        var widths = ColumnWidths(sheet.Rows);
        if (widths.Count > 0)
        {
            writer.WriteElement(new Columns(widths.Select((w, c) => new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Round(w, 1), CustomWidth = true })));
        }

        writer.WriteStartElement(new SheetData());
        var r = 0;
        foreach (var row in sheet.Rows)
        {
            r++;
            uint? style = sheet.HasHeader && r == 1 ? 1u : null;
            var cells = new List<Cell>(row.Count);
            for (var c = 0; c < row.Count; c++)
            {
                var value = row[c];
                if (value.Display.Length == 0)
                {
                    continue;
                }

                var reference = ColumnName(c) + r.ToString(System.Globalization.CultureInfo.InvariantCulture);
                cells.Add(value.IsNumber
                    ? new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(value.Display) }
                    : new Cell
                    {
                        CellReference = reference,
                        StyleIndex = style,
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(ControlCharacters.Strip(value.Display)) { Space = SpaceProcessingModeValues.Preserve }),
                    });
            }

            writer.WriteElement(new Row(cells) { RowIndex = (uint)r });
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    /// <summary>
    /// Each column as wide as its longest value (in widths of a digit: a Chinese character takes two), between
    /// <see cref="MinColumnWidth"/> and <see cref="MaxColumnWidth"/>, so names and row labels are not cut off. A row of
    /// one value (a title, a note) spills over the empty cells to its right and does not widen its column.
    /// </summary>
    public static IReadOnlyList<double> ColumnWidths(IEnumerable<IReadOnlyList<ExportValue>> rows)
    {
        var widest = new List<int>();
        foreach (var row in rows)
        {
            if (row.Count(v => v.Display.Length > 0) < 2)
            {
                continue;
            }

            for (var c = 0; c < row.Count; c++)
            {
                if (widest.Count <= c)
                {
                    widest.Add(0);
                }

                widest[c] = Math.Max(widest[c], DisplayWidth(row[c].Display));
            }
        }

        return widest.ConvertAll(w => Math.Clamp(w + 2.0, MinColumnWidth, MaxColumnWidth));
    }

    private static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            // CJK, full-width forms and punctuation are two digits wide (not the private use area nor half-width forms).
            width += rune.Value is (>= 0x2E80 and < 0xE000) or (>= 0xF900 and < 0xFF61) or >= 0x1F000 ? 2 : 1;
        }

        return width;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

}
