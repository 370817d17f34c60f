using System.Globalization;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>One figure as the uploaded workbook has it, with the stored value it would replace and its problem if any.</summary>
public sealed record UploadedCell(ReportTableId Table, string Key, string Label, string Before, string Typed, string? Problem);

/// <summary>What an uploaded workbook says: every typed cell of the three tables, or why the file cannot be read.</summary>
public sealed record TablesUpload(IReadOnlyList<UploadedCell> Cells, string? FileProblem)
{
    public IEnumerable<UploadedCell> Changes => Cells.Where(c => c.Problem is null && CellInput.NumberText(c.Typed, CellKind.Count) != CellInput.NumberText(c.Before, CellKind.Count));

    public IEnumerable<UploadedCell> Problems => Cells.Where(c => c.Problem is not null);
}

/// <summary>
/// Tables 二, 三 and 四 as an Excel workbook in the printed layout (one sheet each, drawn from the same
/// <see cref="PrintedTable"/> as the page and the PDF, cells at <see cref="PrintedGrid"/> places): the figures to type
/// are white and unlocked, totals are grey formulas, the sheets are protected without a password so that only the
/// figures can be typed. Read back at the same places. DocumentFormat.OpenXml writes and reads it.
/// </summary>
public static class TablesWorkbook
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The grid starts on this row (1-based); row 1 is the title that names the agency and year.</summary>
    private const int FirstGridRow = 3;

    private const uint TitleStyle = 1, HeadingStyle = 2, LabelStyle = 3, InputStyle = 4, ComputedStyle = 5;

    private static readonly ReportTableId[] Tables = [ReportTableId.Proactive, ReportTableId.Applications, ReportTableId.Reviews];

    public static string Title(string agencyName, int year, PrintedTable table) =>
        $"{agencyName} {year}年度 {table.Number}：{table.Caption}（白色格子填写，灰色格子自动计算）";

    public static byte[] Write(AnnualReport report, string agencyName)
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook(new Sheets(), new CalculationProperties { FullCalculationOnLoad = true });
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.Sheets!;
            uint id = 1;
            foreach (var tableId in Tables)
            {
                var table = report.Table(tableId);
                var printed = table.Layout.Printed;
                var part = workbookPart.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(table, printed, Title(agencyName, report.Year, printed));
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = id++, Name = printed.Number });
            }
        }

        return output.ToArray();
    }

    private static Worksheet Sheet(ReportTable table, PrintedTable printed, string title)
    {
        var placed = PrintedGrid.Place(printed);
        var places = placed.Where(p => p.Cell is DataCell).ToDictionary(p => ((DataCell)p.Cell).Ref, p => p);
        var rows = new SortedDictionary<int, SortedDictionary<int, Cell>>();
        void Put(int row, int column, Cell cell)
        {
            if (!rows.TryGetValue(row, out var cells))
            {
                rows[row] = cells = [];
            }

            cell.CellReference = Address(row, column);
            cells[column] = cell;
        }

        Put(1, 0, Text(title, TitleStyle));
        var merges = new List<string> { $"{Address(1, 0)}:{Address(1, printed.Columns.Count - 1)}" };
        foreach (var place in placed)
        {
            var row = FirstGridRow + place.Row;
            switch (place.Cell)
            {
                case DataCell data when table.Layout.ComputedBy(data.Ref) is { } total:
                    var formula = "SUM(" + string.Join(",", total.Parts.Select(p => places.TryGetValue(p, out var at) ? Address(FirstGridRow + at.Row, at.Column) : null).Where(a => a is not null)) + ")";
                    var cached = table.Number(data.Ref.Row, data.Ref.Column);
                    Put(row, place.Column, new Cell
                    {
                        StyleIndex = ComputedStyle,
                        CellFormula = new CellFormula(formula),
                        CellValue = cached is { } v ? new CellValue(v.ToString(CultureInfo.InvariantCulture)) : null,
                    });
                    break;
                case DataCell data:
                    var value = table[data.Ref.Row, data.Ref.Column];
                    var shown = value.Format(data.Kind);
                    Put(row, place.Column, shown.Length == 0
                        ? new Cell { StyleIndex = InputStyle }
                        : double.TryParse(shown, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                            ? new Cell { StyleIndex = InputStyle, DataType = CellValues.Number, CellValue = new CellValue(shown) }
                            : Text(shown, InputStyle));
                    break;
                case HeadingCell heading:
                    Put(row, place.Column, Text(heading.Text, heading.Role is HeadingRole.Row or HeadingRole.Item ? LabelStyle : HeadingStyle));
                    break;
                case NoteCell note:
                    Put(row, place.Column, Text(note.Text, LabelStyle));
                    break;
            }

            // Every covered cell gets the border too, so that merged cells are framed in every spreadsheet program.
            for (var r = 0; r < place.Cell.RowSpan; r++)
            {
                for (var c = 0; c < place.Cell.ColSpan; c++)
                {
                    if (r > 0 || c > 0)
                    {
                        Put(row + r, place.Column + c, new Cell { StyleIndex = place.Cell is DataCell ? InputStyle : HeadingStyle });
                    }
                }
            }

            if (place.Cell.RowSpan > 1 || place.Cell.ColSpan > 1)
            {
                merges.Add($"{Address(row, place.Column)}:{Address(row + place.Cell.RowSpan - 1, place.Column + place.Cell.ColSpan - 1)}");
            }
        }

        // Label columns as wide as their longest one-column label (a Han character is two width units), up to 36;
        // rows as tall as their wrapped labels need (about 15 pt a line), since spreadsheets do not grow them on opening.
        static int Units(string text) => text.Sum(ch => ch > 0x2E7F ? 2 : 1);
        var texts = placed.Select(p => (p, Text: p.Cell switch { HeadingCell h => h.Text, NoteCell n => n.Text, _ => "" })).ToList();
        var widths = printed.Columns.Select((c, i) => c.Role == PrintedColumnRole.Data
            ? 11.0
            : Math.Clamp(texts.Where(t => t.p.Column == i && t.p.Cell.ColSpan == 1 && t.p.Cell.RowSpan == 1).Select(t => Units(t.Text) + 2).DefaultIfEmpty(10).Max(), 8, 36)).ToList();
        var heights = new Dictionary<int, double>();
        foreach (var (p, text) in texts.Where(t => t.Text.Length > 0 && t.p.Cell.RowSpan == 1))
        {
            var width = Enumerable.Range(p.Column, p.Cell.ColSpan).Sum(i => widths[i]);
            var lines = Math.Ceiling(Units(text) / Math.Max(1, width - 1));
            heights[FirstGridRow + p.Row] = Math.Max(heights.GetValueOrDefault(FirstGridRow + p.Row, 15), lines * 15);
        }

        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true }));
        var sheetData = new SheetData(rows.Select(r => new Row(r.Value.Values)
        {
            RowIndex = (uint)r.Key,
            Height = heights.TryGetValue(r.Key, out var h) ? h : r.Key == 1 ? 22 : null,
            CustomHeight = heights.ContainsKey(r.Key) || r.Key == 1 ? true : null,
        }));
        var sheet = new Worksheet(columns, sheetData);
        sheet.Append(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false, SelectLockedCells = false, SelectUnlockedCells = false });
        if (merges.Count > 0)
        {
            sheet.Append(new MergeCells(merges.Select(m => new MergeCell { Reference = m })));
        }

        return sheet;
    }

    /// <summary>Reads an uploaded workbook against the report's current figures; never throws for a bad file.</summary>
    public static TablesUpload Read(Stream stream, AnnualReport report, string agencyName)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or ArgumentException)
        {
            return new TablesUpload([], "文件不是有效的 XLSX。请上传本页下载的模板（可用 Excel 或 WPS 编辑后另存为 .xlsx）。");
        }

        using (document)
        {
            var workbook = document.WorkbookPart;
            var strings = workbook?.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
            var cells = new List<UploadedCell>();
            foreach (var tableId in Tables)
            {
                var table = report.Table(tableId);
                var printed = table.Layout.Printed;
                var sheet = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == printed.Number);
                if (sheet is null)
                {
                    return new TablesUpload([], $"文件中没有“{printed.Number}”工作表。请上传本页下载的模板，不要改工作表的名字。");
                }

                var values = Values((WorksheetPart)workbook!.GetPartById(sheet.Id!.Value!), strings);
                var title = values.GetValueOrDefault(Address(1, 0)) ?? "";
                if (!title.Contains($"{agencyName} {report.Year}年度", StringComparison.Ordinal))
                {
                    return new TablesUpload([], $"“{printed.Number}”工作表的标题是“{title}”，不是本报告（{agencyName} {report.Year}年度）的模板。");
                }

                foreach (var place in PrintedGrid.Place(printed))
                {
                    if (place.Cell is not DataCell data || table.Layout.IsComputed(data.Ref.Row, data.Ref.Column))
                    {
                        continue;
                    }

                    var typed = (values.GetValueOrDefault(Address(FirstGridRow + place.Row, place.Column)) ?? "").Trim();
                    cells.Add(new UploadedCell(tableId, TableForm.Key(data.Ref.Row, data.Ref.Column), data.Label,
                        table[data.Ref.Row, data.Ref.Column].Format(data.Kind), typed, CellInput.Problem(typed, data.Kind)));
                }
            }

            return new TablesUpload(cells, null);
        }
    }

    /// <summary>Every cell's text by address ("B7"); numbers as the shortest invariant text (12, 12.5).</summary>
    private static Dictionary<string, string> Values(WorksheetPart part, List<string> strings)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var cell in part.Worksheet.Descendants<Cell>())
        {
            if (cell.CellReference?.Value is not { } address)
            {
                continue;
            }

            var raw = cell.CellValue?.Text;
            var type = cell.DataType?.Value;
            string? text;
            if (type == CellValues.SharedString)
            {
                text = int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : null;
            }
            else if (type == CellValues.InlineString)
            {
                text = cell.InlineString?.InnerText;
            }
            else if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error)
            {
                text = raw;
            }
            else
            {
                text = raw is not null && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString("0.##########", CultureInfo.InvariantCulture)
                    : raw;
            }

            if (text is not null)
            {
                values[address] = text;
            }
        }

        return values;
    }

    private static Cell Text(string text, uint style) =>
        new() { StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    /// <summary>"B7" for row 7 (1-based) and column 1 (0-based).</summary>
    public static string Address(int row, int column) => Api.XlsxWorkbook.ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    private static Stylesheet Stylesheet()
    {
        Border Thin() => new(
            new LeftBorder { Style = BorderStyleValues.Thin },
            new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin },
            new BottomBorder { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        Fill Solid(string rgb) => new(new PatternFill(new ForegroundColor { Rgb = rgb }) { PatternType = PatternValues.Solid });
        CellFormat Format(uint font, uint fill, uint border, bool locked, HorizontalAlignmentValues align) => new(
            new Alignment { Horizontal = align, Vertical = VerticalAlignmentValues.Center, WrapText = true },
            new Protection { Locked = locked })
        {
            FontId = font,
            FillId = fill,
            BorderId = border,
            ApplyFont = true,
            ApplyFill = true,
            ApplyBorder = true,
            ApplyAlignment = true,
            ApplyProtection = true,
        };

        return new Stylesheet(
            new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 13 })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), Solid("FFF2F2F2"), Solid("FFE3E7EA")),
            new Borders(new Border(), Thin()),
            new CellFormats(
                new CellFormat(),
                Format(2, 0, 0, true, HorizontalAlignmentValues.Left),        // title
                Format(1, 2, 1, true, HorizontalAlignmentValues.Center),      // heading
                Format(0, 0, 1, true, HorizontalAlignmentValues.Left),        // row label
                Format(0, 0, 1, false, HorizontalAlignmentValues.Center),     // a figure to type: unlocked
                Format(0, 3, 1, true, HorizontalAlignmentValues.Center)));    // a computed total
    }
}
