using Disclosure.Web.Features.Api;
using Disclosure.Web.Features.Home;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;

namespace Disclosure.Web.Features.Data;

public sealed record ApiEndpoint(string Method, string Path, string? Summary, IReadOnlyList<string> Parameters);

/// <summary>数据下载: the downloads of each year and the API, for people.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class DataController(HomeQuery years, IApiDescriptionGroupCollectionProvider api) : Controller
{
    [HttpGet("data")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await years.YearsAsync(cancellationToken));

    /// <summary>The API's endpoints as the OpenAPI document lists them (both read ASP.NET Core's API explorer), without script.</summary>
    [HttpGet("data/api")]
    public IActionResult Api()
    {
        var endpoints = api.ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith(OpenDataRegistration.ApiPrefix[1..], StringComparison.Ordinal) == true)
            .OrderBy(d => d.RelativePath, StringComparer.Ordinal)
            .Select(d => new ApiEndpoint(
                d.HttpMethod ?? "GET",
                "/" + d.RelativePath,
                Summary(d.RelativePath!),
                d.ParameterDescriptions.Where(p => p.Source.Id == "Query").Select(p => p.Name).ToList()))
            .ToList();
        return View(endpoints);
    }

    private static string? Summary(string path) => path switch
    {
        "api/v1/reports" => "已公开报告列表，可按 year（年度）、agency（机关网址标识）、level（层级）筛选，page、pageSize 分页（每页最多 100 条）；返回总数和上一页、下一页链接。",
        "api/v1/reports/{slug}/{year}" => "一份报告的规范 JSON（disclosure-annual-report/v1），与 /reports/{slug}/{year}.json 完全相同。",
        "api/v1/reports/{slug}/{year}/findings" => "一份报告的数据核对结果：规则、严重程度、单元格、应为值、表中值和中文说明；上一年度报告已公开时含跨年度规则 R5、S3。",
        "api/v1/years/{year}/table{table}.csv" => "某年度全部报告的表二（table2）、表三（table3）或表四（table4），每个机关每个表格行一行；UTF-8（带 BOM）CSV。",
        "api/v1/years/{year}.xlsx" => "某年度全部报告的表二、表三、表四，一个工作簿，每表一个工作表，另有说明（README）工作表。",
        _ => null,
    };
}
