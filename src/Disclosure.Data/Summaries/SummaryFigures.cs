using System.Text.Json;
using System.Text.Json.Serialization;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using V = Disclosure.Domain.Reports.Layouts.ReviewsLayout;

namespace Disclosure.Data.Summaries;

/// <summary>
/// The numbers a <see cref="ReportSummary"/> holds, worked out from a report and last year's. The key figures are the
/// report's effective totals (<see cref="EffectiveTotals"/>, ADR 0016): a blank or disagreeing printed 总计 is replaced
/// by the sum of its parts, and <see cref="Derived"/> names every cell so replaced.
/// </summary>
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
    string Findings,
    string Derived)
{
    public static SummaryFigures Of(AnnualReport report, AnnualReport? previousYear)
    {
        var t3 = report.Applications;
        var t4 = report.Reviews;
        long? suits = Disclosure.Domain.Reports.Blanks.Sum(t4.Layout.Rows.Where(r => r.Key != V.Groups.AdministrativeReview)
            .Select(r => EffectiveTotals.Of(t4, r.Key, V.Fields.Total).Value));
        var derived = report.Tables.SelectMany(t => EffectiveTotals.Derived(t).Select(d => DerivedCells.Key(t.Id, d.Cell))).ToList();

        var all = ConsistencyRules.Check(report, previousYear);
        var findings = all.Where(f => f.RuleId != ConsistencyRules.S1).ToList();
        var blanks = all.Count - findings.Count;
        var rules = all.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();
        return new SummaryFigures(
            EffectiveTotals.Of(t3, A.Rows.New, A.Columns.Total).Value,
            EffectiveTotals.Of(t3, A.Rows.TotalProcessed, A.Columns.Total).Value,
            EffectiveTotals.Of(t3, A.Rows.Granted, A.Columns.Total).Value,
            EffectiveTotals.Of(t4, V.Groups.AdministrativeReview, V.Fields.Total).Value,
            suits,
            findings.Count(f => f.Severity == RuleSeverity.Error),
            findings.Count(f => f.Severity == RuleSeverity.Warning),
            blanks,
            rules.Count == 0 ? " " : " " + string.Join(' ', rules) + " ",
            FindingsJson.Write(findings),
            DerivedCells.Write(derived));
    }
}

/// <summary>
/// The cells of a report whose effective figure is derived from its parts, as <see cref="ReportSummary.Derived"/>
/// stores them: space-separated and space-framed keys "table.row.column" (" 4.administrative_review.total ").
/// </summary>
public static class DerivedCells
{
    public const string None = " ";

    public static string Key(ReportTableId table, CellRef cell) => $"{(int)table}.{cell.Row}.{cell.Column}";

    public static string Write(IEnumerable<string> keys)
    {
        var list = keys.ToList();
        return list.Count == 0 ? None : " " + string.Join(' ', list) + " ";
    }

    public static bool Contains(string derived, ReportTableId table, string row, string column) =>
        derived.Contains(" " + Key(table, new CellRef(row, column)) + " ", StringComparison.Ordinal);

    public static int Count(string derived) => derived.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Which of a summary's five key figures are derived.</summary>
    public static KeyFiguresDerived KeyFigures(string derived) => new(
        Contains(derived, ReportTableId.Applications, A.Rows.New, A.Columns.Total),
        Contains(derived, ReportTableId.Applications, A.Rows.TotalProcessed, A.Columns.Total),
        Contains(derived, ReportTableId.Applications, A.Rows.Granted, A.Columns.Total),
        Contains(derived, ReportTableId.Reviews, V.Groups.AdministrativeReview, V.Fields.Total),
        Contains(derived, ReportTableId.Reviews, V.Groups.LitigationDirect, V.Fields.Total)
            || Contains(derived, ReportTableId.Reviews, V.Groups.LitigationAfterReview, V.Fields.Total));
}

/// <summary>For each key figure of a <see cref="ReportSummary"/>: true when it is the sum of its parts (按分项推算).</summary>
public readonly record struct KeyFiguresDerived(bool New, bool Processed, bool Granted, bool Reviews, bool Suits)
{
    public bool Any => New || Processed || Granted || Reviews || Suits;
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

    /// <summary>Every figure the year's totals add for this report: its effective figures that are not unknown (ADR 0016).</summary>
    public static IEnumerable<(ReportTableId Table, string Row, string Column, long Value, bool Derived)> Figures(AnnualReport document) =>
        from table in document.Tables
        from figure in EffectiveTotals.For(table)
        where figure.Value.Value is not null
        select (table.Id, figure.Key.Row, figure.Key.Column, figure.Value.Value!.Value, figure.Value.IsDerived);
}
