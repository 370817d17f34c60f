using Disclosure.Domain.Agencies;
using Disclosure.Web.Features.Home;

namespace Disclosure.Web.Features.Agencies;

public sealed record AgencyYear(int Year, string Title, DateTimeOffset? PublishedAt, int VersionNumber);

public sealed record AgencyViewModel(
    string Slug,
    string Name,
    AgencyLevel Level,
    string? Address,
    string? Phone,
    string? ParentSlug,
    string? ParentName,
    IReadOnlyList<AgencyYear> Years,
    IReadOnlyList<RegisterYearFigures>? Register = null);

public sealed record AgencyIndexViewModel(string? Query, IReadOnlyList<AgencyGroup> Groups, int Count);
