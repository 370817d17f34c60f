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
    public string PageLink(int page) =>
        "/data-quality" + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
        {
            ["rule"] = Filter.Rule,
            ["year"] = Filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["agency"] = Filter.Agency,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
