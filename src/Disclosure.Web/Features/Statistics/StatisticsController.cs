using Disclosure.Domain.Reports;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Statistics;

public sealed class StatisticsController(StatisticsQuery query) : Controller
{
    [HttpGet("statistics")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await query.YearsAsync(cancellationToken));

    [HttpGet("statistics/{year:int:reportyear}")]
    public async Task<IActionResult> Year(int year, CancellationToken cancellationToken)
    {
        var model = await query.GetAsync(year, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
