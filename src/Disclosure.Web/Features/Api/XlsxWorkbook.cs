using System.IO.Compression;
using System.Security;
using System.Text;
using Disclosure.Domain.Text;

namespace Disclosure.Web.Features.Api;

/// <summary>
/// One sheet: a name and its rows of values (enumerated twice: once for the column widths, once to write them).
/// With <paramref name="HasHeader"/> the first row is bold and stays in view when scrolling.
/// </summary>
public sealed record XlsxSheet(string Name, IEnumerable<IReadOnlyList<ExportValue>> Rows, bool HasHeader = false);

/// <summary>
/// A minimal Office Open XML workbook (SpreadsheetML): inline strings and numbers, no shared strings, a plain and a
/// bold style, columns as wide as their contents. Enough for Excel, LibreOffice and WPS; written by hand so the portal
/// needs no spreadsheet library.
/// </summary>
public static class XlsxWorkbook
{
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public const double MinColumnWidth = 6;
    public const double MaxColumnWidth = 60;

    public static byte[] Write(IReadOnlyList<XlsxSheet> sheets)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var types = new StringBuilder()
                .Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""")
                .Append("""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">""")
                .Append("""<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>""")
                .Append("""<Default Extension="xml" ContentType="application/xml"/>""")
                .Append("""<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>""")
                .Append("""<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
            for (var i = 1; i <= sheets.Count; i++)
            {
                types.Append($"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""");
            }

            types.Append("</Types>");
            Add(zip, "[Content_Types].xml", types.ToString());
            Add(zip, "_rels/.rels",
                """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");

            var workbook = new StringBuilder()
                .Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""")
                .Append($"""<workbook xmlns="{SheetNs}" xmlns:r="{RelNs}"><sheets>""");
            var rels = new StringBuilder()
                .Append("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""")
                .Append("""<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">""");
            for (var i = 1; i <= sheets.Count; i++)
            {
                workbook.Append($"""<sheet name="{Escape(sheets[i - 1].Name)}" sheetId="{i}" r:id="rId{i}"/>""");
                rels.Append($"""<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>""");
            }

            workbook.Append("</sheets></workbook>");
            rels.Append($"""<Relationship Id="rId{sheets.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>""");
            rels.Append("</Relationships>");
            Add(zip, "xl/workbook.xml", workbook.ToString());
            Add(zip, "xl/_rels/workbook.xml.rels", rels.ToString());
            Add(zip, "xl/styles.xml",
                $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{SheetNs}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""");

            for (var i = 1; i <= sheets.Count; i++)
            {
                var entry = zip.CreateEntry($"xl/worksheets/sheet{i}.xml", CompressionLevel.Fastest);
                using var stream = entry.Open();
                using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                WriteSheet(writer, sheets[i - 1]);
            }
        }

        return output.ToArray();
    }

    private static void WriteSheet(TextWriter writer, XlsxSheet sheet)
    {
        writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""");
        writer.Write($"""<worksheet xmlns="{SheetNs}">""");
        if (sheet.HasHeader)
        {
            writer.Write("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>""");
        }

        var widths = ColumnWidths(sheet.Rows);
        if (widths.Count > 0)
        {
            writer.Write("<cols>");
            for (var c = 0; c < widths.Count; c++)
            {
                writer.Write(FormattableString.Invariant($"""<col min="{c + 1}" max="{c + 1}" width="{widths[c]:0.#}" customWidth="1"/>"""));
            }

            writer.Write("</cols>");
        }

        writer.Write("<sheetData>");
        var r = 0;
        foreach (var row in sheet.Rows)
        {
            r++;
            var style = sheet.HasHeader && r == 1 ? " s=\"1\"" : "";
            writer.Write($"""<row r="{r}">""");
            for (var c = 0; c < row.Count; c++)
            {
                var value = row[c];
                if (value.Display.Length == 0)
                {
                    continue;
                }

                var reference = ColumnName(c) + r.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (value.IsNumber)
                {
                    writer.Write($"""<c r="{reference}"{style}><v>{value.Display}</v></c>""");
                }
                else
                {
                    writer.Write($"""<c r="{reference}"{style} t="inlineStr"><is><t xml:space="preserve">{Escape(value.Display)}</t></is></c>""");
                }
            }

            writer.Write("</row>");
        }

        writer.Write("</sheetData></worksheet>");
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

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(content);
        stream.Write(bytes);
    }

    /// <summary>XML-escaped, without the control characters XML 1.0 cannot carry (one made the file invalid before).</summary>
    private static string Escape(string text) => SecurityElement.Escape(ControlCharacters.Strip(text));
}
