namespace Disclosure.Web.Features.DataQuality;

public sealed record DataQualityFilter(string? Rule, int? Year, string? Agency, int Page);

/// <summary>One report with findings: its errors and warnings in plain Chinese, blanks summarised.</summary>
public sealed record QualityReport(string Slug, string Name, int Year, int Errors, int Warnings, int Blanks, IReadOnlyList<string> Sentences);

public sealed record RuleCount(string Rule, string Description, int Reports);

public sealed record DataQualityViewModel(
    DataQualityFilter Filter,
    string? AgencyName,
    IReadOnlyList<int> Years,
    int ReportsChecked,
    int ReportsWithFindings,
    IReadOnlyList<RuleCount> Rules,
    IReadOnlyList<QualityReport> Reports,
    int PageCount,
    string? Error = null)
{
    /// <summary>What was typed in the agency field when it named no office or several, kept for the person to correct.</summary>
    public string? AgencyInput { get; init; }

    /// <summary>The message at the agency field.</summary>
    public string? AgencyProblem { get; init; }

    /// <summary>The offices an ambiguous name could mean, each a link to its findings.</summary>
    public IReadOnlyList<Agencies.AgencyChoice> AgencyCandidates { get; init; } = [];

    public string PageLink(int page) =>
        "/data-quality" + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
        {
            ["rule"] = Filter.Rule,
            ["year"] = Filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["agency"] = Filter.Agency,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
