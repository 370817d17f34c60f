using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Disclosure.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Disclosure.EndToEnd;

/// <summary>The pages a reader passes through, checked by axe-core and by keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, PortalServer portal, ITestOutputHelper output)
{
    [BrowserTheory]
    [InlineData("/", "desktop-1280-home")]
    [InlineData("/agencies/zhongwei-commerce", null)]
    [InlineData("/reports/zhongwei-commerce/2023", null)]
    [InlineData("/reports/hongze-district/2023", "desktop-1280-report-hongze-district-2023")]
    public async Task Page_HasNoSeriousOrCriticalAxeViolations(string path, string? screenshot)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response?.Status);

        var result = await page.RunAxe();

        output.WriteLine($"axe on {path}: {result.Violations.Length} violation(s), {result.Passes.Length} rule(s) passed");
        output.WriteLine(Describe(result.Violations));
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {path}:\n" + Describe(serious));
        if (screenshot is not null)
        {
            await Screenshots.SaveAsync(page, screenshot);
        }
    }

    [BrowserFact]
    public async Task Keyboard_FirstTabStopIsTheSkipLink_WhichMovesFocusToMain()
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/reports/zhongwei-commerce/2023");

        await page.Keyboard.PressAsync("Tab");

        var skip = page.Locator(":focus");
        await Assertions.Expect(skip).ToHaveTextAsync("跳到正文");
        await Assertions.Expect(skip).ToBeVisibleAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        var next = await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)");
        Assert.True(next, "after the skip link, the next Tab stop should be inside the main content");
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join('\n', violations.Select(v =>
        $"- {v.Id} ({v.Impact}): {v.Help}\n" + string.Join('\n', v.Nodes.Select(n => $"    {n.Target}  {n.Html}"))));

    private Task<IBrowserContext> NewContextAsync() =>
        browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            Locale = "zh-CN",
        });
}
