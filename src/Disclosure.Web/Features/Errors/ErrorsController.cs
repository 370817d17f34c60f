using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Errors;

/// <summary>Error pages (re-executed by the status-code and exception middleware): never a stack trace.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController : Controller
{
    [Route("error/{code:int}")]
    public IActionResult Show(int code)
    {
        var status = code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = status;
        return View(status);
    }
}
