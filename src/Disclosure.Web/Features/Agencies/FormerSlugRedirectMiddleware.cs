using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Disclosure.Web.Infrastructure.Outage;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Agencies;

/// <summary>Which agency had a slug before (<see cref="FormerSlug"/>): for redirects, the agency form and the import.</summary>
public sealed class FormerSlugLookup(DisclosureDbContext db)
{
    /// <summary>The agency that had <paramref name="slug"/> before and has another one now, or null.</summary>
    public Task<Agency?> FindOwnerAsync(string slug, CancellationToken cancellationToken) =>
        db.FormerSlugs.AsNoTracking()
            .Where(f => f.Slug == slug)
            .Join(db.Agencies.AsNoTracking(), f => f.AgencyId, a => a.Id, (f, a) => a)
            .Where(a => a.Slug != slug)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The current slug of the agency that had <paramref name="slug"/> before; null when none did, or when the
    /// database cannot be asked (a 404 then stands).
    /// </summary>
    public async Task<string?> CurrentSlugAsync(string slug, CancellationToken cancellationToken)
    {
        if (!Agency.IsValidSlug(slug))
        {
            return null;
        }

        try
        {
            return (await FindOwnerAsync(slug, cancellationToken))?.Slug;
        }
        catch (Exception ex) when (DatabaseOutage.IsOutage(ex))
        {
            return null;
        }
    }
}

/// <summary>
/// An agency's public addresses survive a change of its slug: a GET that found nothing at <c>/reports/{slug}/…</c> or
/// <c>/agencies/{slug}…</c> is redirected (301) to the same address with the agency's current slug when the slug is
/// one it had before (<see cref="FormerSlug"/>). Only requests that would have answered 404 pay for the lookup. (The
/// open-data API answers its 404 with a problem document, so it redirects in its controller.)
/// </summary>
public sealed class FormerSlugRedirectMiddleware(RequestDelegate next, ILogger<FormerSlugRedirectMiddleware> logger)
{
    private static readonly string[] _prefixes = ["/reports/", "/agencies/"];

    /// <summary>How long a browser may keep the redirect (not for ever: the agency may take the slug back).</summary>
    public const string CacheControl = "public, max-age=3600";

    public async Task InvokeAsync(HttpContext context, FormerSlugLookup lookup)
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound || context.Response.HasStarted
            || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || !TrySplit(context.Request.Path.Value, out var prefix, out var slug, out var rest))
        {
            return;
        }

        var current = await lookup.CurrentSlugAsync(slug, context.RequestAborted);
        if (current is null)
        {
            return;
        }

        logger.LogInformation("Former slug {Slug} redirected to {Current}", slug, current);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        // The path is decoded (it may hold Chinese or CR/LF, e.g. /reports/old/%0D%0A): encode it again, or the
        // header cannot be written (a 500 before). The query string is still encoded.
        context.Response.Headers.Location = context.Request.PathBase.Add(new PathString(prefix + current + rest)).ToUriComponent() + context.Request.QueryString.ToUriComponent();
        context.Response.Headers.CacheControl = CacheControl;
    }

    /// <summary><c>/reports/old/2023.pdf</c> → (<c>/reports/</c>, <c>old</c>, <c>/2023.pdf</c>); false for other paths.</summary>
    public static bool TrySplit(string? path, out string prefix, out string slug, out string rest)
    {
        (prefix, slug, rest) = ("", "", "");
        if (path is null)
        {
            return false;
        }

        foreach (var candidate in _prefixes)
        {
            if (path.StartsWith(candidate, StringComparison.Ordinal))
            {
                var end = path.IndexOf('/', candidate.Length);
                var segment = end < 0 ? path[candidate.Length..] : path[candidate.Length..end];
                if (!Agency.IsValidSlug(segment))
                {
                    return false;
                }

                (prefix, slug, rest) = (candidate, segment, end < 0 ? "" : path[end..]);
                return true;
            }
        }

        return false;
    }
}
