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
        Assert.Equal(["1", "21"], Figures(page, "#compare-t3 tr[data-row='new'] td"));
        Assert.Equal(["0", "4119"], page.QuerySelectorAll("#compare-t2 tr[data-row='penalty.decisions'] td").Select(td => td.Text()));
        Assert.Equal(["0", "10"], page.QuerySelectorAll("#compare-t4 tr[data-row='administrative_review.upheld'] td").Select(td => td.Text()));

        // 洪泽 has the single （六） row, 中卫 the three: each shows "—" where its format has no such row.
        Assert.Equal(["—", "0"], Figures(page, "#compare-t3 tr[data-row='other'] td"));
        Assert.Equal(["1", "—"], Figures(page, "#compare-t3 tr[data-row='other_3'] td"));
        Assert.Empty(page.QuerySelectorAll("script"));
    }

    /// <summary>The figures of a row of the table 三 matrix, without the "largest" marker.</summary>
    private static List<string> Figures(AngleSharp.Dom.IDocument page, string selector) =>
        page.QuerySelectorAll(selector).Select(td => (td.QuerySelector("strong") ?? td).Text().Trim()).ToList();

    [Fact]
    public async Task Compare_Table3IsAMatrixOfRowsByOffices_TotalsByDefault_LargestOfEachRowMarkedInWords()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/compare?agencies=zhongwei-commerce,hongze-district&year=2023");

        var rows = page.QuerySelectorAll("#compare-t3 tbody tr[data-row]");
        Assert.Equal(26, rows.Length); // 中卫's 25 rows and 洪泽's single （六）, not 25 × 7 cell rows
        var keys = rows.Select(r => r.GetAttribute("data-row")).ToList();
        Assert.Equal(["new", "carried_over", "granted"], keys.Take(3));
        Assert.Equal(["total_processed", "carried_forward"], keys.TakeLast(2)); // every （六） row before （七）总计
        Assert.Contains("申请人：总计", page.QuerySelector("#compare-t3 caption")!.Text(), StringComparison.Ordinal);
        var newRow = page.QuerySelectorAll("#compare-t3 tr[data-row='new'] td");
        Assert.False(newRow[0].ClassList.Contains("largest"));
        Assert.True(newRow[1].ClassList.Contains("largest"));
        Assert.Equal("21", newRow[1].QuerySelector("strong")!.Text());
        Assert.Contains("本行最大", newRow[1].Text(), StringComparison.Ordinal);
        Assert.Contains("▲", newRow[1].Text(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#compare-t3 tr[data-row='carried_over'] td.largest")); // 0 and 0: nothing to mark

        var natural = await client.GetDocumentAsync("/compare?agencies=zhongwei-commerce&agencies=hongze-district&year=2023&applicant=commercial");
        Assert.Contains("申请人：商业企业", natural.QuerySelector("#compare-t3 caption")!.Text(), StringComparison.Ordinal);
        Assert.Equal(["0", "0"], Figures(natural, "#compare-t3 tr[data-row='new'] td"));
        Assert.Equal("commercial", natural.QuerySelector("#cmp-applicant option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("agencies=中卫市商务局,淮安市洪泽区人民政府")] // full names, as a person writes them
    [InlineData("agencies=中卫市商务局，洪泽")] // a full-width comma, and a part of a name only one office has
    [InlineData("agencies=商务局&agencies=hongze-district")] // ticked boxes and a name
    public async Task Compare_TakesChineseNamesAndSlugs(string query)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/compare?" + query + "&year=2023");
        Assert.Equal(["中卫市商务局", "淮安市洪泽区人民政府"], page.QuerySelectorAll("#compare-t3 thead th").Skip(1).Select(th => th.Text()));
        Assert.Equal(["zhongwei-commerce", "hongze-district"], page.QuerySelectorAll("input[name=agencies][checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task Compare_NameOfSeveralOffices_AsksWhichAtTheField_OfferingThemToTick()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/compare?agencies=中卫,hongze-district", 400);

        var error = page.QuerySelector("#cmp-agencies [role=alert]")!.Text();
        Assert.Contains("“中卫”对应 2 个机关", error, StringComparison.Ordinal);
        Assert.Contains("中卫市商务局", error, StringComparison.Ordinal);
        Assert.Contains("中卫市人民政府", error, StringComparison.Ordinal);
        Assert.Equal(["hongze-district"], page.QuerySelectorAll("#cmp-agencies input[checked]").Select(i => i.GetAttribute("value")));
        var offered = page.QuerySelectorAll("#cmp-agencies input:not([checked])").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("zhongwei-commerce", offered);
        Assert.Contains("zhongwei", offered);
        Assert.Equal("中卫", page.QuerySelector("#cmp-q")!.GetAttribute("value")); // what was typed is kept
        Assert.Null(page.QuerySelector("#compare-t3"));
    }

    [Fact]
    public async Task Compare_NameOfNoOffice_SaysSoAtTheField_AndKeepsWhatWasTyped()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/compare?agencies=zhongwei-commerce,不存在的局", 404);

        Assert.Contains("没有名称或标识为“不存在的局”的机关", page.QuerySelector("#cmp-agencies [role=alert]")!.Text(), StringComparison.Ordinal);
        Assert.Equal("不存在的局", page.QuerySelector("#cmp-q")!.GetAttribute("value"));
        Assert.Equal(["zhongwei-commerce"], page.QuerySelectorAll("#cmp-agencies input[checked]").Select(i => i.GetAttribute("value")));
    }

    [Fact]
    public async Task Compare_SearchByName_ListsOfficesToTick_WithoutScript()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/compare?agencies=zhongwei-commerce&q=洪泽");

        Assert.Equal("已选 1 个机关，请再勾选至少 1 个。", page.QuerySelector("#cmp-agencies-hint")!.Text());
        Assert.Equal(["zhongwei-commerce"], page.QuerySelectorAll("#cmp-agencies input[checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["hongze-district"], page.QuerySelectorAll("#cmp-agencies input:not([checked])").Select(i => i.GetAttribute("value")));
        Assert.Equal("get", page.QuerySelector("form.compare-form")!.GetAttribute("method"));
        Assert.Empty(page.QuerySelectorAll("script"));

        var none = await client.GetDocumentAsync("/compare?q=没有这个");
        Assert.Contains("没有名称含“没有这个”的机关", none.QuerySelector("#cmp-q-note")!.Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/agencies/hongze-district")]
    [InlineData("/statistics")]
    [InlineData("/statistics/2023")]
    public async Task Compare_IsLinkedFromTheNavigationAgencyAndStatisticsPages(string path)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync(path);
        Assert.NotNull(page.QuerySelector(".site-nav a[href='/compare']"));
        if (path != "/")
        {
            var link = page.QuerySelector("main #compare-link")!;
            var target = await client.GetDocumentAsync(link.GetAttribute("href")!);
            Assert.NotNull(target.QuerySelector("form.compare-form"));
        }
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
    [InlineData("agencies=a,b,c,d,e,f,g", 400, "2 至 6 个")]
    [InlineData("agencies=a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11,a12,a13,a14,a15,a16,a17,a18,a19,a20", 400, "现为 20 个")]
    [InlineData("agencies=zhongwei-commerce,nobody-here", 404, "nobody-here")]
    [InlineData("agencies=zhongwei-commerce,Bad_Slug", 404, "Bad_Slug")]
    [InlineData("agencies=zhongwei-commerce,hongze-district&year=abc", 400, "abc")]
    [InlineData("agencies=zhongwei-commerce,hongze-district&year=2022", 404, "2022")]
    [InlineData("agencies=zhongwei-commerce,hongze-district&applicant=martians", 400, "martians")]
    public async Task Compare_BadInput_SaysWhatIsWrong(string query, int status, string message)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/compare?" + query, status);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_WithOneYear_SayThereIsNoTrendYet_AndShowTheTableWithoutCharts()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/agencies/hongze-district/trends");
        Assert.Contains("还看不出变化趋势", page.QuerySelector("#trends-lead")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("svg[role=img]")); // one bar is not a trend
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
    [InlineData("/data-quality?agency=淮安市洪泽区人民政府&rule=R4", 1)]
    [InlineData("/data-quality?agency=洪泽&rule=R4", 1)]
    public async Task DataQuality_FiltersByRuleYearAndAgency(string url, int reports)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync(url);
        Assert.Equal(reports, page.QuerySelectorAll(".quality-report").Length);
    }

    [Fact]
    public async Task DataQuality_AgencyByName_KeepsWhatWasTyped_AndOffersTheOfficesItCouldMean()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/data-quality?agency=中卫", 400);
        Assert.Equal("中卫", page.QuerySelector("#dq-agency")!.GetAttribute("value"));
        Assert.Equal("dq-agency-error", page.QuerySelector("#dq-agency")!.GetAttribute("aria-describedby"));
        var offered = page.QuerySelectorAll(".agency-candidates a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("中卫市商务局", "/data-quality?agency=zhongwei-commerce&page=1"), offered);
        Assert.Equal(2, offered.Count);

        var found = await client.GetDocumentAsync("/data-quality?agency=洪泽");
        Assert.Equal("淮安市洪泽区人民政府", found.QuerySelector("#dq-agency")!.GetAttribute("value"));
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
    [InlineData("/data-quality?agency=Bad_Slug", 404, "Bad_Slug")]
    [InlineData("/data-quality?agency=nobody", 404, "nobody")]
    [InlineData("/data-quality?agency=中卫", 400, "“中卫”对应 2 个机关")]
    public async Task DataQuality_BadFilter_SaysWhatIsWrong(string url, int status, string message)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync(url, status);
        Assert.Contains(message, page.QuerySelector("[role=alert]")!.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form.filters"));
    }
}
