using Microsoft.AspNetCore.OutputCaching;

namespace Disclosure.Web.Infrastructure.Caching;

/// <summary>Section <c>PublicCache</c>: how long a published public page stays in the output cache.</summary>
public sealed class PublicCacheOptions
{
    public const string Section = "PublicCache";

    /// <summary>
    /// Publication evicts at once; this bounds how stale a page can be after a change made by another process
    /// (the <c>import</c> command with the in-memory store) and how long pages outlive a database outage.
    /// </summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);
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

    /// <summary>After a report of <paramref name="slug"/> for <paramref name="year"/> is published, corrected or imported.</summary>
    public async Task ReportPublishedAsync(string slug, int year, CancellationToken cancellationToken)
    {
        try
        {
            await store.EvictByTagAsync(ReportTag(slug, year), cancellationToken);
            await store.EvictByTagAsync(ListsTag, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The publication is saved; a cache that cannot be reached (Redis) only delays it until the entries expire.
            logger.LogError(ex, "Could not evict the cached pages of {Slug} {Year}", slug, year);
        }
    }
}

public static class PublicCacheHttpContextExtensions
{
    /// <summary>One line for the places that publish: evicts the report's cached pages and the public lists.</summary>
    public static Task EvictPublishedReportAsync(this HttpContext context, string slug, int year, CancellationToken cancellationToken) =>
        context.RequestServices.GetRequiredService<PublicCache>().ReportPublishedAsync(slug, year, cancellationToken);
}
