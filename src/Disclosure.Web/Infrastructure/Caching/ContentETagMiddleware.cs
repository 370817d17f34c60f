using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Web.Infrastructure.Caching;

/// <summary>
/// A strong ETag for a public page (HTML, JSON): the hash of the bytes sent, so each encoding (br, gzip, none) has
/// its own. A matching If-None-Match gets 304. The output cache stores the ETag with the page and answers later
/// conditional requests itself. Responses that already carry an ETag (the PDF) pass through unchanged.
/// </summary>
public sealed class ContentETagMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK && StringValues.IsNullOrEmpty(response.Headers.ETag))
        {
            var etag = new EntityTagHeaderValue("\"" + Base64Url(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))) + "\"");
            response.Headers.ETag = etag.ToString();
            if (context.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
                && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: true)))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.Headers.ContentType = default;
                response.ContentLength = null;
                return;
            }
        }

        if (buffer.Length > 0)
        {
            response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    private static string Base64Url(byte[] hash) => Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
