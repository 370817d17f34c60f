using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using Disclosure.Web.Tests.Infrastructure;

namespace Disclosure.Web.Tests;

/// <summary>/statistics/2023 against sums worked out here from the two published 2023 samples.</summary>
[Collection(PortalCollections.Public)]
public sealed class StatisticsPageTests(PortalFactory portal)
{
    internal static readonly string[] Samples2023 = ["zhongwei-commerce-2023", "hongze-district-2023"];

    [Fact]
    public async Task Statistics2023_TableThree_IsTheCellByCellSumOfBothReports()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/statistics/2023");

        // 洪泽 uses the single （六）其他处理 row, so the totals do too: 中卫's other_1..other_3 add into it.
        var expected = new Dictionary<string, long[]>();
        foreach (var name in Samples2023)
        {
            using var json = JsonDocument.Parse(Fixtures.Json(name));
            foreach (var row in json.RootElement.GetProperty("applications").GetProperty("rows").EnumerateObject())
            {
                var key = row.Name.StartsWith("other_", StringComparison.Ordinal) ? "other" : row.Name;
                var sums = expected.TryGetValue(key, out var s) ? s : expected[key] = new long[7];
                var i = 0;
                foreach (var cell in row.Value.EnumerateArray())
                {
                    sums[i++] += cell.ValueKind == JsonValueKind.Null ? 0 : cell.GetInt64();
                }
            }
        }

        var table = page.QuerySelector("#t3-totals")!;
        Assert.Equal(23, table.QuerySelectorAll("tbody tr[data-row]").Length);
        foreach (var (row, sums) in expected)
        {
            Assert.Equal(sums.Select(v => v.ToString(CultureInfo.InvariantCulture)), Cells(table, row));
        }

        Assert.Contains("2 份报告合计", table.QuerySelector("caption")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics2023_TablesTwoAndFour_AddUp_AndTheFeeIsSummedExactly()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/statistics/2023");
        var proactive = new Dictionary<string, long>();
        var reviews = new Dictionary<string, long>();
        long fen = 0;
        foreach (var name in Samples2023)
        {
            using var json = JsonDocument.Parse(Fixtures.Json(name));
            foreach (var row in json.RootElement.GetProperty("proactive").EnumerateObject())
            {
                foreach (var cell in row.Value.EnumerateObject())
                {
                    if (cell.Name == "amount_wan_yuan")
                    {
                        fen += (long)(decimal.Parse(cell.Value.GetString()!, CultureInfo.InvariantCulture) * 1_000_000m);
                    }
                    else if (cell.Value.ValueKind == JsonValueKind.Number)
                    {
                        proactive[$"{row.Name}.{cell.Name}"] = proactive.GetValueOrDefault($"{row.Name}.{cell.Name}") + cell.Value.GetInt64();
                    }
                }
            }

            foreach (var group in json.RootElement.GetProperty("reviews").EnumerateObject())
            {
                foreach (var cell in group.Value.EnumerateObject())
                {
                    reviews[$"{group.Name}.{cell.Name}"] = reviews.GetValueOrDefault($"{group.Name}.{cell.Name}") + (cell.Value.ValueKind == JsonValueKind.Number ? cell.Value.GetInt64() : 0);
                }
            }
        }

        var t2 = page.QuerySelector("#t2-totals")!;
        foreach (var (key, sum) in proactive)
        {
            Assert.Equal([sum.ToString(CultureInfo.InvariantCulture)], Cells(t2, key));
        }

        Assert.Equal(7_730_280_000, fen);
        Assert.Equal(["7730.28"], Cells(t2, "fees.amount_wan_yuan"));
        Assert.Equal("7730.28 万元", page.QuerySelector("#fee-total")!.Text()); // exact sum in 分, shown in 万元 only

        // Table 四 by hand: 中卫 printed 0 everywhere; 洪泽 printed 行政复议 10 + 1 + 0 + 0 and 复议后起诉 5 + 0 + 0 + 0, each
        // with 总计 0. The totals add 洪泽's sums of parts, 11 and 5 (ADR 0016), marked as such; 未经复议直接起诉 is 0.
        var t4 = page.QuerySelector("#t4-totals")!;
        Assert.Equal(["10", "1", "0", "0", "11含按分项推算"], Cells(t4, "administrative_review"));
        Assert.Equal(["0", "0", "0", "0", "0"], Cells(t4, "litigation_direct"));
        Assert.Equal(["5", "0", "0", "0", "5含按分项推算"], Cells(t4, "litigation_after_review"));
        Assert.All(t4.QuerySelectorAll("a.derived-mark"), a => Assert.Equal("#derived", a.GetAttribute("href")));
        Assert.NotNull(page.QuerySelector("section[aria-labelledby=derived] a[href='/reports/hongze-district/2023#t4-findings']"));
    }

    [Fact]
    public async Task Statistics2023_RunsTheRulesOnTheTotals_WhichAddUpOnceTheWrongTotalsAreReplaced()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/statistics/2023");

