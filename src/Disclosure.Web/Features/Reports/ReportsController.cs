using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Reports;

public sealed class ReportsController(ReportQuery query) : Controller
{
    [HttpGet("reports/{slug}/{year:int}")]
    public async Task<IActionResult> Show(string slug, int year, CancellationToken cancellationToken)
    {
        if (!IsPlausible(slug, year))
        {
            return NotFound();
        }

        var model = await query.FindPublishedAsync(slug, year, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>The canonical JSON (<c>disclosure-annual-report/v1</c>) of the current published version.</summary>
    [HttpGet("reports/{slug}/{year:int}.json")]
    public async Task<IActionResult> Json(string slug, int year, CancellationToken cancellationToken)
    {
        if (!IsPlausible(slug, year))
        {
            return NotFound();
        }

        var document = await query.FindPublishedDocumentAsync(slug, year, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        return Content(CanonicalJson.Write(document), "application/json; charset=utf-8");
    }

    private static bool IsPlausible(string slug, int year) =>
        Agency.IsValidSlug(slug) && year is >= AnnualReport.MinYear and <= AnnualReport.MaxYear;
}
