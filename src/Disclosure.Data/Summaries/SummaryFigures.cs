using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using V = Disclosure.Domain.Reports.Layouts.ReviewsLayout;

namespace Disclosure.Data.Summaries;

/// <summary>The numbers a <see cref="ReportSummary"/> holds, worked out from a report and last year's.</summary>
internal sealed record SummaryFigures(
    long? New,
    long? Processed,
    long? Granted,
    long? Reviews,
    long? Suits,
    int Errors,
    int Warnings,
    int Blanks,
    string Rules,
    string Findings)
{
    public static SummaryFigures Of(AnnualReport report, AnnualReport? previousYear)
    {
        var t3 = report.Applications;
        var t4 = report.Reviews;
        long? suits = null;
        foreach (var row in t4.Layout.Rows.Where(r => r.Key != V.Groups.AdministrativeReview))
        {
            if (t4.Number(row.Key, V.Fields.Total) is { } n)
            {
                suits = (suits ?? 0) + n;
            }
        }

        var all = ConsistencyRules.Check(report, previousYear);
        var findings = all.Where(f => f.RuleId != ConsistencyRules.S1).ToList();
        var blanks = all.Count - findings.Count;
        var rules = all.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
        return new SummaryFigures(
            t3.Number(A.Rows.New, A.Columns.Total),
            t3.Number(A.Rows.TotalProcessed, A.Columns.Total),
            t3.Number(A.Rows.Granted, A.Columns.Total),
            t4.Number(V.Groups.AdministrativeReview, V.Fields.Total),
            suits,
            findings.Count(f => f.Severity == RuleSeverity.Error),
            findings.Count(f => f.Severity == RuleSeverity.Warning),
            blanks,
            rules.Count == 0 ? " " : " " + string.Join(' ', rules) + " ",
            FindingsJson.Write(findings));
    }
}

/// <summary>A summary's findings as stored: a JSON array of <see cref="RuleViolation"/> with enums as names.</summary>
public static class FindingsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(IReadOnlyList<RuleViolation> findings) => JsonSerializer.Serialize(findings, Options);

    public static IReadOnlyList<RuleViolation> Read(string json) =>
        JsonSerializer.Deserialize<List<RuleViolation>>(json, Options) ?? [];
}

/// <summary>A stored version's cells turned back into a report document, for the rules.</summary>
internal static class SummaryDocument
{
    public static AnnualReport Build(int year, ReportFormat format, IEnumerable<Cell> cells)
    {
        var document = new AnnualReport(new AgencyRef("", "summary"), year, format, ReportScope.Agency, "");
        foreach (var c in cells)
        {
            var table = document.Table(c.Table);
            if (table.Layout.Contains(c.Row, c.Column))
            {
                table[c.Row, c.Column] = new CellValue(c.Number, c.Text);
            }
        }

        return document;
    }
}
