using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>One cell as read: its text, and its number when a spreadsheet stored a number (an Excel date is one).</summary>
public readonly record struct SheetCell(string? Raw, double? Number)
{
    /// <summary>The text ("" for a missing cell, which is <c>default</c>).</summary>
    public string Text => Raw ?? "";

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && Number is null;
}

/// <summary>One data row with its spreadsheet row number (the header is row 1).</summary>
public sealed record SheetRow(int RowNumber, IReadOnlyList<SheetCell> Cells)
{
    public SheetCell this[int column] => column < Cells.Count ? Cells[column] : default;
}

/// <summary>A register file as read: the header texts and the data rows (empty rows left out).</summary>
public sealed record RegisterSheet(IReadOnlyList<string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>Thrown when a file is not a readable CSV or XLSX at all (a message for the person who sent it).</summary>
public sealed class RegisterFileException(string message) : Exception(message);

/// <summary>Reads the exchange template (register.md) from CSV (UTF-8, with or without BOM) or XLSX (the first sheet).</summary>
public static class RegisterSheetReader
{
    /// <summary>The largest file read (a city's decade as XLSX is about 10 MB).</summary>
    public const long MaxBytes = 50 * 1024 * 1024;

    public const int MaxRows = 200_000;

    /// <summary>Reads a file, telling CSV from XLSX by its first bytes (an XLSX is a ZIP: "PK").</summary>
    public static RegisterSheet Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var seekable = stream;
        if (!stream.CanSeek)
        {
            seekable = new MemoryStream();
            stream.CopyTo(seekable);
        }

        seekable.Position = 0;
        Span<byte> start = stackalloc byte[2];
        var read = seekable.Read(start);
        seekable.Position = 0;
        return read == 2 && start[0] == (byte)'P' && start[1] == (byte)'K' ? ReadXlsx(seekable) : ReadCsv(seekable);
    }

    /// <summary>
    /// Reads a CSV in UTF-8 (with or without BOM) or, when the bytes are not UTF-8, in GB18030 — what Excel and WPS
    /// write when a clerk chooses plain "CSV" on a Chinese Windows (GBK is its subset).
    /// </summary>
    public static RegisterSheet ReadCsv(Stream stream)
    {
        stream = AsUtf8(stream);
        var options = new CsvReaderOptions { HasHeader = true, SkipEmptyLines = true };
        using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        var rows = new List<SheetRow>();
        IReadOnlyList<string> headers;
        try
        {
            headers = [.. csv.Headers.Select(h => h.Trim().TrimStart('\uFEFF'))];
            while (csv.Read())
            {
                var cells = new SheetCell[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = new SheetCell(csv.GetString(i), null);
                }

                var row = new SheetRow(checked((int)csv.RowNumber) + 1, cells);
                if (!cells.All(c => c.IsEmpty))
                {
                    rows.Add(row);
                }

                if (rows.Count > MaxRows)
                {
                    throw new RegisterFileException($"文件超过 {MaxRows} 行，请分成几个文件导入");
                }
            }
        }
        catch (CsvFormatException)
        {
            throw new RegisterFileException("文件不是有效的 CSV（引号不成对或编码不是 UTF-8）");
        }

        return new RegisterSheet(headers, rows);
    }

    private static MemoryStream AsUtf8(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return new MemoryStream(bytes);
        }

        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gb18030 = System.Text.Encoding.GetEncoding("GB18030", System.Text.EncoderFallback.ExceptionFallback, System.Text.DecoderFallback.ExceptionFallback);
        try
        {
            return new MemoryStream(System.Text.Encoding.UTF8.GetBytes(gb18030.GetString(bytes)));
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new RegisterFileException("文件的编码既不是 UTF-8 也不是 GBK/GB18030。请在 Excel 或 WPS 中另存为“CSV UTF-8”或 .xlsx 后再导入");
        }
    }

    public static RegisterSheet ReadXlsx(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new RegisterFileException("文件不是有效的 XLSX（请用 Excel 或 WPS 另存为 .xlsx 或 CSV）");
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new RegisterFileException("XLSX 文件中没有工作表");
            var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault()
                ?? throw new RegisterFileException("XLSX 文件中没有工作表");
            var part = (WorksheetPart)workbook.GetPartById(firstSheet.Id!.Value!);
            var strings = SharedStrings(workbook);

            IReadOnlyList<string>? headers = null;
            var rows = new List<SheetRow>();
            using var reader = OpenXmlReader.Create(part);
            var lastRow = 0;
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var number = row.RowIndex?.Value is { } index ? (int)index : lastRow + 1;
                lastRow = number;
                var cells = ReadCells(row, strings);
                if (headers is null)
                {
                    if (cells.All(c => c.IsEmpty))
                    {
                        continue;
                    }

                    if (number != 1)
                    {
                        throw new RegisterFileException($"第一行应为表头（申请编号、收到申请日期……），文件的表头在第 {number} 行");
                    }

                    headers = [.. cells.Select(c => c.Text.Trim())];
                    continue;
                }

                if (!cells.All(c => c.IsEmpty))
                {
                    rows.Add(new SheetRow(number, cells));
                }

                if (rows.Count > MaxRows)
                {
                    throw new RegisterFileException($"文件超过 {MaxRows} 行，请分成几个文件导入");
                }
            }

            return new RegisterSheet(headers ?? [], rows);
        }
    }

    private static string[] SharedStrings(WorkbookPart workbook)
    {
        var table = workbook.SharedStringTablePart?.SharedStringTable;
        return table is null ? [] : [.. table.Elements<SharedStringItem>().Select(i => i.InnerText)];
    }

    private static SheetCell[] ReadCells(Row row, string[] strings)
    {
        var cells = new List<SheetCell>();
        foreach (var cell in row.Elements<Cell>())
        {
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
            while (cells.Count < column)
            {
                cells.Add(default);
            }

            cells.Add(Value(cell, strings));
        }

        return [.. cells];
    }

    private static SheetCell Value(Cell cell, string[] strings)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return new SheetCell(int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < strings.Length ? strings[i] : "", null);
        }

        if (type == CellValues.InlineString)
        {
            return new SheetCell(cell.InlineString?.InnerText ?? "", null);
        }

        if (type == CellValues.String || type == CellValues.Boolean || type == CellValues.Error || type == CellValues.Date)
        {
            return new SheetCell(raw, null);
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? new SheetCell(raw, number)
            : new SheetCell(raw, null);
    }

    /// <summary>"C7" → 2.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
            {
                break;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }
}
