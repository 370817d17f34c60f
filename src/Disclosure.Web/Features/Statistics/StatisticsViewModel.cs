using System.Globalization;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using Disclosure.Web.Features.Shared;

namespace Disclosure.Web.Features.Statistics;

/// <summary>The key figures of one published report, summed in the database from its cells.</summary>
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
    long? Suits)
{
    /// <summary>行政复议 + 两类行政诉讼: the three totals of table 四.</summary>
    public long? ReviewsAndSuits => Reviews is null && Suits is null ? null : (Reviews ?? 0) + (Suits ?? 0);
}

public sealed record MissingAgency(string Slug, string Name, AgencyLevel Level, string? ParentName);

/// <summary>A line of a ranking: the value, and the numerator and denominator it came from.</summary>
public sealed record RankingLine(int Rank, string Slug, string Name, string Value, string Basis);

public sealed record Ranking(string Id, string Title, string Explanation, string ValueHeader, IReadOnlyList<RankingLine> Lines);

/// <summary>Totals of one group of offices (a level, or the offices under one parent).</summary>
public sealed record Breakdown(string Label, int Published, int NotPublished, long New, long Processed, long Granted, long ReviewsAndSuits)
{
    public string GrantedShare => Statistics.Share(Granted, Processed);
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
    GridTable Proactive,
    GridTable? Proactive2019,
    GridTable Applications,
    GridTable Reviews,
    string FeeWanYuan,
    long FeeFen,
    IReadOnlyList<MissingAgency> NotPublished,
    IReadOnlyList<Breakdown> ByLevel,
    IReadOnlyList<Breakdown> ByParent,
    IReadOnlyList<Ranking> Rankings);

public static class Statistics
{
    /// <summary>"37.5%" (one decimal), or "—" when the denominator is 0.</summary>
    public static string Share(long numerator, long denominator) =>
        denominator == 0 ? "—" : (100m * numerator / denominator).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string N(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
