using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Errors;

/// <summary>Error pages (re-executed by the status-code and exception middleware): never a stack trace.</summary>
/// <remarks>
/// A re-executed POST stays a POST: antiforgery is not checked here and nothing is bound (either would read the form
/// of the refused request, which may be the reason it was refused), and an error page changes nothing.
/// </remarks>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    /// <summary>The code comes from the route, not model binding: binding would read the form of a re-executed POST.</summary>
    [Route("error/{code:int}")]
    public IActionResult Show()
    {
        var code = int.Parse((string)RouteData.Values["code"]!, System.Globalization.CultureInfo.InvariantCulture);
        var status = code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = status;
        return View(status);
    }
}
