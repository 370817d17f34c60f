using Disclosure.Domain.Agencies;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Trends;

public sealed class TrendsController(TrendsQuery query) : Controller
{
    [HttpGet("agencies/{slug:slug}/trends")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var model = await query.GetAsync(slug, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
