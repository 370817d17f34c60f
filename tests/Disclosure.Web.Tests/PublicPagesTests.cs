using System.Net;
using Disclosure.Web.Tests.Infrastructure;

namespace Disclosure.Web.Tests;

[Collection(PortalCollections.Public)]
public sealed class PublicPagesTests(PortalFactory portal)
{
    [Fact]
    public async Task Home_ListsTheLatestReports_TheYears_AndTheAgenciesByLevel()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/");
        var latest = page.QuerySelectorAll("section[aria-labelledby=latest] a").Select(a => a.GetAttribute("href")).ToArray();
        Assert.Equal(4, latest.Length);
        Assert.Contains("/reports/zhongwei-commerce/2023", latest);
        Assert.Equal(["/years/2023", "/years/2021", "/years/2019"], page.QuerySelectorAll(".year-list a").Select(a => a.GetAttribute("href")));
        var levels = page.QuerySelectorAll(".agency-group h3").Select(h => h.Text()).ToArray();
        Assert.Equal(["省级部门（1）", "市政府（2）", "市直部门（1）", "区县政府（1）"], levels);
        Assert.NotNull(page.QuerySelector("form[role=search][action='/agencies'] input[name=q]"));
        Assert.Contains("（演示）", page.QuerySelector(".site-name")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_WithManyAgenciesInALevel_ShowsTheFirstTwelve_AndLinksToAllOfThem()
    {
        using var many = new PortalFactory();
        await many.WithDbAsync(async db =>
        {
            for (var i = 0; i < 20; i++)
            {
                db.Agencies.Add(new Disclosure.Domain.Agencies.Agency($"county-dept-{i:00}", $"测试县第{i:00}局", Disclosure.Domain.Agencies.AgencyLevel.CountyDepartment));
            }

            await db.SaveChangesAsync();
        });

        using var client = many.CreateClient();
        var page = await client.GetDocumentAsync("/");
        var group = page.QuerySelectorAll(".agency-group").Single(g => g.QuerySelector("h3")!.Text() == "区县部门（20）");
        Assert.Equal(12, group.QuerySelectorAll(".agency-list a").Length);
        var more = group.QuerySelector(".more a")!;
        Assert.Equal("查看全部 20 个区县部门", more.Text());

        var directory = await client.GetDocumentAsync(more.GetAttribute("href")!);
        var heading = directory.GetElementById(more.GetAttribute("href")!.Split('#')[1])!;
        Assert.Equal(20, heading.ParentElement!.QuerySelectorAll(".agency-list a").Length);
    }

    [Fact]
    public async Task Year_ListsThatYearsReports()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/years/2023");
        Assert.Equal(
            ["/reports/hongze-district/2023", "/reports/zhongwei-commerce/2023"],
            page.QuerySelectorAll(".report-list a").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AgencySearch_FindsByPartOfTheName()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/agencies?q=" + Uri.EscapeDataString("商务"));
        Assert.Equal(["/agencies/zhongwei-commerce"], page.QuerySelectorAll(".agency-list a").Select(a => a.GetAttribute("href")));
        var none = await client.GetDocumentAsync("/agencies?q=" + Uri.EscapeDataString("不存在的机关<script>"));
        Assert.Empty(none.QuerySelectorAll(".agency-list a"));
        Assert.Contains("0 个", none.QuerySelector("[role=status]")!.Text(), StringComparison.Ordinal);
        Assert.Empty(none.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task Agency_ShowsContactDetails_ParentAndEveryPublishedYear()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/agencies/zhongwei-commerce");
        Assert.Equal("中卫市商务局", page.QuerySelector("h1")!.Text());
        var facts = page.QuerySelector("dl.facts")!.Text();
        Assert.Contains("中卫市行政中心 534 室", facts, StringComparison.Ordinal);
        Assert.Contains("0955—7068880", facts, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("dl.facts a[href='/agencies/zhongwei']"));
        Assert.Equal(["/reports/zhongwei-commerce/2023"], page.QuerySelectorAll(".report-list a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/reports/nobody/2023")]
    [InlineData("/reports/zhongwei-commerce/2022")]
    [InlineData("/reports/zhongwei-commerce/1900")]
    [InlineData("/reports/zhongwei-commerce/99999999999")]
    [InlineData("/reports/zhongwei-commerce/abc")]
    [InlineData("/reports/Zhongwei_Commerce/2023")]
    [InlineData("/reports/zhongwei-commerce/2022.json")]
    [InlineData("/reports/%E4%B8%AD%E5%8D%AB/2023")]
    [InlineData("/reports/zhongwei-commerce/2023/extra")]
    [InlineData("/agencies/nobody")]
    [InlineData("/agencies/NOT%20A%20SLUG")]
    [InlineData("/years/2030")]
    [InlineData("/years/-1")]
    [InlineData("/statistics/1900")]
    [InlineData("/agencies/Not_A_Slug/trends")]
    [InlineData("/no-such-page")]
    public async Task UnknownOrMalformed_IsAProper404Page(string url)
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync(url, expectedStatus: 404);
        Assert.Equal("页面不存在", page.QuerySelector("h1")!.Text());
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task Healthz_ReportsTheDatabaseHealthy()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_LinkTheStylesheets_IncludingThePrintOne()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/reports/pingtan/2021");
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][media=print][href^='/css/print.css']"));
        using var css = await client.GetAsync(new Uri("/css/print.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("size: A4", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

[Collection(PortalCollections.Production)]
public sealed class ProductionPortalTests(ProductionPortalFactory shared) : PortalTest<ProductionPortalFactory>(shared)
{
    [Fact]
    public async Task Production_StartsEmpty_WithoutDemoData()
    {
        using var client = Portal.CreateClient();
        var page = await client.GetDocumentAsync("/");
        Assert.DoesNotContain("（演示）", page.QuerySelector(".site-name")!.Text(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("section[aria-labelledby=latest] a").Select(a => a.OuterHtml));
        Assert.Contains("尚无已公开的报告", page.QuerySelector("section[aria-labelledby=latest]")!.Text(), StringComparison.Ordinal);
        await client.GetDocumentAsync("/reports/zhongwei-commerce/2023", expectedStatus: 404);
    }

    [Fact]
    public async Task Production_ErrorPages_ShowNoStackTrace()
    {
        using var client = Portal.CreateClient();
        var page = await client.GetDocumentAsync("/error/500", expectedStatus: 500);
        Assert.Equal("出错了", page.QuerySelector("h1")!.Text());
        Assert.DoesNotContain("Exception", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }
}
