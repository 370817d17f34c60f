using Disclosure.Domain.Agencies;

namespace Disclosure.Web.Features.Home;

/// <summary>One published report in a list.</summary>
public sealed record ReportListItem(string AgencySlug, string AgencyName, int Year, string Title, DateTimeOffset? PublishedAt);

public sealed record YearCount(int Year, int ReportCount);

public sealed record AgencyListItem(string Slug, string Name, AgencyLevel Level, int PublishedYears, int? LatestYear);

public sealed record AgencyGroup(AgencyLevel Level, IReadOnlyList<AgencyListItem> Agencies)
{
    public static IReadOnlyList<AgencyGroup> ByLevel(IEnumerable<AgencyListItem> agencies) =>
        agencies.GroupBy(a => a.Level)
            .OrderBy(g => g.Key)
            .Select(g => new AgencyGroup(g.Key, g.OrderBy(a => a.Name, StringComparer.Ordinal).ToArray()))
            .ToArray();
}

public sealed record HomeViewModel(
    IReadOnlyList<ReportListItem> Latest,
    IReadOnlyList<YearCount> Years,
    IReadOnlyList<AgencyGroup> AgencyGroups,
    int AgencyCount,
    int ReportCount);

public sealed record YearViewModel(int Year, IReadOnlyList<ReportListItem> Reports, IReadOnlyList<YearCount> Years);
