using System.Globalization;
using Disclosure.Data.Summaries;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;
using Disclosure.Web.Features.Reports;
using Disclosure.Web.Features.Shared;

namespace Disclosure.Web.Features.Statistics;

/// <summary>
/// The key figures of one published report: its effective totals (ADR 0016; null = unknown, never 0), which of them
/// are derived from their parts (<paramref name="Derived"/>), and how many of its totals are (<paramref name="DerivedCount"/>).
/// </summary>
public sealed record ReportFigures(
    string Slug,
    string Name,
    AgencyLevel Level,
    string? ParentSlug,
    string? ParentName,
    long? New,
    long? Processed,
    long? Granted,
    long? Reviews,
    long? Suits,
    KeyFiguresDerived Derived = default,
    int DerivedCount = 0,
    IReadOnlyList<string>? DerivedTables = null)
{
    /// <summary>行政复议 + 两类行政诉讼: the three totals of table 四.</summary>
    public long? ReviewsAndSuits => Reviews is null && Suits is null ? null : (Reviews ?? 0) + (Suits ?? 0);

    /// <summary>Where the report page says why a derived figure is derived: the 数据核对提示 of the table it is in.</summary>
    public string FindingsHref(int year, ReportTableId table) => $"/reports/{Slug}/{year}#{TableFindings.IdFor(table)}";
}

/// <summary>A report whose figures in this page's totals include totals derived from their parts.</summary>
public sealed record DerivedReport(string Slug, string Name, string Href, string Summary);

public sealed record MissingAgency(string Slug, string Name, AgencyLevel Level, string? ParentName);

/// <summary>
/// A line of a ranking: the value, and the numerator and denominator it came from; <paramref name="Mark"/> when a
/// figure in it is derived from its parts (ADR 0016), linking to the report's finding.
/// </summary>
public sealed record RankingLine(int Rank, string Slug, string Name, string Value, string Basis, string? Mark = null, string? MarkHref = null, string? MarkTitle = null);

/// <summary>
/// A ranking: its lines; the reports left out and why (a figure 未填写 is never ranked as 0); and, when no line is
/// left, <paramref name="EmptyReason"/> saying why the ranking is empty.
/// </summary>
public sealed record Ranking(
    string Id,
    string Title,
    string Explanation,
    string ValueHeader,
    IReadOnlyList<RankingLine> Lines,
    IReadOnlyList<string>? Excluded = null,
    string? EmptyReason = null);

/// <summary>
/// Totals of one group of offices (a level, or the offices under one parent), of the reports' effective figures;
/// the share is worked out only over the reports with both figures known (<paramref name="ShareGranted"/> ÷
/// <paramref name="ShareProcessed"/>), never dividing by a blank. <paramref name="Derived"/>: some figure is derived.
/// </summary>
public sealed record Breakdown(string Label, int Published, int NotPublished, long New, long Processed, long Granted, long ReviewsAndSuits,
    long ShareGranted = 0, long ShareProcessed = 0, bool Derived = false)
{
    public string GrantedShare => Statistics.Share(ShareGranted, ShareProcessed);
}

public sealed record BreakdownTable(string Id, string Header, IReadOnlyList<Breakdown> Rows);

public sealed record StatisticsViewModel(
    int Year,
    IReadOnlyList<int> Years,
    int ReportCount,
    IReadOnlyDictionary<ReportFormat, int> FormatCounts,
    AnnualReport Totals,
    IReadOnlyList<RuleViolation> TotalFindings,
    IReadOnlyList<string> FindingSentences,
    GridTable? Proactive,
    GridTable? Proactive2019,
    GridTable Applications,
    GridTable Reviews,
    string FeeWanYuan,
    long FeeFen,
    IReadOnlyList<MissingAgency> NotPublished,
    IReadOnlyList<Breakdown> ByLevel,
    IReadOnlyList<Breakdown> ByParent,
    IReadOnlyList<Ranking> Rankings,
    IReadOnlyList<DerivedReport> DerivedReports);

public static class Statistics
{
    /// <summary>"37.5%" (one decimal), or "—" when the denominator is 0.</summary>
    public static string Share(long numerator, long denominator) =>
        denominator == 0 ? "—" : (100m * numerator / denominator).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string N(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
