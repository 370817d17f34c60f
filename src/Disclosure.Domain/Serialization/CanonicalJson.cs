using System.Globalization;
using System.Text;
using System.Text.Json;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Domain.Serialization;

/// <summary>Thrown when a document is not a valid <c>disclosure-annual-report/v1</c>; the message names the JSON path.</summary>
public sealed class CanonicalJsonException(string message) : Exception(message);

/// <summary>
/// Reads and writes the canonical JSON of one report (<c>disclosure-annual-report/v1</c>, spec/data-schema.md).
/// The writer emits keys in printed order, one-space indentation, no escaping of Chinese text, blanks as null,
/// money as decimal strings; reading and writing a canonical document gives back the same bytes.
/// </summary>
public static class CanonicalJson
{
    public const string Schema = "disclosure-annual-report/v1";

    private static readonly JsonWriterOptions _writerOptions = new()
    {
        Indented = true,
        IndentCharacter = ' ',
        IndentSize = 1,

        // The canonical bytes use LF on every platform (the default is Environment.NewLine, CRLF on Windows).
        NewLine = "\n",
        Encoder = CanonicalJsonEncoder.Instance,
    };

    public static string Write(AnnualReport report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Table 三 alone as the <c>applications</c> object of the schema, formatted as the canonical document is.</summary>
    public static string WriteApplicationsObject(ReportTable table)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, _writerOptions))
        {
            w.WriteStartObject();
            WriteApplications(w, table);
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(AnnualReport report, Stream output)
    {
        using var w = new Utf8JsonWriter(output, _writerOptions);
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteStartObject("agency");
        w.WriteString("name", report.Agency.Name);
        w.WriteString("slug", report.Agency.Slug);
        w.WriteEndObject();
        w.WriteNumber("year", report.Year);
        w.WriteString("format", report.Format.ToCode());
        w.WriteString("scope", report.Scope.ToCode());
        w.WriteString("title", report.Title);
        if (report.PublishedOn is { } published)
        {
            w.WriteString("published_on", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        w.WriteStartObject("sections");
        w.WriteString("preamble", report.Sections.Preamble);
        w.WriteStartArray("overview");
        foreach (var part in report.Sections.Overview)
        {
            w.WriteStartObject();
            w.WriteString("heading", part.Heading);
            w.WriteString("body", part.Body);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("problems", report.Sections.Problems);
        w.WriteString("other", report.Sections.Other);
        w.WriteEndObject();

        w.WriteStartObject("proactive");
        WriteGrouped(w, report.Proactive);
        w.WriteEndObject();

        w.WriteStartObject("applications");
        WriteApplications(w, report.Applications);
        w.WriteEndObject();

        w.WriteStartObject("reviews");
        WriteGrouped(w, report.Reviews);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// The members of the <c>applications</c> object (its <c>columns</c> and <c>rows</c>) of table 三; the caller
    /// writes the braces. Also what <c>register table</c> prints for a table computed from the register.
    /// </summary>
    public static void WriteApplications(Utf8JsonWriter w, ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(table);
        w.WriteStartArray("columns");
        foreach (var column in ApplicationsLayout.DataColumns)
        {
            w.WriteStringValue(column.Key);
        }

        w.WriteEndArray();
        w.WriteStartObject("rows");
        foreach (var row in table.Layout.Rows)
        {
            w.WriteStartArray(row.Key);
            foreach (var column in row.Columns)
            {
                WriteValue(w, table[row.Key, column.Key], column.Kind);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteGrouped(Utf8JsonWriter w, ReportTable table)
    {
        foreach (var row in table.Layout.Rows)
        {
            w.WriteStartObject(row.Key);
            foreach (var column in row.Columns)
            {
                w.WritePropertyName(column.Key);
                WriteValue(w, table[row.Key, column.Key], column.Kind);
            }

            w.WriteEndObject();
        }
    }

    private static void WriteValue(Utf8JsonWriter w, CellValue value, CellKind kind)
    {
        if (value.IsBlank)
        {
            w.WriteNullValue();
        }
        else if (kind is CellKind.Text or CellKind.WanYuan)
        {
            w.WriteStringValue(value.Format(kind));
        }
        else
        {
            w.WriteNumberValue(value.Number!.Value);
        }
    }

    public static AnnualReport Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            return Read(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new CanonicalJsonException($"Not valid JSON: {ex.Message}");
        }
    }

    public static AnnualReport Read(Stream utf8Json)
    {
        try
        {
            using var doc = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = 16 });
            return Read(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new CanonicalJsonException($"Not valid JSON: {ex.Message}");
        }
    }

    private static AnnualReport Read(JsonElement root)
    {
        RequireKind(root, JsonValueKind.Object, "$");
        var schema = RequiredString(root, "schema", "$");
        if (schema != Schema)
        {
            throw new CanonicalJsonException($"$.schema: expected \"{Schema}\", found \"{schema}\".");
        }

        var agency = Required(root, "agency", "$", JsonValueKind.Object);
        var agencyRef = new AgencyRef(RequiredString(agency, "name", "$.agency"), RequiredString(agency, "slug", "$.agency"));
        if (!Agencies.Agency.IsValidSlug(agencyRef.Slug))
        {
            throw new CanonicalJsonException($"$.agency.slug: \"{agencyRef.Slug}\" is not a slug (lower-case ASCII letters, digits, hyphens).");
        }

        var yearElement = Required(root, "year", "$", JsonValueKind.Number);
        if (!yearElement.TryGetInt32(out var year) || year is < AnnualReport.MinYear or > AnnualReport.MaxYear)
        {
            throw new CanonicalJsonException($"$.year: expected a year between {AnnualReport.MinYear} and {AnnualReport.MaxYear}.");
        }

        var formatCode = RequiredString(root, "format", "$");
        if (!ReportFormatCodes.TryParseFormat(formatCode, out var format))
        {
            throw new CanonicalJsonException($"$.format: expected \"2021\", \"2019\" or \"hybrid\", found \"{formatCode}\".");
        }

        var scopeCode = RequiredString(root, "scope", "$");
        if (!ReportFormatCodes.TryParseScope(scopeCode, out var scope))
        {
            throw new CanonicalJsonException($"$.scope: expected \"agency\" or \"jurisdiction\", found \"{scopeCode}\".");
        }

        var report = new AnnualReport(agencyRef, year, format, scope, RequiredString(root, "title", "$"));
        if (root.TryGetProperty("published_on", out var publishedOn) && publishedOn.ValueKind != JsonValueKind.Null)
        {
            if (publishedOn.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(publishedOn.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new CanonicalJsonException("$.published_on: expected a date as \"YYYY-MM-DD\".");
            }

            report.PublishedOn = date;
        }

        report.Sections = ReadSections(Required(root, "sections", "$", JsonValueKind.Object));
        ReadGrouped(Required(root, "proactive", "$", JsonValueKind.Object), report.Proactive, "$.proactive");
        ReadApplications(Required(root, "applications", "$", JsonValueKind.Object), report.Applications);
        ReadGrouped(Required(root, "reviews", "$", JsonValueKind.Object), report.Reviews, "$.reviews");
        return report;
    }

    private static ReportSections ReadSections(JsonElement sections)
    {
        var overview = new List<OverviewPart>();
        if (sections.TryGetProperty("overview", out var parts) && parts.ValueKind != JsonValueKind.Null)
        {
            RequireKind(parts, JsonValueKind.Array, "$.sections.overview");
            var i = 0;
            foreach (var part in parts.EnumerateArray())
            {
                var path = $"$.sections.overview[{i++}]";
                RequireKind(part, JsonValueKind.Object, path);
                overview.Add(new OverviewPart(OptionalString(part, "heading", path), OptionalString(part, "body", path)));
            }
        }

        return new ReportSections(
            OptionalString(sections, "preamble", "$.sections"),
            overview,
            OptionalString(sections, "problems", "$.sections"),
            OptionalString(sections, "other", "$.sections"));
    }

    private static void ReadGrouped(JsonElement element, ReportTable table, string path)
    {
        foreach (var rowProperty in element.EnumerateObject())
        {
            var rowPath = $"{path}.{rowProperty.Name}";
            var row = table.Layout.Row(rowProperty.Name)
                ?? throw new CanonicalJsonException($"{rowPath}: no such row in the {table.Layout.Title} table of this format (expected one of {string.Join(", ", table.Layout.Rows.Select(r => r.Key))}).");
            RequireKind(rowProperty.Value, JsonValueKind.Object, rowPath);
            foreach (var cellProperty in rowProperty.Value.EnumerateObject())
            {
                var column = row.Column(cellProperty.Name)
                    ?? throw new CanonicalJsonException($"{rowPath}.{cellProperty.Name}: no such column in row {row.Key} (expected one of {string.Join(", ", row.Columns.Select(c => c.Key))}).");
                table[row.Key, column.Key] = ReadValue(cellProperty.Value, column.Kind, $"{rowPath}.{cellProperty.Name}");
            }
        }
    }

    private static void ReadApplications(JsonElement element, ReportTable table)
    {
        var columns = ApplicationsLayout.DataColumns;
        if (element.TryGetProperty("columns", out var declared) && declared.ValueKind != JsonValueKind.Null)
        {
            RequireKind(declared, JsonValueKind.Array, "$.applications.columns");
            var keys = declared.EnumerateArray().Select(c => c.ValueKind == JsonValueKind.String ? c.GetString() : null).ToArray();
            if (!keys.SequenceEqual(columns.Select(c => c.Key)))
            {
                throw new CanonicalJsonException($"$.applications.columns: expected [{string.Join(", ", columns.Select(c => c.Key))}].");
            }
        }

        var rows = Required(element, "rows", "$.applications", JsonValueKind.Object);
        foreach (var rowProperty in rows.EnumerateObject())
        {
            var path = $"$.applications.rows.{rowProperty.Name}";
            var row = table.Layout.Row(rowProperty.Name)
                ?? throw new CanonicalJsonException($"{path}: no such row in table 三 of this format.");
            RequireKind(rowProperty.Value, JsonValueKind.Array, path);
            if (rowProperty.Value.GetArrayLength() != columns.Count)
            {
                throw new CanonicalJsonException($"{path}: expected {columns.Count} cells, found {rowProperty.Value.GetArrayLength()}.");
            }

            var i = 0;
            foreach (var cell in rowProperty.Value.EnumerateArray())
            {
                table[row.Key, columns[i].Key] = ReadValue(cell, CellKind.Count, $"{path}[{i}]");
                i++;
            }
        }
    }

    private static CellValue ReadValue(JsonElement value, CellKind kind, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return CellValue.Blank;
            case JsonValueKind.Number when kind is CellKind.Count or CellKind.SignedCount:
                if (!value.TryGetInt64(out var number) || number is > CellValue.MaxCount or < -CellValue.MaxCount)
                {
                    throw new CanonicalJsonException($"{path}: expected a whole number up to {CellValue.MaxCount:N0}, found {value.GetRawText()}.");
                }

                return CellValue.Of(number);
            case JsonValueKind.String when kind == CellKind.WanYuan:
                return WanYuan.TryParse(value.GetString(), out var amount)
                    ? CellValue.Of(amount.Fen)
                    : throw new CanonicalJsonException($"{path}: expected an amount in 万元 as a decimal string with at most {WanYuan.MaxDecimals} decimals, found \"{value.GetString()}\".");
            case JsonValueKind.String when kind == CellKind.Text:
                return CellValue.OfText(value.GetString());
            case JsonValueKind.Number when kind == CellKind.Text:
                return CellValue.OfText(value.GetRawText());
            default:
                var expected = kind switch
                {
                    CellKind.WanYuan => "a decimal string",
                    CellKind.Text => "a string",
                    _ => "a whole number",
                };
                throw new CanonicalJsonException($"{path}: expected {expected} or null, found {value.ValueKind.ToString().ToLowerInvariant()}.");
        }
    }

    private static JsonElement Required(JsonElement parent, string name, string path, JsonValueKind kind)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            throw new CanonicalJsonException($"{path}.{name}: missing.");
        }

        RequireKind(value, kind, $"{path}.{name}");
        return value;
    }

    private static string RequiredString(JsonElement parent, string name, string path) =>
        Required(parent, name, path, JsonValueKind.String).GetString()!;

    private static string OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return "";
        }

        RequireKind(value, JsonValueKind.String, $"{path}.{name}");
        return value.GetString()!;
    }

    private static void RequireKind(JsonElement value, JsonValueKind kind, string path)
    {
        if (value.ValueKind != kind)
        {
            throw new CanonicalJsonException($"{path}: expected {kind.ToString().ToLowerInvariant()}, found {value.ValueKind.ToString().ToLowerInvariant()}.");
        }
    }
}
