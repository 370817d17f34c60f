using Disclosure.Domain.Reports;
using Disclosure.Web.Features.Agencies;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.DataQuality;

public sealed class DataQualityController(DataQualityQuery query, AgencyFinder finder) : Controller
{
    public const int MaxPage = 10_000;

    /// <summary>
    /// Findings of every published report. Without a year or an agency the latest year is shown (a year holds
    /// thousands of reports); with an agency, all its years.
    /// </summary>
    [HttpGet("data-quality")]
    public async Task<IActionResult> Index(string? rule, string? year, string? agency, string? page, CancellationToken cancellationToken)
    {
        var years = await query.YearsAsync(cancellationToken);
        rule = string.IsNullOrWhiteSpace(rule) ? null : rule.Trim().ToUpperInvariant();
        agency = string.IsNullOrWhiteSpace(agency) ? null : agency.Trim();
        int? parsedYear = null;
        var pageNumber = 1;
        string? error = null;
        if (rule is not null && !DataQualityQuery.IsKnownRule(rule))
        {
            error = $"没有规则“{rule}”。可选：{string.Join("、", DataQualityQuery.Rules.Select(r => r.Rule))}。";
        }
        else if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
                && y is >= AnnualReport.MinYear and <= AnnualReport.MaxYear)
            {
                parsedYear = y;
            }
            else
            {
                error = $"年度“{year}”无效，应为 {AnnualReport.MinYear} 至 {AnnualReport.MaxYear} 之间的整数。";
            }
        }

        if (error is null && !string.IsNullOrWhiteSpace(page)
            && !(int.TryParse(page, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pageNumber) && pageNumber is >= 1 and <= MaxPage))
        {
            error = $"页码“{page}”无效。";
        }

        var filter = new DataQualityFilter(rule, parsedYear, null, pageNumber);
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new DataQualityViewModel(filter, null, years, 0, 0, [], [], 1, error) { AgencyInput = agency });
        }

        // The agency field takes the office's name (or part of it that only one name holds), its slug, or a former slug.
        string? agencyName = null;
        if (agency is not null)
        {
            var match = await finder.FindAsync(agency, cancellationToken);
            if (match.Agency is null)
            {
                Response.StatusCode = match.IsUnknown ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
                var problem = match.IsUnknown
                    ? $"没有名称或标识为“{agency}”的机关，请检查名称。"
                    : $"“{agency}”对应 {match.Candidates.Count} 个机关，请填写完整名称，或选择下列之一。";
                return View(new DataQualityViewModel(filter, null, years, 0, 0, [], [], 1)
                {
                    AgencyInput = agency,
                    AgencyProblem = problem,
                    AgencyCandidates = match.Candidates.Take(AgencyFinder.MaxListed).ToList(),
                });
            }

            filter = filter with { Agency = match.Agency.Slug };
            agencyName = match.Agency.Name;
        }

        if (parsedYear is null && agency is null && years.Count > 0)
        {
            filter = filter with { Year = years[0] };
        }

        return View(await query.GetAsync(filter, years, agencyName, cancellationToken));
    }
}
