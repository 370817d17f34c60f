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
    /// Publication evicts at once; this bounds how stale a page can be when a change is not noticed otherwise
    /// (<see cref="PollInterval"/> off, or a change made outside the portal's code) and how long pages outlive a
    /// database outage.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How often <see cref="PublicCacheChangePoller"/> reads the database's change marker, so that a publication
    /// or an agency change made by another process (the <c>import</c> command, another instance without Redis)
    /// evicts this server's cached pages. Zero turns it off.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>Evicts the cached public pages that a publication changes.</summary>
public sealed class PublicCache(IOutputCacheStore store, ILogger<PublicCache> logger)
{
    /// <summary>Every cached public page carries this tag (to flush them all).</summary>
    public const string PublicTag = "public";

    /// <summary>The pages that list reports (home, years, agencies, an agency): any publication changes them.</summary>
    public const string ListsTag = "lists";

    public static string ReportTag(string slug, int year) => FormattableString.Invariant($"report:{slug}:{year}");

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

    /// <summary>After a report of <paramref name="slug"/> for <paramref name="year"/> is published, corrected or imported.</summary>
    public async Task ReportPublishedAsync(string slug, int year, CancellationToken cancellationToken)
    {
        try
        {
            await EvictAsync([ReportTag(slug, year), ListsTag], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The publication is saved; a cache that cannot be reached (Redis) only delays it until the entries expire.
            logger.LogError(ex, "Could not evict the cached pages of {Slug} {Year}", slug, year);
        }
    }

    /// <summary>
    /// After an agency is created or changed: its name, slug, level and parent show on its reports' pages and in
    /// every list, so every public page goes.
    /// </summary>
    public async Task AgencyChangedAsync(int agencyId, CancellationToken cancellationToken)
    {
        try
        {
            await EvictAllAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Could not evict the cached pages after agency {AgencyId} changed", agencyId);
        }
    }
}

public static class PublicCacheHttpContextExtensions
{
    /// <summary>One line for the places that publish: evicts the report's cached pages and the public lists.</summary>
    public static Task EvictPublishedReportAsync(this HttpContext context, string slug, int year, CancellationToken cancellationToken) =>
        context.RequestServices.GetRequiredService<PublicCache>().ReportPublishedAsync(slug, year, cancellationToken);
}
