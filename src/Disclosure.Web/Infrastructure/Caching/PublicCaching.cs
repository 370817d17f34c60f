using System.IO.Compression;
using Disclosure.Data.Publication;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.ResponseCompression;

namespace Disclosure.Web.Infrastructure.Caching;

public static class PublicCaching
{
    /// <summary>Compressed types: the pages, the JSON, CSV and SVG. Not the PDF (already compressed).</summary>
    public static readonly string[] CompressedTypes =
        ["text/html", "application/json", "text/csv", "image/svg+xml", "text/css", "text/javascript", "application/javascript", "text/plain"];

    public static IServiceCollection AddPublicCaching(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PublicCacheOptions>(configuration.GetSection(PublicCacheOptions.Section));
        services.AddSingleton<PublicPagePolicy>();
        services.AddSingleton<PublicCache>();
        services.AddSingleton<IPublicationListener>(provider => provider.GetRequiredService<PublicCache>());
        services.AddHostedService<PublicCacheChangePoller>();

        // Several instances share one cache (and one eviction) through Redis; one instance keeps it in memory.
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            services.AddStackExchangeRedisOutputCache(options =>
            {
                options.Configuration = redis;
                options.InstanceName = configuration["Redis:InstanceName"] ?? "disclosure:";
            });
        }

        services.AddOutputCache(cache =>
        {
            // /reports/X and /reports/x are different pages (slugs are lower case; the other is a 404).
            cache.UseCaseSensitivePaths = true;
        });
        services.AddOptions<Microsoft.AspNetCore.OutputCaching.OutputCacheOptions>()
            .Configure<PublicPagePolicy>((cache, policy) => cache.AddBasePolicy(policy));

        // BREACH: compression over HTTPS leaks a secret in a page only if the page also reflects attacker-chosen text.
        // Public pages carry no secret (no antiforgery token, no personal data) for anonymous readers; staff pages
        // (/admin, /account), which carry antiforgery tokens, are never compressed (see UsePublicCaching).
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = CompressedTypes;
        });

        // Compressed pages are cached, so each is compressed once: spend the time on a smaller page.
        services.Configure<BrotliCompressionProviderOptions>(brotli => brotli.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(gzip => gzip.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>After routing: the output cache, then (public pages) the content ETag, then compression (not staff pages).</summary>
    public static IApplicationBuilder UsePublicCaching(this IApplicationBuilder app)
    {
        // The cache keeps one entry per encoding: before it looks, Accept-Encoding is reduced to the one the
        // compression below will use (br, gzip or identity), so made-up values cannot each force a render.
        app.Use((context, next) =>
        {
            if (PublicPagePolicy.IsPublicPage(context.Request))
            {
                context.Request.Headers.AcceptEncoding = NormaliseAcceptEncoding(context.Request.Headers.AcceptEncoding);
            }

            return next(context);
        });
        app.UseOutputCache();
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) && PublicPagePolicy.IsPublicPage(context.Request)
                && !context.Request.Path.Value!.EndsWith(".pdf", StringComparison.Ordinal),
            branch => branch.UseMiddleware<ContentETagMiddleware>());
        app.UseWhen(context => !StaffRegistration.IsStaffPath(context.Request.Path), branch => branch.UseResponseCompression());
        return app;
    }

    /// <summary>
    /// The encoding the response compression will choose for this header: <c>br</c> or <c>gzip</c> (the higher
    /// quality; br on a tie, as the providers are ordered), else <c>identity</c>. Unknown codings are ignored.
    /// </summary>
    public static string NormaliseAcceptEncoding(Microsoft.Extensions.Primitives.StringValues header)
    {
        if (!Microsoft.Net.Http.Headers.StringWithQualityHeaderValue.TryParseList(header, out var codings))
        {
            return "identity";
        }

        double Quality(string name) =>
            codings.Where(c => c.Value.Equals(name, StringComparison.OrdinalIgnoreCase) || c.Value.Equals("*", StringComparison.Ordinal))
                .Select(c => c.Quality ?? 1.0).DefaultIfEmpty(0).Max();

        var (br, gzip) = (Quality("br"), Quality("gzip"));
        return br > 0 && br >= gzip ? "br" : gzip > 0 ? "gzip" : "identity";
    }
}
