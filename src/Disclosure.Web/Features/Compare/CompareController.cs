using System.Globalization;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Features.Agencies;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Compare;

public sealed class CompareController(CompareQuery query, AgencyFinder finder) : Controller
{
    /// <summary>
    /// A plain GET form (no script): <c>agencies</c> — ticked boxes, or names/slugs separated by commas in a link —
    /// <c>q</c> a name to search for offices to tick, <c>year</c>, and <c>applicant</c>, the applicant column of table 三.
    /// A name that matches no office, or several, is said at the field, the offices it could mean offered to tick.
    /// </summary>
    [HttpGet("compare")]
    public async Task<IActionResult> Index([FromQuery] string[]? agencies, string? q, string? year, string? applicant, CancellationToken cancellationToken)
    {
        var years = await query.YearsAsync(cancellationToken);
        var typed = AgencyFinder.Split(agencies ?? []);
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (search?.Length > AgencyFinder.MaxLength)
        {
            search = search[..AgencyFinder.MaxLength];
        }

        var selected = new List<AgencyChoice>();
        var offered = new List<AgencyChoice>();
        var problems = new List<string>();
        var status = StatusCodes.Status200OK;
        if (typed.Count > CompareQuery.MaxAgencies)
        {
            problems.Add($"请选择 {CompareQuery.MinAgencies} 至 {CompareQuery.MaxAgencies} 个机关（现为 {typed.Count} 个）。");
            status = StatusCodes.Status400BadRequest;
        }
        else
        {
            foreach (var text in typed)
            {
                var match = await finder.FindAsync(text, cancellationToken);
                if (match.Agency is { } agency)
                {
                    if (selected.All(s => s.Slug != agency.Slug))
                    {
                        selected.Add(agency);
                    }

                    continue;
                }

                problems.Add(match.Problem!);
                offered.AddRange(match.Candidates.Take(AgencyFinder.MaxListed));
                status = match.IsUnknown ? StatusCodes.Status404NotFound : Math.Max(status, StatusCodes.Status400BadRequest);
                search ??= text; // what was typed stays in the search field, to correct
            }
        }

        string? queryNote = null;
        if (search is not null)
        {
            var found = await finder.SearchAsync(search, cancellationToken);
            queryNote = found.Count == 0 ? $"没有名称含“{search}”的机关。"
                : found.Count > AgencyFinder.MaxListed ? $"名称含“{search}”的机关超过 {AgencyFinder.MaxListed} 个，只列出前 {AgencyFinder.MaxListed} 个，请输入更完整的名称。"
                : null;
            offered.AddRange(found.Take(AgencyFinder.MaxListed));
        }
        else if (offered.Count == 0)
        {
            offered.AddRange(await finder.AllIfFewAsync(cancellationToken));
        }

        var candidates = offered.Where(o => selected.All(s => s.Slug != o.Slug)).DistinctBy(o => o.Slug).ToList();
        var column = string.IsNullOrWhiteSpace(applicant) ? ApplicationsLayout.Columns.Total : applicant.Trim();
        var model = new CompareViewModel(selected, candidates, search, null, years, column, [], []) { AgencyProblems = problems, QueryNote = queryNote };

        if (CompareViewModel.ApplicantChoices.All(c => c.Key != column))
        {
            model = model with { Applicant = ApplicationsLayout.Columns.Total, ApplicantProblem = $"没有申请人类型“{column}”，请从列表中选择。" };
            status = Math.Max(status, StatusCodes.Status400BadRequest);
        }

        int? parsedYear = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= AnnualReport.MinYear and <= AnnualReport.MaxYear)
            {
                parsedYear = y;
                model = model with { Year = y };
            }
            else
            {
                model = model with { YearProblem = $"年度“{year}”无效，应为 {AnnualReport.MinYear} 至 {AnnualReport.MaxYear} 之间的整数。" };
                status = Math.Max(status, StatusCodes.Status400BadRequest);
            }
        }

        if (status != StatusCodes.Status200OK || selected.Count < CompareQuery.MinAgencies)
        {
            Response.StatusCode = status;
            return View(model);
        }

        var chosen = await query.IdsAsync(selected, cancellationToken);
        parsedYear ??= await query.LatestYearAsync(chosen.Select(f => f.Id).ToList(), cancellationToken);
        if (parsedYear is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View(model with { YearProblem = "这些机关都还没有已公开的年度报告。" });
        }

        var (compared, tables) = await query.CompareAsync(chosen, parsedYear.Value, model.Applicant, cancellationToken);
        if (compared.All(a => !a.Published))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View(model with { Year = parsedYear, YearProblem = $"这些机关都没有已公开的{parsedYear}年度报告，请选择其他年度。" });
        }

        return View(model with { Year = parsedYear, Agencies = compared, Tables = tables });
    }
}
