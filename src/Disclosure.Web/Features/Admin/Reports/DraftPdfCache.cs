using System.Threading.RateLimiting;
using Disclosure.Reporting.Pdf;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>
/// The preview PDF of a draft, rendered once per saved revision: a maximum-size draft takes seconds to render, and
/// a reload (or a script) asking again gets the same bytes from memory. At most <see cref="ConcurrentRenders"/>
/// renders run at once; entries count their size against <see cref="SizeLimitBytes"/> and expire after
/// <see cref="Expiry"/> unused. Requests are also limited per person (<see cref="RateLimit"/>).
/// </summary>
public sealed class DraftPdfCache(ReportPdfRenderer renderer) : IDisposable
{
    public const string RateLimit = "draft-pdf";

    /// <summary>Preview PDFs one person may ask for per minute.</summary>
    public const int RequestsPerMinute = 10;

    public const int ConcurrentRenders = 2;

    public const long SizeLimitBytes = 128L * 1024 * 1024;

    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    private readonly SemaphoreSlim _rendering = new(ConcurrentRenders);

    private int _renders;

    /// <summary>How many PDFs were rendered (not served from memory) since start.</summary>
    public int Renders => _renders;

    public async Task<byte[]> GetAsync(int versionId, int revision, bool isDraft, Func<PdfReportDocument> build, CancellationToken cancellationToken)
    {
        var key = (versionId, revision, isDraft);
        if (_cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            return cached;
        }

        await _rendering.WaitAsync(cancellationToken);
        try
        {
            if (_cache.TryGetValue(key, out cached) && cached is not null)
            {
                return cached;
            }

            var bytes = renderer.Render(build()).Bytes;
            Interlocked.Increment(ref _renders);
            _cache.Set(key, bytes, new MemoryCacheEntryOptions { Size = bytes.Length, SlidingExpiration = Expiry });
            return bytes;
        }
        finally
        {
            _rendering.Release();
        }
    }

    public void Dispose()
    {
        _cache.Dispose();
        _rendering.Dispose();
    }

    /// <summary>The per-person limit on preview PDF requests (by account; the sign-in cookie is required anyway).</summary>
    public static void AddRateLimit(RateLimiterOptions limiter) =>
        limiter.AddPolicy(RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
            context.User.Identity?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
}
