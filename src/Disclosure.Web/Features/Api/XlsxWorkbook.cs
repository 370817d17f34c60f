using System.IO.Compression;
using System.Security;
using System.Text;

namespace Disclosure.Web.Features.Api;

/// <summary>One sheet: a name and its rows of values.</summary>
public sealed record XlsxSheet(string Name, IEnumerable<IReadOnlyList<ExportValue>> Rows);

/// <summary>
/// A minimal Office Open XML workbook (SpreadsheetML): inline strings and numbers, no shared strings, one plain style.
/// Enough for Excel, LibreOffice and WPS; written by hand so the portal needs no spreadsheet library.
/// </summary>
public static class XlsxWorkbook
{
    private const string SheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

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
                $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="{SheetNs}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""");

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
        writer.Write($"""<worksheet xmlns="{SheetNs}"><sheetData>""");
        var r = 0;
        foreach (var row in sheet.Rows)
        {
            r++;
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
                    writer.Write($"""<c r="{reference}"><v>{value.Display}</v></c>""");
                }
                else
                {
                    writer.Write($"""<c r="{reference}" t="inlineStr"><is><t xml:space="preserve">{Escape(value.Display)}</t></is></c>""");
                }
            }

            writer.Write("</row>");
        }

        writer.Write("</sheetData></worksheet>");
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

    private static string Escape(string text) => SecurityElement.Escape(text);
}
