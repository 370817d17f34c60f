using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Rules;
using Disclosure.Domain.Serialization;
using Disclosure.Web.Features.Agencies;
using Disclosure.Web.Features.Reports;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Api;

/// <summary>The published reports as data: a paged list, each report's canonical JSON and its consistency findings.</summary>
[ApiController]
[Route("api/v1/reports")]
[EnableCors(OpenDataRegistration.CorsPolicy)]
public sealed class ReportsApiController(ApiReportListQuery list, ReportQuery reports, FormerSlugLookup formerSlugs) : ControllerBase
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 20;
    public const int MaxPage = 100_000;

    /// <summary>Published reports, newest year first, filtered by year, agency slug and level.</summary>
    [HttpGet("")]
    [ProducesResponseType<ApiReportPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> List(
        [FromQuery] int? year,
        [FromQuery] string? agency,
        [FromQuery] string? level,
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = DefaultPageSize,
        CancellationToken cancellationToken = default)
    {
        if (year is not null and (< AnnualReport.MinYear or > AnnualReport.MaxYear))
        {
            ModelState.AddModelError(nameof(year), $"year 应在 {AnnualReport.MinYear} 至 {AnnualReport.MaxYear} 之间。");
        }

        if (agency is not null && !Agency.IsValidSlug(agency))
        {
            ModelState.AddModelError(nameof(agency), "agency 是机关的标识（小写字母、数字和连字符），如 zhongwei-commerce。");
        }

        AgencyLevel? parsedLevel = null;
        if (level is not null)
        {
            if (ApiJson.TryParseLevel(level, out var l))
            {
                parsedLevel = l;
            }
            else
            {
                ModelState.AddModelError(nameof(level), "level 应为以下之一：" + string.Join(", ", ApiJson.LevelCodes) + "。");
            }
        }

        if (page is < 1 or > MaxPage)
        {
            ModelState.AddModelError(nameof(page), $"page 应在 1 至 {MaxPage} 之间。");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            ModelState.AddModelError(nameof(pageSize), $"pageSize 应在 1 至 {MaxPageSize} 之间。");
        }

        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        var (total, items) = await list.ListAsync(new ApiReportFilter(year, agency, parsedLevel, page, pageSize), cancellationToken);
        string Link(int p) => QueryString.Create(new Dictionary<string, string?>
        {
            ["year"] = year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["agency"] = agency,
            ["level"] = level,
            ["page"] = p.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["pageSize"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => kv.Value is not null))
            .ToUriComponent()
            .Insert(0, "/api/v1/reports");
        var links = new ApiPageLinks(
            Link(page),
            (long)page * pageSize < total ? Link(page + 1) : null,
            page > 1 ? Link(Math.Min(page - 1, Math.Max(1, (total + pageSize - 1) / pageSize))) : null);
        return new JsonResult(new ApiReportPage(total, page, pageSize, items, links), ApiJson.Options);
    }

    /// <summary>The canonical JSON (<c>disclosure-annual-report/v1</c>) of the current published version: the same bytes as <c>/reports/{slug}/{year}.json</c>.</summary>
    [HttpGet("{slug:slug}/{year:int:reportyear}")]
    [ProducesResponseType(StatusCodes.Status200OK, Type = typeof(object))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status301MovedPermanently)]
    public async Task<IActionResult> Show(string slug, int year, CancellationToken cancellationToken)
    {
        var document = await reports.FindPublishedDocumentAsync(slug, year, cancellationToken);
        return document is null
            ? await NotFoundOrMovedAsync(slug, $"/{year}", cancellationToken)
            : Content(CanonicalJson.Write(document), "application/json; charset=utf-8");
    }

    /// <summary>The consistency findings of the report (R0–R5, S1, S3), with last year's report for the cross-year rules when it is published.</summary>
    [HttpGet("{slug:slug}/{year:int:reportyear}/findings")]
    [ProducesResponseType<ApiFindings>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType(StatusCodes.Status301MovedPermanently)]
    public async Task<IActionResult> Findings(string slug, int year, CancellationToken cancellationToken)
    {
        var model = await reports.FindPublishedAsync(slug, year, cancellationToken);
        if (model is null)
        {
            return await NotFoundOrMovedAsync(slug, $"/{year}/findings", cancellationToken);
        }

        var layout = model.Report.Layout;
        var findings = model.Findings.Select(f => ToApi(f, layout)).ToList();
        var previousChecked = model.Findings.Any(f => f.RuleId is ConsistencyRules.R5 or ConsistencyRules.S3)
            || await reports.FindPublishedDocumentAsync(slug, year - 1, cancellationToken) is not null;
        return new JsonResult(new ApiFindings(model.AgencySlug, model.AgencyName, year, previousChecked, findings.Count, findings), ApiJson.Options);
    }

    public static ApiFinding ToApi(RuleViolation f, Domain.Reports.Layouts.ReportLayout layout) => new(
        f.RuleId,
        f.Severity == RuleSeverity.Error ? "error" : "warning",
        (int)f.Table,
        f.RowKey,
        f.ColumnKey,
        f.Expected,
        f.Actual,
        FindingText.Describe(f, layout));

    /// <summary>404, or 301 to the same resource under the agency's current slug when the slug is a former one.</summary>
    private async Task<IActionResult> NotFoundOrMovedAsync(string slug, string rest, CancellationToken cancellationToken)
    {
        if (await formerSlugs.CurrentSlugAsync(slug, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = FormerSlugRedirectMiddleware.CacheControl;
        return RedirectPermanent($"/api/v1/reports/{current}{rest}{Request.QueryString}");
    }

}
