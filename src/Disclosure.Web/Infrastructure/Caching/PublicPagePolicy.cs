using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Web.Infrastructure.Caching;

/// <summary>
/// Output caching for the published public pages only: anonymous GET of <c>/</c>, <c>/years/…</c>,
/// <c>/agencies…</c>, <c>/statistics…</c> (a list: any publication evicts it) and <c>/reports/…</c>, stored only when the answer is 200 without a cookie. A request carrying
/// the staff cookie or an Authorization header is never served from, nor stored in, the cache; nothing under
/// <c>/admin</c> or <c>/account</c> is a public page.
/// </summary>
public sealed class PublicPagePolicy(IOptions<PublicCacheOptions> options) : IOutputCachePolicy
{
    public static bool IsPublicPage(HttpRequest request)
    {
        var path = request.Path;
        return path == "/"
            || path.StartsWithSegments("/reports", StringComparison.Ordinal)
            || path.StartsWithSegments("/years", StringComparison.Ordinal)
            || path.StartsWithSegments("/agencies", StringComparison.Ordinal)
            || path.StartsWithSegments("/statistics", StringComparison.Ordinal);
    }

    /// <summary>GET only: a HEAD answer has no body, and must never be stored where a GET could find it.</summary>
    public static bool IsAnonymousRead(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !StaffRegistration.HasStaffCookie(request)
        && !request.Headers.ContainsKey(HeaderNames.Authorization);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = IsPublicPage(request) && IsAnonymousRead(request);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return ValueTask.CompletedTask;
        }

        // The compressed and the plain answer are different entries (Accept-Encoding is normalised to br, gzip or
        // identity first, PublicCaching). Pages hold no absolute address, so the Host is not part of the key: made-up
        // Host headers cannot add entries. Only the agency search reads the query string; every other page ignores
        // it, so random query strings cannot fill the cache.
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.CacheVaryByRules.VaryByHost = false;
        if (request.Path.Equals("/agencies", StringComparison.Ordinal))
        {
            context.CacheVaryByRules.QueryKeys = "q";
        }

        context.ResponseExpirationTimeSpan = options.Value.Duration;
        // A report's own pages carry its tag; every list (home, years, agencies, an agency's years) carries "lists".
        // A publication evicts its report and the lists, not the other reports' pages.
        context.Tags.Add(PublicCache.PublicTag);
        var route = context.HttpContext.Request.RouteValues;
        if (route.TryGetValue("slug", out var slug) && slug is string s && route.TryGetValue("year", out var year) && year is not null)
        {
            context.Tags.Add(PublicCache.ReportTag(s, int.TryParse(year.ToString(), out var y) ? y : 0));
        }
        else
        {
            context.Tags.Add(PublicCache.ListsTag);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
