namespace Disclosure.Web.Features.Api;

/// <summary>One published report in the API list.</summary>
public sealed record ApiReportListItem(
    string Slug,
    string Agency,
    string Level,
    int Year,
    string Title,
    string Format,
    string Scope,
    DateTimeOffset? PublishedAt,
    ApiReportLinks Links);

/// <summary>Where to read a report: the page, the canonical JSON, the official PDF and its findings.</summary>
public sealed record ApiReportLinks(string Html, string Json, string Pdf, string Findings, string Api);

public sealed record ApiPageLinks(string Self, string? Next, string? Prev);

/// <summary>A page of the list, with the total count and the links to the neighbouring pages.</summary>
public sealed record ApiReportPage(int Total, int Page, int PageSize, IReadOnlyList<ApiReportListItem> Items, ApiPageLinks Links);

/// <summary>One consistency finding: rule, severity, cell, the value expected and the value published (null = blank).</summary>
public sealed record ApiFinding(
    string Rule,
    string Severity,
    int Table,
    string Row,
    string? Column,
    long? Expected,
    long? Actual,
    string Message);

public sealed record ApiFindings(string Slug, string Agency, int Year, bool PreviousYearChecked, int Count, IReadOnlyList<ApiFinding> Findings);
