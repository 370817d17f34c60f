using Disclosure.Domain.Reports;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Home;

public sealed class HomeController(HomeQuery query) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await query.GetAsync(cancellationToken));

    [HttpGet("years/{year:int:reportyear}")]
    public async Task<IActionResult> Year(int year, CancellationToken cancellationToken)
    {
        var model = await query.GetYearAsync(year, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
