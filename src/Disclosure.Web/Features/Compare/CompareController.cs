using System.Globalization;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Compare;

public sealed class CompareController(CompareQuery query) : Controller
{
    [HttpGet("compare")]
    public async Task<IActionResult> Index(string? agencies, string? year, CancellationToken cancellationToken)
    {
        var years = await query.YearsAsync(cancellationToken);
        var input = agencies?.Trim() ?? "";
        if (input.Length == 0 && string.IsNullOrWhiteSpace(year))
        {
            return View(new CompareViewModel("", null, years, [], []));
        }

        IActionResult Invalid(int status, string message, int? y = null)
        {
            Response.StatusCode = status;
            return View(new CompareViewModel(input, y, years, [], [], message));
        }

        var slugs = input.Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (slugs.Count is < CompareQuery.MinAgencies or > CompareQuery.MaxAgencies)
        {
            return Invalid(StatusCodes.Status400BadRequest,
                $"请填写 {CompareQuery.MinAgencies} 至 {CompareQuery.MaxAgencies} 个机关标识，用逗号分隔（现为 {slugs.Count} 个）。");
        }

        var malformed = slugs.Where(s => !Agency.IsValidSlug(s)).ToList();
        if (malformed.Count > 0)
        {
            return Invalid(StatusCodes.Status400BadRequest, $"机关标识无效：{string.Join("、", malformed)}。标识由小写字母、数字和连字符组成，如 zhongwei-commerce。");
        }

        int? parsedYear = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < AnnualReport.MinYear or > AnnualReport.MaxYear)
            {
                return Invalid(StatusCodes.Status400BadRequest, $"年度“{year}”无效，应为 {AnnualReport.MinYear} 至 {AnnualReport.MaxYear} 之间的整数。");
            }

            parsedYear = y;
        }

        var (found, unknown) = await query.FindAgenciesAsync(slugs, cancellationToken);
        if (unknown.Count > 0)
        {
            return Invalid(StatusCodes.Status404NotFound, $"本平台没有这些机关：{string.Join("、", unknown)}。请在机关名录中查找正确的标识。", parsedYear);
        }

        parsedYear ??= await query.LatestYearAsync(found.Select(f => f.Id).ToList(), cancellationToken);
        if (parsedYear is null)
        {
            return Invalid(StatusCodes.Status404NotFound, "这些机关都还没有已公开的年度报告。");
        }

        var (compared, tables) = await query.CompareAsync(found, parsedYear.Value, cancellationToken);
        if (compared.All(a => !a.Published))
        {
            return Invalid(StatusCodes.Status404NotFound, $"这些机关都没有已公开的{parsedYear}年度报告。", parsedYear);
        }

        return View(new CompareViewModel(string.Join(",", slugs), parsedYear, years, compared, tables));
    }
}
