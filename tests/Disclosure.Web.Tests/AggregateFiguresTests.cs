using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using Disclosure.Domain.Agencies;
using Disclosure.Web.Features.Statistics;
using Disclosure.Web.Tests.Infrastructure;

namespace Disclosure.Web.Tests;

/// <summary>
/// Issue 12, section 1: the two samples whose printed totals cannot be taken as they stand, through every aggregate
/// page and download (ADR 0016). Every expected figure is worked out by hand from the fixture JSON:
/// <list type="bullet">
/// <item>上海 2019 (<c>shanghai-govoffice-2019-old-format.json</c>), table 三: 一、新收 [821, 35, –, –, 2, 1, 859];
/// （一）予以公开 [258, 12, –, –, 1, 1, 总计 blank] → 258 + 12 + 1 + 1 = 272; （七）总计 总计 805; 结转 72.
/// 予以公开比例 272 ÷ 805 = 33.79…% → 33.8%. Eleven result rows have a blank 总计 and filled applicant cells.
/// Table 四: 复议 5 + 2 = 7 (printed 7), 直接起诉 8 + 1 = 9 (printed 9), 复议后起诉 all blank → 7 + 9 = 16.</item>
/// <item>洪泽 2023 (<c>hongze-district-2023.json</c>), table 四: 复议 10 + 1 + 0 + 0 = 11 (printed 0), 直接起诉 all 0,
/// 复议后起诉 5 + 0 + 0 + 0 = 5 (printed 0) → 11 + 0 + 5 = 16.</item>
/// </list>
/// </summary>
[Collection(PortalCollections.Public)]
public sealed class AggregateFiguresTests(PortalFactory portal)
{
    [Fact]
    public async Task Statistics2019_RanksShanghaiByTheSumOfItsGrantedCells_NotByABlankReadAsZero()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/statistics/2019");

        var line = page.QuerySelector("#granted-share tbody tr")!;
        Assert.Equal("33.8%按分项推算", line.QuerySelector(".value")!.Text());
        Assert.Equal("予以公开 272 ÷ 办理结果总计 805", line.QuerySelector(".basis")!.Text());
        Assert.Equal("/reports/shanghai-govoffice/2019#t3-findings", line.QuerySelector(".value a.derived-mark")!.GetAttribute("href"));
        Assert.DoesNotContain(page.QuerySelectorAll("section[aria-labelledby=rankings] .value"), v => v.Text().StartsWith("0.0%", StringComparison.Ordinal));

        var applications = page.QuerySelector("#most-applications tbody tr")!;
        Assert.Equal("859", applications.QuerySelector(".value")!.Text()); // printed and adds up: no mark

