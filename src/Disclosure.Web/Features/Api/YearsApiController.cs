using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Features.Statistics;
using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Api;

/// <summary>Bulk downloads of a year: tables 二, 三 and 四 of every published report, as CSV and as one XLSX workbook.</summary>
[ApiController]
[Route("api/v1/years")]
[EnableCors(OpenDataRegistration.CorsPolicy)]
public sealed class YearsApiController(YearTableQuery query, YearAggregateCache cache) : ControllerBase
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Table 二, 三 or 四 of every report of the year: one line per agency × table row, UTF-8 with BOM, RFC 4180.</summary>
    [HttpGet("{year:int:reportyear}/table{table:int}.csv")]
    [Produces("text/csv")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Csv(int year, int table, CancellationToken cancellationToken)
    {
        if (table is < 2 or > 4)
        {
            return NotFound();
        }

        var id = (ReportTableId)table;

        // Built once per state of the publication log: a year of 2,000 reports is ~50,000 lines. A year without
        // published reports is remembered as an empty file, and answered 404.
        var csv = await cache.GetOrAddAsync(year, $"table{table}.csv", await query.LastLogIdAsync(cancellationToken), async () =>
            await query.LoadAsync(year, id, cancellationToken) is { Count: > 0 } reports ? TableExport.Csv(year, id, reports) : []);
        return csv.Length == 0 ? NotFound() : File(csv, CsvType, $"disclosure-{year}-table{table}.csv");
    }

    /// <summary>The three tables of every report of the year in one workbook, one sheet per table and a README sheet.</summary>
    [HttpGet("{year:int:reportyear}.xlsx")]
    [Produces(XlsxType)]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Xlsx(int year, CancellationToken cancellationToken)
    {
        var workbook = await cache.GetOrAddAsync(year, "xlsx", await query.LastLogIdAsync(cancellationToken), async () =>
            await query.LoadAsync(year, YearTableQuery.Tables, cancellationToken) is var tables && tables[ReportTableId.Applications].Count > 0 ? Workbook(year, tables) : []);
        return workbook.Length == 0 ? NotFound() : File(workbook, XlsxType, $"disclosure-{year}.xlsx");
    }

    private static byte[] Workbook(int year, IReadOnlyDictionary<ReportTableId, IReadOnlyList<YearTableReport>> tables)
    {
        var sheets = new List<XlsxSheet> { new("README", Readme(year, tables[ReportTableId.Applications].Count)) };
        foreach (var table in YearTableQuery.Tables)
        {
            var header = TableExport.Header(table).Select(ExportValue.Text).ToList();
            sheets.Add(new XlsxSheet($"table{(int)table}", TableExport.Lines(year, table, tables[table]).Prepend(header), HasHeader: true));
        }

        return XlsxWorkbook.Write(sheets);
    }

    private static IEnumerable<IReadOnlyList<ExportValue>> Readme(int year, int reportCount)
    {
        IReadOnlyList<ExportValue> Line(params string[] texts) => texts.Select(ExportValue.Text).ToList();
        yield return Line($"{year}年政府信息公开工作年度报告数据（{reportCount} 份已公开报告）");
        yield return Line("");
        yield return Line("工作表", "内容");
        foreach (var table in YearTableQuery.Tables)
        {
            yield return Line($"table{(int)table}", YearTableQuery.FileTitle(table) + "：每个机关每个表格行一行。");
        }

        yield return Line("");
        yield return Line("列", "说明");
        yield return Line("agency_slug / agency_name", "机关网址标识、机关名称");
        yield return Line("level", "机关层级：" + string.Join("、", Enum.GetValues<Domain.Agencies.AgencyLevel>().Select(l => $"{ApiJson.LevelCode(l)}={Domain.Agencies.AgencyLevelNames.DisplayName(l)}")));
        yield return Line("format", "报告格式：2021 = 国办公开办函〔2021〕30号；2019 = 国办公开办函〔2019〕60号试行格式；hybrid = 2021年版表二加2019年版单行“其他处理”");
        yield return Line("row_key / row_label", "表格行的机器键和原表行名");
        yield return Line("其余各列", "单元格。空白表示原报告未填写（空白不等于 0），或该格式无此列。amount_wan_yuan 单位为万元（精确小数）；amount 为2019年版采购总金额，按原文保留。");
        yield return Line(TableExport.DerivedColumn, "原报告的总计未填写，或与其分项之和不符时，该总计按分项之和写入（按分项推算），本列写明是哪一列及原表所载；原报告数据照录见 /api/v1/reports 的 JSON。");
        yield return Line("");
        yield return Line("同一数据另有 CSV 下载：/api/v1/years/" + year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/table2.csv、table3.csv、table4.csv；每份报告的完整数据见 /api/v1/reports。");
    }

}
