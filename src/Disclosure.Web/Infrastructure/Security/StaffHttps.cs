namespace Disclosure.Web.Infrastructure.Security;

/// <summary>
/// Staff pages (<c>/account</c>, <c>/admin</c>) set Secure cookies, which a plain-HTTP request cannot carry. Unless
/// <c>Security:RequireHttps</c> is off (Development), such a request is redirected to HTTPS when the HTTPS port is
/// known (<c>HttpsRedirection:HttpsPort</c>, <c>ASPNETCORE_HTTPS_PORT</c> or a Kestrel HTTPS endpoint), and otherwise
/// answered 403 with a page that says why — not a 500. Behind a proxy that terminates TLS,
/// <c>Proxy:TrustForwardedHeaders</c> makes such requests HTTPS. Public pages are served over either.
/// </summary>
public static class StaffHttps
{
    /// <summary>The reason the error page shows (set in <see cref="HttpContext.Items"/> before the status-code page).</summary>
    public const string ReasonKey = "disclosure.error-reason";

    public const string Reason = "工作人员页面只能通过安全连接（HTTPS）访问。请使用以 https:// 开头的地址。";

    public static IApplicationBuilder UseHttpsForStaff(this WebApplication app)
    {
        if (!StaffRegistration.RequireHttps(app.Environment, app.Configuration))
        {
            return app;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StaffHttps));
        return app.UseWhen(
            context => !context.Request.IsHttps && StaffRegistration.IsStaffPath(context.Request.Path),
            staff => staff
                .UseHttpsRedirection()
                .Use((HttpContext context, RequestDelegate _) =>
                {
                    logger.LogWarning(
                        "Staff page {Path} requested over plain HTTP and no HTTPS port is known: answered 403 (serve HTTPS, or set Proxy:TrustForwardedHeaders behind a TLS proxy)",
                        context.Request.Path);
                    context.Items[ReasonKey] = Reason;
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                }));
    }
}