        var reviews = page.QuerySelector("#most-reviews tbody tr")!;
        Assert.Equal("16", reviews.QuerySelector(".value")!.Text());
        Assert.Equal("行政复议 7 + 行政诉讼 9；占全部 16 件的 100.0%", reviews.QuerySelector(".basis")!.Text());
    }

    [Fact]
    public async Task Statistics2019_TotalsTable_AddsTheDerivedTotals_AndSaysWhichReportHasThem()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/statistics/2019");

        // The year's one report uses the 2019 table 二: no empty "0 份采用2021年版表二的报告合计" beside it.
        Assert.Null(page.QuerySelector("#t2-totals"));
        Assert.Contains("1 份采用2019年试行格式的报告合计", page.QuerySelector("#t2-totals-2019")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var t3 = page.QuerySelector("#t3-totals")!;
        Assert.Equal(["258", "12", "", "", "1", "1", "272含按分项推算"], Cells(t3, "granted"));
        Assert.Equal(["821", "35", "", "", "2", "1", "859"], Cells(t3, "new"));
        Assert.Equal(["767", "35", "", "", "2", "1", "805"], Cells(t3, "total_processed"));
        Assert.Equal(["", "", "", "", "", "", ""], Cells(t3, "deny_2")); // nothing filled: blank, not 0

        // With the derived totals the year's table adds up: no R2 "（七）总计应等于…之和 0，表中为 805".
        Assert.Empty(page.QuerySelectorAll("#totals-findings li"));

        var derived = page.QuerySelectorAll(".derived-reports li").Single();
        Assert.Equal("/reports/shanghai-govoffice/2019#t3-findings", derived.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("表三 11 处", derived.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics2019_ByLevel_DividesOnlyKnownFigures_AndMarksTheDerivedOnes()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/statistics/2019");

        var row = page.QuerySelectorAll("#breakdown-level tbody tr")
            .Single(r => r.QuerySelector("th")!.Text().StartsWith(AgencyLevel.ProvincialDepartment.DisplayName(), StringComparison.Ordinal));
        Assert.Equal(["1", "0", "859", "805", "272", "33.8%", "16"], row.QuerySelectorAll("td").Select(td => td.Text()));
        Assert.Equal("#derived", row.QuerySelector("th a.derived-mark")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Trends_Shanghai_ShowsTheShareOfTheDerivedGrantedTotal_Marked()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/agencies/shanghai-govoffice/trends");

        var cells = Row(page, 2019);
        Assert.Equal("859", cells[0].Text());
        Assert.Equal("805", cells[2].Text());
        Assert.Equal("33.8%按分项推算", cells[4].Text());
        Assert.Equal("/reports/shanghai-govoffice/2019#t3-findings", cells[4].QuerySelector("a.derived-mark")!.GetAttribute("href"));
        Assert.Equal("72", cells[5].Text());
        Assert.Equal("7", cells[7].Text());
        Assert.Equal("9", cells[9].Text());
    }

    [Fact]
    public async Task Trends_Hongze_ShowsElevenReviewsAndFiveSuits_Marked_NotZero()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/agencies/hongze-district/trends");

        var cells = Row(page, 2023);
        Assert.Equal("11按分项推算", cells[7].Text());
        Assert.Equal("5按分项推算", cells[9].Text());
        Assert.Equal("/reports/hongze-district/2023#t4-findings", cells[7].QuerySelector("a.derived-mark")!.GetAttribute("href"));
        Assert.Equal("21", cells[0].Text()); // table 三 adds up: printed, no mark
        Assert.Null(cells[0].QuerySelector(".derived-mark"));
    }

    [Fact]
    public async Task Compare_ShowsHongzesDerivedReviewTotal_Marked()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/compare?agencies=zhongwei-commerce,hongze-district&year=2023");

        var total = page.QuerySelectorAll("#compare-t4 tr[data-row='administrative_review.total'] td").ToList();
        Assert.Equal(["0", "11按分项推算"], total.Select(td => td.Text()));
        Assert.Equal("/reports/hongze-district/2023#t4-findings", total[1].QuerySelector("a.derived-mark")!.GetAttribute("href"));
        Assert.Equal(["0", "5按分项推算"], page.QuerySelectorAll("#compare-t4 tr[data-row='litigation_after_review.total'] td").Select(td => td.Text()));
    }

    [Fact]
    public async Task YearCsv_WritesTheDerivedTotals_AndNamesThemInTheLastColumn()
    {
        using var client = portal.CreateClient();
        var t3 = await Csv(client, "/api/v1/years/2019/table3.csv");
        var granted = t3.Single(l => l[0] == "shanghai-govoffice" && l[5] == "granted");
        Assert.Equal("272", granted[t3[0].IndexOf("total")]);
        Assert.Equal("total：总计未填写，按分项推算", granted[^1]);
        Assert.Equal(11, t3.Count(l => l[^1].Length > 0 && l[0] == "shanghai-govoffice"));
        var processed = t3.Single(l => l[0] == "shanghai-govoffice" && l[5] == "total_processed");
        Assert.Equal(("805", ""), (processed[t3[0].IndexOf("total")], processed[^1]));

        var t4 = await Csv(client, "/api/v1/years/2023/table4.csv");
        var review = t4.Single(l => l[0] == "hongze-district" && l[5] == "administrative_review");
        Assert.Equal("11", review[t4[0].IndexOf("total")]);
        Assert.Equal("total：原表总计为 0，与分项之和不符，按分项推算", review[^1]);
        Assert.Equal("5", t4.Single(l => l[0] == "hongze-district" && l[5] == "litigation_after_review")[t4[0].IndexOf("total")]);
    }

    [Fact]
    public async Task YearWorkbook_WritesHongzesDerivedReviewTotal()
    {
        using var client = portal.CreateClient();
        await using var stream = await client.GetStreamAsync(new Uri("/api/v1/years/2023.xlsx", UriKind.Relative));
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var rows = OpenDataApiTests.Load(zip, "xl/worksheets/sheet4.xml").Descendants(ns + "row").ToList();
        var review = rows.Single(r => OpenDataApiTests.CellText(r, ns, "A") == "hongze-district" && OpenDataApiTests.CellText(r, ns, "F") == "administrative_review");

        // Columns: A–G fixed, H–L upheld … total, M derived_totals.
        Assert.Equal("11", review.Elements(ns + "c").Single(c => ((string)c.Attribute("r")!).StartsWith('L')).Element(ns + "v")!.Value);
        Assert.Equal("total：原表总计为 0，与分项之和不符，按分项推算", OpenDataApiTests.CellText(review, ns, "M"));
    }

    [Fact]
    public async Task FindingsApi_Shanghai2019_HasNoR2AgainstTheBlankColumn()
    {
        using var client = portal.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/reports/shanghai-govoffice/2019/findings", UriKind.Relative)));
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.DoesNotContain(findings, f => f.GetProperty("rule").GetString() == "R2");
        Assert.Equal(11, findings.Count(f => f.GetProperty("rule").GetString() == "R3"));
        Assert.DoesNotContain(findings, f => f.GetProperty("message").GetString()!.Contains("表中为 空白", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/reports/shanghai-govoffice/2019", "t3-findings")]
    [InlineData("/reports/hongze-district/2023", "t4-findings")]
    public async Task TheFindingsTheMarksLinkTo_AreOnTheReportPage(string url, string id)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync(url);
        Assert.NotEmpty(page.GetElementById(id)!.QuerySelectorAll("li"));
    }

    [Fact]
    public void ARankingWithNoLine_SaysWhyItIsEmpty()
    {
        // Two reports: one with table 四 all 0, one with table 四 all blank (unknown, not 0).
        List<ReportFigures> figures =
        [
            new("a", "甲局", AgencyLevel.CityDepartment, null, null, 5, 5, 2, 0, 0),
            new("b", "乙局", AgencyLevel.CityDepartment, null, null, 3, null, null, null, null),
        ];

        var reviews = StatisticsQuery.Rankings(2023, figures).Single(r => r.Id == "most-reviews");
        Assert.Empty(reviews.Lines);
        Assert.Equal("本年度没有可排名的报告：2 份报告中，1 份行政复议、行政诉讼均为 0，1 份未填写，不计为 0。", reviews.EmptyReason);
        Assert.Equal(["乙局（表四总计及分项均未填写）"], reviews.Excluded);

        var share = StatisticsQuery.Rankings(2023, figures).Single(r => r.Id == "granted-share");
        Assert.Equal("40.0%", share.Lines.Single().Value);
        Assert.Equal(["乙局（办理结果总计未填写，不能作分母）"], share.Excluded);
    }

    private static List<IElement> Row(IDocument page, int year) =>
        page.QuerySelector($"#trends-table tr[data-year='{year}']")!.QuerySelectorAll("td").ToList();

    private static IEnumerable<string> Cells(IElement table, string row) =>
        table.QuerySelector($"tr[data-row='{row}']")!.QuerySelectorAll("td").Select(td => td.Text());

    private static async Task<List<List<string>>> Csv(HttpClient client, string url) =>
        OpenDataApiTests.ParseCsv(Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri(url, UriKind.Relative))).TrimStart('\uFEFF'));
}
