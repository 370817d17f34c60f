using Disclosure.Domain.Agencies;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Agencies;

public sealed class AgenciesController(AgencyQueries queries) : Controller
{
    [HttpGet("agencies")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken) =>
        View(await queries.SearchAsync(q, cancellationToken));

    [HttpGet("agencies/{slug:slug}")]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        var model = await queries.FindAsync(slug, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
