using System.Text.RegularExpressions;
using Disclosure.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Disclosure.EndToEnd;

/// <summary>A member of the public finds a report, reads its tables on a desktop and on a phone, and mistypes an address.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReadingAReportTests(BrowserFixture browser, PortalServer portal)
{
    private const string ReportPath = "/reports/zhongwei-commerce/2023";

    [BrowserFact]
    public async Task HomePage_ClickingZhongweiCommerce2023_ShowsEveryFigureOfTables3And4InItsOwnCell()
    {
        await using var context = await NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        var latest = page.GetByRole(AriaRole.Region, new() { Name = "最新公开的报告" });
        await latest.GetByRole(AriaRole.Link, new() { Name = "中卫市商务局2023年政府信息公开工作年度报告", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Uri(portal.BaseAddress, ReportPath).ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync(new Regex(@"^\s*中卫市商务局\s*2023年政府信息公开工作年度报告\s*$")); // printed on two lines

        using var sample = Fixtures.JsonDocument(Fixtures.Zhongwei2023);
        var expected = new List<(string Selector, string Text)>();
        var applications = sample.RootElement.GetProperty("applications");
        var columns = applications.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        foreach (var row in applications.GetProperty("rows").EnumerateObject())
        {
            var values = row.Value.EnumerateArray().ToList();
            Assert.Equal(columns.Count, values.Count);
            for (var c = 0; c < columns.Count; c++)
            {
                expected.Add(($"td[headers~=\"t3-r-{row.Name}\"][headers~=\"t3-c-{columns[c]}\"]", Cells.Printed(values[c])));
            }
        }

        foreach (var row in sample.RootElement.GetProperty("reviews").EnumerateObject())
        {
            foreach (var field in row.Value.EnumerateObject())
            {
                expected.Add(($"td[headers~=\"t4-{row.Name}\"][headers~=\"t4-{row.Name}-{field.Name}\"]", Cells.Printed(field.Value)));
            }
        }

        Assert.Equal(25 * 7 + 3 * 5, expected.Count);
        var wrong = new List<string>();
        foreach (var (selector, text) in expected)
        {
            var cell = page.Locator(selector);
            var count = await cell.CountAsync();
            if (count != 1)
            {
                wrong.Add($"{selector}: {count} cells");
                continue;
            }

            var shown = (await cell.TextContentAsync())?.Trim();
            var visible = await cell.IsVisibleAsync();
            if (shown != text || !visible)
            {
                wrong.Add($"{selector}: shows \"{shown}\"{(visible ? "" : " (not visible)")}, published \"{text}\"");
            }
        }

        Assert.True(wrong.Count == 0, "Cells that do not show the published figure:\n" + string.Join('\n', wrong));

        // Spot checks a reader would make against the printed report.
        await Assertions.Expect(page.Locator("td[headers~=\"t3-r-new\"][headers~=\"t3-c-natural_person\"]")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("td[headers~=\"t3-r-total_processed\"][headers~=\"t3-c-total\"]")).ToHaveTextAsync("1");
        await Screenshots.SaveAsync(page, "desktop-1280-report-zhongwei-commerce-2023");
    }

    [BrowserFact]
    public async Task ReportOnPhone_PageDoesNotScrollSideways_WideTablesScrollInTheirOwnBox()
    {
        await using var context = await NewContextAsync(375, 812);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await AssertNoSidewaysPageScrollAsync(page);
        await Screenshots.SaveAsync(page, "phone-375-home");

        await page.GotoAsync(ReportPath);
        await AssertNoSidewaysPageScrollAsync(page);
        var cutOff = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('main *')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.width > 1 && r.left < -0.5; })
                .map(e => `${e.tagName} "${e.textContent.trim().slice(0, 30)}" starts at x=${Math.round(e.getBoundingClientRect().left)}`)
            """);
        Assert.True(cutOff.Length == 0, "Cut off at the left edge of the phone:\n" + string.Join('\n', cutOff));
        foreach (var table in new[] { "t3", "t4" })
        {
            var box = page.Locator($".table-scroll:has(table.{table})");
            await Assertions.Expect(box).ToHaveCountAsync(1);
            var widths = await box.EvaluateAsync<int[]>("b => [b.scrollWidth, b.clientWidth]");
            var (scrollWidth, clientWidth) = (widths[0], widths[1]);
            Assert.True(scrollWidth > clientWidth, $"table {table}: its box should scroll ({scrollWidth} wide in {clientWidth})");

            // A reader swipes the table sideways: the table moves, the page does not.
            await box.ScrollIntoViewIfNeededAsync();
            await box.HoverAsync();
            await page.Mouse.WheelAsync(200, 0);
            await box.EvaluateAsync("b => new Promise(done => { const t = Date.now(); (function wait() { if (b.scrollLeft > 0 || Date.now() - t > 3000) done(); else requestAnimationFrame(wait); })(); })");
            var scrollLeft = await box.EvaluateAsync<double>("b => b.scrollLeft");
            Assert.True(scrollLeft > 0, $"table {table}: a sideways swipe did not scroll its box");
            await AssertNoSidewaysPageScrollAsync(page);
        }

        await page.EvaluateAsync("() => { document.querySelectorAll('.table-scroll').forEach(b => b.scrollLeft = 0); window.scrollTo(0, 0); }");
        await Screenshots.SaveAsync(page, "phone-375-report-zhongwei-commerce-2023");
    }

    [BrowserFact]
    public async Task UnknownReport_ShowsTheFriendlyNotFoundPage()
    {
        await using var context = await NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/reports/zhongwei-commerce/1999");

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("页面不存在");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "返回首页" })).ToBeVisibleAsync();
    }

    private static async Task AssertNoSidewaysPageScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, innerWidth) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= innerWidth + 1, $"{page.Url}: the page is {scrollWidth}px wide in a {innerWidth}px window");
    }

    private Task<IBrowserContext> NewContextAsync(int width, int height) =>
        browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            Locale = "zh-CN",
        });
}
