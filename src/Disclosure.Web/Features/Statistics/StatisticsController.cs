using Disclosure.Domain.Reports;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Statistics;

public sealed class StatisticsController(StatisticsQuery query) : Controller
{
    [HttpGet("statistics")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await query.YearsAsync(cancellationToken));

    [HttpGet("statistics/{year:int}")]
    public async Task<IActionResult> Year(int year, CancellationToken cancellationToken)
    {
        if (year is < AnnualReport.MinYear or > AnnualReport.MaxYear)
        {
            return NotFound();
        }

        var model = await query.GetAsync(year, cancellationToken);
        return model is null ? NotFound() : View(model);
    }
}