        // 洪泽 printed 0 as the 总计 of 行政复议 (10 + 1) and of 复议后起诉 (5); the totals add the sums of the parts, so
        // they no longer inherit the two R4 errors (those stay in 洪泽's own 数据核对提示).
        Assert.Empty(page.QuerySelectorAll("#totals-findings li"));
        Assert.Contains("合计数符合", page.QuerySelector("#totals-findings")!.Text(), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("#t4-totals td.flagged"));
    }

    [Fact]
    public async Task Statistics2023_ListsTheOfficesWithoutA2023Report()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/statistics/2023");
        Assert.Equal(
            ["/agencies/pingtan", "/agencies/shanghai-govoffice", "/agencies/zhongwei"],
            page.QuerySelectorAll(".not-published a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal));
        Assert.Contains("2 份", page.QuerySelector("#report-count")!.Text(), StringComparison.Ordinal);
        Assert.Contains("3 个", page.QuerySelector("h2#not-published")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics2023_RankingsShowTheirDenominators()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/statistics/2023");
        long New(string sample, string row)
        {
            using var json = JsonDocument.Parse(Fixtures.Json(sample));
            return json.RootElement.GetProperty("applications").GetProperty("rows").GetProperty(row)[6].GetInt64();
        }

        var hongzeNew = New("hongze-district-2023", "new");
        var allNew = hongzeNew + New("zhongwei-commerce-2023", "new");
        var most = page.QuerySelectorAll("#most-applications tbody tr").ToList();
        Assert.Equal(2, most.Count);
        Assert.Equal("/reports/hongze-district/2023", most[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(hongzeNew.ToString(CultureInfo.InvariantCulture), most[0].QuerySelector(".value")!.Text());
        Assert.Contains($"占全部 {allNew} 件", most[0].QuerySelector(".basis")!.Text(), StringComparison.Ordinal);

        var share = page.QuerySelectorAll("#granted-share tbody tr").ToList();
        Assert.NotEmpty(share);
        foreach (var line in share)
        {
            var slug = line.QuerySelector("a")!.GetAttribute("href")!.Split('/')[2];
            var sample = slug + "-2023";
            var granted = New(sample, "granted");
            var processed = New(sample, "total_processed");
            Assert.Equal($"予以公开 {granted} ÷ 办理结果总计 {processed}", line.QuerySelector(".basis")!.Text());
            Assert.Equal((100m * granted / processed).ToString("0.0", CultureInfo.InvariantCulture) + "%", line.QuerySelector(".value")!.Text());
        }

        // 洪泽 printed 0 for all three 总计 of table 四, but its parts hold 10 + 1 (复议) and 5 (复议后起诉): the ranking
        // counts 11 + 0 + 5 = 16, marks it and links to 洪泽's finding (issue 12: it used to be an empty table).
        var reviews = page.QuerySelectorAll("#most-reviews tbody tr").ToList();
        Assert.Single(reviews);
        Assert.Equal("16按分项推算", reviews[0].QuerySelector(".value")!.Text());
        Assert.Equal("/reports/hongze-district/2023#t4-findings", reviews[0].QuerySelector(".value a.derived-mark")!.GetAttribute("href"));
        Assert.Equal("行政复议 11 + 行政诉讼 5；占全部 16 件的 100.0%", reviews[0].QuerySelector(".basis")!.Text());
        Assert.Contains("分母为全部报告合计 16 件", page.QuerySelector("section[aria-labelledby=rankings]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_BreaksDownByLevelAndParent()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/statistics/2023");
        var levels = page.QuerySelectorAll("#breakdown-level tbody tr").Select(r => r.QuerySelector("th")!.FirstChild!.TextContent.Trim()).ToList();
        Assert.Contains("市直部门", levels);
        Assert.Contains("区县政府", levels);
        var parents = page.QuerySelectorAll("#breakdown-parent tbody th").Select(th => th.Text()).ToList();
        Assert.Contains("中卫市人民政府", parents);
    }

    [Theory]
    [InlineData("/statistics/2000", 404)]
    [InlineData("/statistics/abc", 404)]
    [InlineData("/statistics/99999", 404)]
    public async Task Statistics_BadYear_IsNotFound(string url, int status)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task StatisticsIndex_AndNav_LinkEveryYear()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/statistics");
        Assert.Equal(["/statistics/2023", "/statistics/2021", "/statistics/2019"], page.QuerySelectorAll(".year-list a").Select(a => a.GetAttribute("href")));
        var nav = page.QuerySelectorAll(".site-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/statistics", nav);
        Assert.Contains("/data-quality", nav);
        Assert.Contains("/data", nav);
    }

    private static IEnumerable<string> Cells(IElement table, string row) =>
        table.QuerySelector($"tr[data-row='{row}']")?.QuerySelectorAll("td").Select(td => td.Text())
        ?? throw new Xunit.Sdk.XunitException($"No row {row} in #{table.Id}");
}
