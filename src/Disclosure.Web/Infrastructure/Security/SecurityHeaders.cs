namespace Disclosure.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response: a CSP without inline script, no sniffing, no framing, a strict referrer policy; and on
/// staff pages (drafts, previews, accounts) <c>Cache-Control: no-store</c>, so no browser or proxy keeps a copy.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            Apply(context.Response.Headers);
            if (StaffRegistration.IsStaffPath(context.Request.Path))
            {
                context.Response.Headers.CacheControl = "no-store";
            }

            return next(context);
        });

    /// <summary>Sets the headers (again, after a middleware cleared the response).</summary>
    public static void Apply(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
    }
}
