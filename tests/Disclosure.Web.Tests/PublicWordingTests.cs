using System.Text.RegularExpressions;
using Disclosure.Web.Tests.Infrastructure;

namespace Disclosure.Web.Tests;

/// <summary>
/// The wording a citizen reads on the public pages (issue 12 §4): one breadcrumb style on every page, titles without a
/// doubled 年度, a single year printed once, one date style, the fee total in 万元 only, the findings summary linking to
/// the findings, the print colophon, and the trends page of an office with one year.
/// </summary>
[Collection(PortalCollections.Public)]
public sealed partial class PublicWordingTests(PortalFactory portal)
{
    [Theory]
    [InlineData("/years/2023", "2023年度")]
    [InlineData("/agencies", "机关名录")]
    [InlineData("/agencies/zhongwei-commerce", "中卫市商务局")]
    [InlineData("/agencies/hongze-district/trends", "历年数据")]
    [InlineData("/reports/zhongwei-commerce/2023", "2023年度报告")]
    [InlineData("/statistics", "统计")]
    [InlineData("/statistics/2023", "2023年度")]
    [InlineData("/compare", "机关对比")]
    [InlineData("/data-quality", "数据核对")]
    [InlineData("/data", "数据下载")]
    [InlineData("/data/api", "接口说明")]
    public async Task EveryPublicPageButHome_HasTheSameBreadcrumb_FromHomeToItself(string path, string here)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync(path);

        var trail = page.QuerySelectorAll("nav.breadcrumb");
        Assert.Single(trail);
        Assert.Equal("当前位置", trail[0].GetAttribute("aria-label"));
        var items = trail[0].QuerySelectorAll("li");
        Assert.Equal("/", items[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("首页", items[0].Text());
        Assert.Equal(here, items[^1].Text());
        Assert.Equal("page", items[^1].GetAttribute("aria-current"));
        Assert.All(items.SkipLast(1), li => Assert.NotNull(li.QuerySelector("a[href]")));
    }

    [Fact]
    public async Task HomePage_HasNoBreadcrumb()
    {
        using var client = portal.CreateClient();
        Assert.Empty((await client.GetDocumentAsync("/")).QuerySelectorAll("nav.breadcrumb"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/years/2023")]
    [InlineData("/agencies/zhongwei-commerce")]
    [InlineData("/agencies/hongze-district/trends")]
    [InlineData("/reports/zhongwei-commerce/2023")]
    [InlineData("/statistics/2023")]
    [InlineData("/data-quality")]
    public async Task Titles_NeverDoubleTheYearWord_NorPrintASingleYearAsARange(string path)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync(path);
        var text = page.QuerySelector("main")!.TextContent;

        Assert.DoesNotMatch(YearRangeOfOneYear(), text);
        foreach (var heading in page.QuerySelectorAll("main h1, main h2, main a").Select(e => e.Text()))
        {
            Assert.DoesNotMatch(DoubledYearWord(), heading);
        }
    }

    [Fact]
    public async Task YearPage_AndAgencyPage_NameTheReportAsItIsTitled()
    {
        using var client = portal.CreateClient();
        Assert.Equal("2023年政府信息公开工作年度报告", (await client.GetDocumentAsync("/years/2023")).QuerySelector("h1")!.Text());
        var agency = await client.GetDocumentAsync("/agencies/zhongwei-commerce");
        Assert.Equal("中卫市商务局2023年政府信息公开工作年度报告", agency.QuerySelector(".report-list a[href='/reports/zhongwei-commerce/2023']")!.Text());
    }

    [Fact]
    public async Task FeeTotal_IsInWanYuan_WithoutTheFenItWasAddedIn()
    {
        using var client = portal.CreateClient();
        var fee = (await client.GetDocumentAsync("/statistics/2023")).QuerySelector("#fee-total")!.Text();
        Assert.Equal("7730.28 万元", fee);
    }

    [Fact]
    public async Task ReportPage_HasNoIsoDates_AndTheFindingsSummaryLinksToTheFindings()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/reports/hongze-district/2023");

        var main = page.QuerySelector("main")!.TextContent;
        Assert.DoesNotMatch(IsoDate(), main);

        var summary = page.QuerySelector("#findings-summary")!;
        Assert.StartsWith("本报告有 2 处数据不符合报告格式的勾稽关系", summary.Text(), StringComparison.Ordinal);
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(["#t4-findings"], links);
        Assert.NotNull(page.QuerySelector("aside#t4-findings"));
    }

    [Fact]
    public async Task ReportPage_CarriesThePrintColophon_SourceVersionAndAddress()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/reports/zhongwei-commerce/2023");

        var colophon = page.QuerySelector("footer.print-colophon")!.Text();
        Assert.Contains("本页打印自", colophon, StringComparison.Ordinal);
        Assert.Contains("http://localhost/reports/zhongwei-commerce/2023", colophon, StringComparison.Ordinal);
        Assert.Contains("中卫市商务局2023年度报告，第 1 版（现行版本）", colophon, StringComparison.Ordinal);
        Assert.Contains("示例数据（节录已公开的报告）", colophon, StringComparison.Ordinal);
        Assert.Contains("本平台排版，不是机关发布的原件", colophon, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trends_WithOneYear_SaysThereIsNoTrendYet_ShowsTheTable_AndTitlesAboveCharts()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/agencies/hongze-district/trends");

        var lead = page.QuerySelector("#trends-lead")!.Text();
        Assert.Contains("只有2023年度一份报告，还看不出变化趋势", lead, StringComparison.Ordinal);
        Assert.DoesNotContain("2023—2023", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#trends-table tr[data-year='2023']"));
        Assert.All(page.QuerySelectorAll("figure.chart-figure"), figure => Assert.Equal("FIGCAPTION", figure.FirstElementChild!.TagName));
    }

    [GeneratedRegex(@"(\d{4})—\1")]
    private static partial Regex YearRangeOfOneYear();

    [GeneratedRegex(@"年度.*年度报告")]
    private static partial Regex DoubledYearWord();

    [GeneratedRegex(@"\b\d{4}-\d{2}-\d{2}\b")]
    private static partial Regex IsoDate();
}
