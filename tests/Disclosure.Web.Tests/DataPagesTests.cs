using System.Net;
using Disclosure.Web.Tests.Infrastructure;

namespace Disclosure.Web.Tests;

/// <summary>Comparison, trends and data-quality pages: they render, filter, and answer bad input with 400/404, never 500.</summary>
[Collection(PortalCollections.Public)]
public sealed class DataPagesTests(PortalFactory portal)
{
    [Fact]
    public async Task Compare_ShowsTwoOfficesSideBySide_TableByTable()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/compare?agencies=zhongwei-commerce,hongze-district&year=2023");
        Assert.Equal(["中卫市商务局", "淮安市洪泽区人民政府"], page.QuerySelectorAll("#compare-t3 thead th").Skip(1).Select(th => th.Text()));
        Assert.Equal(["1", "21"], page.QuerySelectorAll("#compare-t3 tr[data-row='new.total'] td").Select(td => td.Text()));
        Assert.Equal(["0", "4119"], page.QuerySelectorAll("#compare-t2 tr[data-row='penalty.decisions'] td").Select(td => td.Text()));
        Assert.Equal(["0", "10"], page.QuerySelectorAll("#compare-t4 tr[data-row='administrative_review.upheld'] td").Select(td => td.Text()));

        // 洪泽 has the single （六） row, 中卫 the three: each shows "—" where its format has no such row.
        Assert.Equal(["—", "0"], page.QuerySelectorAll("#compare-t3 tr[data-row='other.total'] td").Select(td => td.Text()));
        Assert.Equal(["1", "—"], page.QuerySelectorAll("#compare-t3 tr[data-row='other_3.total'] td").Select(td => td.Text()));
    }

    [Fact]
    public async Task Compare_OfficeWithoutThatYear_IsMarkedUnpublished()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/compare?agencies=zhongwei-commerce,pingtan&year=2023");
        Assert.All(page.QuerySelectorAll("#compare-t3 tbody tr[data-row] td:nth-of-type(2)"), td => Assert.Equal("未公开", td.Text()));
        Assert.Contains("本年度未公开报告", page.QuerySelector(".compare-agencies")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agencies=zhongwei-commerce", 400, "2 至 6 个")]
    [InlineData("agencies=a,b,c,d,e,f,g", 400, "2 至 6 个")]
    [InlineData("agencies=a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13,a14,a15,a16,a17,a18,a19,a20", 400, "现为 20 个")]
    [InlineData("agencies=zhongwei-commerce,nobody-here", 404, "nobody-here")]
    [InlineData("agencies=zhongwei-commerce,Bad_Slug", 400, "Bad_Slug")]
    [InlineData("agencies=zhongwei-commerce,hongze-district&year=abc", 400, "abc")]
    [InlineData("agencies=zhongwei-commerce,hongze-district&year=2022", 404, "2022")]
    public async Task Compare_BadInput_SaysWhatIsWrong(string query, int status, string message)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/compare?" + query, status);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_DrawAnSvgChartPerFigure_WithTheDataTableBeside()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/agencies/hongze-district/trends");
        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.Equal(4, charts.Length);
        Assert.All(charts, svg =>
        {
            Assert.False(string.IsNullOrWhiteSpace(svg.QuerySelector("title")?.TextContent));
            Assert.Contains("2023", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        });
        Assert.Contains("本年新收申请（件）：2023 21。", page.QuerySelector("#chart-new-desc")!.TextContent, StringComparison.Ordinal);
        var row = page.QuerySelector("#trends-table tr[data-year='2023']")!;
        Assert.Equal("21", row.QuerySelectorAll("td")[0].Text());
        Assert.Equal("—", row.QuerySelectorAll("td")[1].Text());
        Assert.Empty(page.QuerySelectorAll("script"));
        var agency = await client.GetDocumentAsync("/agencies/hongze-district");
        Assert.NotNull(agency.QuerySelector("a[href='/agencies/hongze-district/trends']"));
    }

    [Theory]
    [InlineData("/agencies/nobody/trends")]
    [InlineData("/agencies/Bad_Slug/trends")]
    public async Task Trends_UnknownAgency_Is404(string url)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DataQuality_ShowsTheLatestYearsFindings_PerReport()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/data-quality");
        Assert.Equal("2023", page.QuerySelector("#dq-year option[selected]")!.GetAttribute("value"));
        Assert.Contains("核对 2 份报告", page.QuerySelector("#dq-summary")!.Text(), StringComparison.Ordinal);
        var report = Assert.Single(page.QuerySelectorAll(".quality-report"));
        Assert.Equal("hongze-district", report.GetAttribute("data-slug"));
        Assert.Equal(2, report.QuerySelectorAll("ul li").Length);
        Assert.All(report.QuerySelectorAll("ul li"), li => Assert.StartsWith("表四·复议诉讼合计（R4）：“", li.Text(), StringComparison.Ordinal));
        Assert.Equal("1", page.QuerySelector("#dq-rules tbody tr:nth-child(5) td.num")!.Text());
    }

    [Fact]
    public async Task DataQuality_NamesEachRuleInPlainChineseBeforeItsCode_AndQuotesWithChineseQuotationMarks()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/data-quality?year=2023");
        Assert.Equal("复议诉讼合计（R4）", page.QuerySelector("#dq-rules tbody tr:nth-child(5) th")!.Text());
        Assert.Contains(page.QuerySelectorAll("select option"), o => o.Text() == "申请人合计（R3）");
        Assert.Contains(
            "表四·复议诉讼合计（R4）：“行政复议”的总计应等于结果维持、结果纠正、其他结果、尚未审结之和 11，表中为 0。",
            page.QuerySelectorAll(".quality-report ul li").Select(li => li.Text()));
        Assert.DoesNotContain("「", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var filtered = await client.GetDocumentAsync("/data-quality?rule=R4&year=2023");
        Assert.Contains("涉及“复议诉讼合计”（R4）", filtered.QuerySelector("#dq-summary")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data-quality?rule=R4&year=2023", 1)]
    [InlineData("/data-quality?rule=r4&year=2023", 1)]
    [InlineData("/data-quality?rule=R1&year=2023", 0)]
    [InlineData("/data-quality?agency=zhongwei-commerce", 0)]
    [InlineData("/data-quality?agency=hongze-district&rule=R4", 1)]
    public async Task DataQuality_FiltersByRuleYearAndAgency(string url, int reports)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync(url);
        Assert.Equal(reports, page.QuerySelectorAll(".quality-report").Length);
    }

    [Fact]
    public async Task DataQuality_AllYearsOfOneAgency_ChecksEachOfItsReports()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/data-quality?agency=shanghai-govoffice");
        Assert.Contains("核对 1 份报告", page.QuerySelector("#dq-summary")!.Text(), StringComparison.Ordinal);
        Assert.Contains("上海市人民政府办公厅", page.QuerySelector("#dq-summary")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data-quality?rule=X9", 400, "X9")]
    [InlineData("/data-quality?year=abc", 400, "abc")]
    [InlineData("/data-quality?page=-1", 400, "-1")]
    [InlineData("/data-quality?agency=Bad_Slug", 400, "Bad_Slug")]
    [InlineData("/data-quality?agency=nobody", 404, "nobody")]
    public async Task DataQuality_BadFilter_SaysWhatIsWrong(string url, int status, string message)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync(url, status);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.filters"));
    }
}
