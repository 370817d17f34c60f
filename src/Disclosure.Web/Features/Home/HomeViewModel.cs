using Disclosure.Domain.Agencies;

namespace Disclosure.Web.Features.Home;

/// <summary>One published report in a list.</summary>
public sealed record ReportListItem(string AgencySlug, string AgencyName, int Year, string Title, DateTimeOffset? PublishedAt);

public sealed record YearCount(int Year, int ReportCount);

public sealed record AgencyListItem(string Slug, string Name, AgencyLevel Level, int PublishedYears, int? LatestYear);

/// <summary>The agencies of one level, all of them or the first <c>limit</c> by name; <see cref="Total"/> counts all.</summary>
public sealed record AgencyGroup(AgencyLevel Level, IReadOnlyList<AgencyListItem> Agencies, int Total)
{
    public bool IsShortened => Total > Agencies.Count;

    public static IReadOnlyList<AgencyGroup> ByLevel(IEnumerable<AgencyListItem> agencies, int? limit = null) =>
        agencies.GroupBy(a => a.Level)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var ordered = g.OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();
                return new AgencyGroup(g.Key, limit is { } n ? ordered.Take(n).ToArray() : ordered, ordered.Length);
            })
            .ToArray();
}

public sealed record HomeViewModel(
    IReadOnlyList<ReportListItem> Latest,
    IReadOnlyList<YearCount> Years,
    IReadOnlyList<AgencyGroup> AgencyGroups,
    int AgencyCount,
    int ReportCount);

public sealed record YearViewModel(int Year, IReadOnlyList<ReportListItem> Reports, IReadOnlyList<YearCount> Years);
