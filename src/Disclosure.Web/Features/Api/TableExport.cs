using System.Globalization;
using System.Text;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Text;

namespace Disclosure.Web.Features.Api;

/// <summary>
/// The flat shape of a bulk download: one line per agency × table row. Blank cells (and cells a format does not
/// have) are empty; 万元 amounts are exact decimals; 2019's 采购总金额 is text as printed. A 总计 that the report left
/// blank, or printed different from the sum of its parts, is written as the sum of its parts (ADR 0016), and the
/// line's last column, <see cref="DerivedColumn"/>, names each such cell and what the report printed.
/// </summary>
public static class TableExport
{
    public static readonly IReadOnlyList<string> FixedHeader = ["agency_slug", "agency_name", "level", "year", "format", "row_key", "row_label"];

    /// <summary>The last column: the cells of the line derived from their parts, e.g. "total：总计未填写，按分项推算".</summary>
    public const string DerivedColumn = "derived_totals";

    public static IReadOnlyList<string> Header(ReportTableId table) =>
        [.. FixedHeader, .. YearTableQuery.ColumnsOf(table).Select(c => c.Key), DerivedColumn];

    /// <summary>Each line as typed values: string, long, or a decimal string for 万元 (<see cref="ExportValue"/>).</summary>
    public static IEnumerable<IReadOnlyList<ExportValue>> Lines(int year, ReportTableId table, IEnumerable<YearTableReport> reports)
    {
        var columns = YearTableQuery.ColumnsOf(table);
        foreach (var report in reports)
        {
            var layout = ReportLayout.For(report.Format).Table(table);
            var printed = new ReportTable(layout);
            foreach (var ((rowKey, columnKey), value) in report.Cells)
            {
                if (layout.Contains(rowKey, columnKey))
                {
                    printed[rowKey, columnKey] = value;
                }
            }

            var effective = EffectiveTotals.For(printed);
            foreach (var row in layout.Rows)
            {
                var line = new List<ExportValue>(FixedHeader.Count + columns.Count)
                {
                    ExportValue.Text(report.Slug),
                    ExportValue.Text(report.Name),
                    ExportValue.Text(ApiJson.LevelCode(report.Level)),
                    ExportValue.Of(year),
                    ExportValue.Text(report.Format.ToCode()),
                    ExportValue.Text(row.Key),
                    ExportValue.Text(row.Label),
                };
                var derived = new List<string>();
                foreach (var column in columns)
                {
                    var definition = row.Column(column.Key);
                    var value = definition is null ? CellValue.Blank : report.Cells.GetValueOrDefault((row.Key, column.Key));
                    if (definition is not null && effective.TryGetValue(new CellRef(row.Key, column.Key), out var figure) && figure.IsDerived)
                    {
                        value = CellValue.Of(figure.Value!.Value);
                        derived.Add($"{column.Key}：{figure.Reason}，按分项推算");
                    }

                    line.Add(definition is null || value.IsBlank ? ExportValue.Empty : ExportValue.Cell(value, definition.Kind));
                }

                line.Add(ExportValue.Text(string.Join("；", derived)));
                yield return line;
            }
        }
    }

    /// <summary>RFC 4180 CSV, UTF-8 with a byte order mark (so spreadsheet programs read the Chinese), CRLF line ends.</summary>
    public static byte[] Csv(int year, ReportTableId table, IEnumerable<YearTableReport> reports)
    {
        var csv = new StringBuilder();
        AppendLine(csv, Header(table).Select(ExportValue.Text));
        foreach (var line in Lines(year, table, reports))
        {
            AppendLine(csv, line);
        }

        var bom = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(csv.ToString());
        return [.. bom, .. body];
    }

    /// <summary>
    /// OWASP's rule against formula injection: a text field that begins with <c>= + - @</c>, a tab or a carriage
    /// return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula (an
    /// agency named <c>=HYPERLINK(…)</c>). Numbers (a negative amount) are left alone. Control characters are stripped.
    /// </summary>
    public static string CsvField(ExportValue value)
    {
        if (value.IsNumber)
        {
            return value.Display;
        }

        var text = ControlCharacters.Strip(value.Display);
        return text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<ExportValue> values)
    {
        var first = true;
        foreach (var field in values.Select(CsvField))
        {
            if (!first)
            {
                csv.Append(',');
            }

            first = false;
            if (field.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append("\r\n");
    }
}

/// <summary>A value in a download: empty, text, or a number (kept as its exact decimal text).</summary>
public readonly record struct ExportValue(string Display, bool IsNumber)
{
    public static readonly ExportValue Empty = new("", false);

    public static ExportValue Text(string text) => new(text, false);

    public static ExportValue Of(long number) => new(number.ToString(CultureInfo.InvariantCulture), true);

    public static ExportValue Cell(CellValue value, CellKind kind) =>
        value.Number is null ? new(value.Text ?? "", false) : new(value.Format(kind), true);
}
