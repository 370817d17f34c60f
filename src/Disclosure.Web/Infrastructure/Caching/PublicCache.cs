using Disclosure.Data.Publication;
using Disclosure.Domain.Publication;
using Disclosure.Domain.Reports;
using Microsoft.AspNetCore.OutputCaching;

namespace Disclosure.Web.Infrastructure.Caching;

/// <summary>
/// Section <c>PublicCache</c>: how long a published public page stays in the output cache, and how often the server
/// looks for changes made by another process.
/// </summary>
public sealed class PublicCacheOptions
{
    public const string Section = "PublicCache";

    /// <summary>
    /// A publication evicts at once (<see cref="PublicCache.PublishedAsync"/>); this bounds how stale a page can be when a change is not noticed otherwise
    /// (<see cref="PollInterval"/> off, or a change made outside the portal's code) and how long pages outlive a
    /// database outage.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often <see cref="PublicCacheChangePoller"/> reads the publication log's newest id, so that a publication
    /// or an agency change made by another process (the <c>import</c> command, another instance without Redis)
    /// evicts this server's cached pages. Zero turns it off.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Evicts the cached public pages that a publication changes: told by every save that records publication events
/// (ADR 0018), and by <see cref="PublicCacheChangePoller"/> for what other processes saved.
/// </summary>
public sealed class PublicCache(IOutputCacheStore store, ILogger<PublicCache> logger) : IPublicationListener
{
    /// <summary>Every cached public page carries this tag (to flush them all).</summary>
    public const string PublicTag = "public";

    /// <summary>The pages that list reports (home, years, agencies, an agency): any publication changes them.</summary>
    public const string ListsTag = "lists";

    public static string ReportTag(string slug, int year) => FormattableString.Invariant($"report:{slug}:{year}");

    /// <summary>
    /// The pages a version becoming or stopping being current changes: its report's pages and the lists. A new agency
    /// changes the lists; an agency change (its name, slug, level or parent show on its reports' pages and in every
    /// list) changes every page.
    /// </summary>
    public static IReadOnlyList<string> TagsOf(IEnumerable<(PublicationEventKind Kind, string? Slug, int? Year)> events)
    {
        var tags = new List<string>();
        var any = false;
        foreach (var (kind, slug, year) in events)
        {
            any = true;
            switch (kind)
            {
                case PublicationEventKind.AgencyCreated:
                    break;
                case PublicationEventKind.VersionBecameCurrent or PublicationEventKind.VersionSuperseded when slug is not null && year is not null:
                    tags.Add(ReportTag(slug, year.Value));
                    break;
                default:
                    return [PublicTag];
            }
        }

        return any ? [.. tags.Distinct(StringComparer.Ordinal), ListsTag] : [];
    }

    /// <summary>Evicts every cached public page.</summary>
    public ValueTask EvictAllAsync(CancellationToken cancellationToken) => store.EvictByTagAsync(PublicTag, cancellationToken);

    /// <summary>Evicts the pages carrying any of <paramref name="tags"/> (only <see cref="PublicTag"/> when it is among them); throws when the store cannot be reached.</summary>
    public async Task EvictAsync(IReadOnlyCollection<string> tags, CancellationToken cancellationToken)
    {
        IReadOnlyCollection<string> evict = tags.Contains(PublicTag) ? [PublicTag] : tags;
        foreach (var tag in evict)
        {
            await store.EvictByTagAsync(tag, cancellationToken);
        }
    }

    /// <summary>After a save that published, corrected, imported or changed an agency: evicts what it changed, at once.</summary>
    public async Task PublishedAsync(IReadOnlyList<PublicationEvent> events, CancellationToken cancellationToken)
    {
        var tags = TagsOf(events.Select(Describe));
        try
        {
            await EvictAsync(tags, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The change is saved; a cache that cannot be reached (Redis) only delays it until the entries expire
            // (or the poller of an instance that can reach it evicts them).
            logger.LogError(ex, "Could not evict the cached pages {Tags}", string.Join(" ", tags));
        }
    }

    // A version whose report's agency is not loaded cannot name its pages: then every page goes (TagsOf).
    private static (PublicationEventKind, string?, int?) Describe(PublicationEvent raised) =>
        PublicationLogEntry.VersionOf(raised) is { } version
            ? (PublicationLogEntry.KindOf(raised), version.Report?.Agency?.Slug, version.Report?.Year)
            : (PublicationLogEntry.KindOf(raised), null, null);
}
