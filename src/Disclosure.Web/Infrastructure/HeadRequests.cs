namespace Disclosure.Web.Infrastructure;

/// <summary>
/// Answers HEAD like GET: link checkers, monitors and crawlers ask HEAD, and MVC's [HttpGet] actions refuse it with
/// 405. The request runs as a GET (same status, headers, cache entry); Kestrel sends no body for a HEAD request
/// whatever the app writes. The method is put back afterwards so the request log says HEAD.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            context.Request.Method = HttpMethods.Get;
            try
            {
                await next(context);
            }
            finally
            {
                context.Request.Method = HttpMethods.Head;
            }
        });
}
