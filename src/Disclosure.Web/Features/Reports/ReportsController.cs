using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Disclosure.Web.Features.Reports;

public sealed class ReportsController(ReportQuery query, ReportPdfStore pdfs) : Controller
{
    [HttpGet("reports/{slug:slug}/{year:int:reportyear}")]
    public async Task<IActionResult> Show(string slug, int year, CancellationToken cancellationToken)
    {
        var model = await query.FindPublishedAsync(slug, year, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    /// <summary>A published version at its stable URL; earlier versions stay readable after a correction.</summary>
    [HttpGet("reports/{slug:slug}/{year:int:reportyear}/v{number:int}")]
    public async Task<IActionResult> Version(string slug, int year, int number, CancellationToken cancellationToken)
    {
        if (number < 1)
        {
            return NotFound();
        }

        var model = await query.FindVersionAsync(slug, year, number, cancellationToken);
        return model is null ? NotFound() : View("Show", model);
    }

    /// <summary>The canonical JSON (<c>disclosure-annual-report/v1</c>) of the current published version.</summary>
    [HttpGet("reports/{slug:slug}/{year:int:reportyear}.json")]
    public async Task<IActionResult> Json(string slug, int year, CancellationToken cancellationToken)
    {
        var document = await query.FindPublishedDocumentAsync(slug, year, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        return Content(CanonicalJson.Write(document), "application/json; charset=utf-8");
    }

    /// <summary>The official-format PDF of the current published version, rendered once and then served from the store.</summary>
    [HttpGet("reports/{slug:slug}/{year:int:reportyear}.pdf")]
    public async Task<IActionResult> Pdf(string slug, int year, CancellationToken cancellationToken)
    {
        var entry = await pdfs.FindPublishedAsync(slug, year, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        var etag = new EntityTagHeaderValue(entry.ETag);
        if (Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } ifNoneMatch
            && ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: true)))
        {
            Response.GetTypedHeaders().ETag = etag;
            return StatusCode(StatusCodes.Status304NotModified);
        }

        // Inline: the report page's "阅读PDF" opens it in the browser, and its "下载PDF" (a download link) saves it.
        // RFC 6266 with an RFC 5987 filename* for the Chinese name (used when saved), and an ASCII name for old clients.
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline")
        {
            FileName = $"{slug}-{year}.pdf",
            FileNameStar = entry.FileName,
        }.ToString();
        var content = await pdfs.ContentAsync(entry, cancellationToken);
        return File(content, "application/pdf", lastModified: null, entityTag: etag, enableRangeProcessing: true);
    }
}
