using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Disclosure.EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Disclosure.EndToEnd;

/// <summary>
/// 中卫市商务局's Editor enters the 2024 report (中卫's 2023 figures), mistypes one cell and fixes it, submits; the
/// Reviewer approves; the Administrator publishes, then corrects one figure. Axe checks each staff page on the way.
/// Three sign-ins in all (the login limit is 10 a minute per address).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class StaffJourneyTests(BrowserFixture browser, HttpsPortalServer portal, ITestOutputHelper output)
{
    private const string Workspace = "/admin/reports/zhongwei-commerce/2024";
    private const string PublicPage = "/reports/zhongwei-commerce/2024";

    private readonly List<string> _axeProblems = [];

    [BrowserFact]
    public async Task Editor_EntersTheReport_ReviewerApproves_AdministratorPublishesAndCorrects()
    {
        using var sample = Fixtures.JsonDocument(Fixtures.Zhongwei2023);

        // The Editor.
        await using (var context = await NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            await AxeAsync(page, "login");
            await StaffSignIn.SignInAsync(page, "editor@demo.local");

            await page.GotoAsync(Workspace);
            await page.GetByRole(AriaRole.Button, new() { Name = "新建草稿" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已新建报告草稿。");
            await AxeAsync(page, "workspace");
            await Screenshots.SaveAsync(page, "staff-01-workspace-draft");

            await page.GotoAsync(Workspace + "/metadata");
            await AxeAsync(page, "metadata");
            await page.GotoAsync(Workspace + "/sections");
            await AxeAsync(page, "sections");

            // Table 三, with one letter where a digit belongs; the totals follow the typing before anything is saved.
            await page.GotoAsync(Workspace + "/table/3");
            var applications = sample.RootElement.GetProperty("applications");
            var columns = applications.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            foreach (var row in applications.GetProperty("rows").EnumerateObject().Where(r => r.Name != "total_processed"))
            {
                var values = row.Value.EnumerateArray().ToList();
                for (var c = 0; c < columns.Count; c++)
                {
                    if (columns[c] != "total")
                    {
                        var typed = row.Name == "other_3" && columns[c] == "natural_person" ? "l" : Cells.Printed(values[c]);
                        await page.Locator(Cell(row.Name, columns[c])).FillAsync(typed);
                    }
                }
            }

            await Assertions.Expect(Output(page, "new", "total")).ToHaveTextAsync("1");
            await Assertions.Expect(Output(page, "total_processed", "natural_person")).ToHaveTextAsync("?");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

            var badCell = page.Locator(Cell("other_3", "natural_person"));
            await Assertions.Expect(badCell).ToHaveValueAsync("l");
            await Assertions.Expect(badCell).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.Locator(Cell("other_3", "natural_person") + "-error")).ToHaveTextAsync("请填写整数，如 12；无数据请留空。");
            await Assertions.Expect(page.Locator(Cell("new", "natural_person"))).ToHaveValueAsync("1");
            await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "staff-02-table3-with-error");

            await badCell.FillAsync("1");
            await Assertions.Expect(Output(page, "total_processed", "natural_person")).ToHaveTextAsync("1");
            await Assertions.Expect(Output(page, "total_processed", "total")).ToHaveTextAsync("1");
            await Assertions.Expect(Output(page, "other_3", "total")).ToHaveTextAsync("1");
            await Assertions.Expect(page.Locator("[data-balance-col='natural_person']")).ToHaveTextAsync("✓");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
            await Assertions.Expect(page.Locator(".error-message")).ToHaveCountAsync(0);
            await Assertions.Expect(Output(page, "total_processed", "total")).ToHaveTextAsync("1");
            await AxeAsync(page, "table 3");
            await Screenshots.SaveAsync(page, "staff-03-table3-saved");

            // Tables 二 and 四.
            await page.GotoAsync(Workspace + "/table/2");
            foreach (var row in sample.RootElement.GetProperty("proactive").EnumerateObject())
            {
                foreach (var cell in row.Value.EnumerateObject())
                {
                    await page.Locator(Cell(row.Name, cell.Name)).FillAsync(Cells.Printed(cell.Value));
                }
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");

            await page.GotoAsync(Workspace + "/table/4");
            foreach (var group in sample.RootElement.GetProperty("reviews").EnumerateObject())
            {
                foreach (var cell in group.Value.EnumerateObject().Where(c => c.Name != "total"))
                {
                    await page.Locator(Cell(group.Name, cell.Name)).FillAsync(Cells.Printed(cell.Value));
                }
            }

            await Assertions.Expect(page.Locator("output[data-row='administrative_review'][data-col='total']")).ToHaveTextAsync("0");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");

            await page.GotoAsync(Workspace + "/check");
            await Assertions.Expect(page.GetByText("未发现不符合勾稽关系的数据。")).ToBeVisibleAsync();
            await AxeAsync(page, "check");
            await Screenshots.SaveAsync(page, "staff-04-check");

            await page.GotoAsync(Workspace);
            await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已提交审核。");
            await Screenshots.SaveAsync(page, "staff-05-workspace-submitted");
        }

        // The Reviewer.
        await using (var context = await NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            await StaffSignIn.SignInAsync(page, "reviewer@demo.local");
            await page.GotoAsync(Workspace);
            await page.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已审核通过。");
        }

        // The Administrator publishes, then corrects 行政许可 13 → 14.
        await using (var context = await NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            await StaffSignIn.SignInAsync(page, "admin@demo.local");
            await page.GotoAsync(Workspace);
            await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已发布，公众现在可以看到本报告。");

            await page.GotoAsync(PublicPage);
            await Assertions.Expect(page.Locator("td[headers~='t3-r-new'][headers~='t3-c-total']")).ToHaveTextAsync("1");
            await Assertions.Expect(page.Locator("td[headers~='t3-r-other_3'][headers~='t3-c-natural_person']")).ToHaveTextAsync("1");
            await Assertions.Expect(Licensing(page)).ToHaveTextAsync("13");

            await page.GotoAsync(Workspace);
            await page.GetByLabel("更正说明（必填").FillAsync("行政许可决定数量更正为 14 件。");
            await page.GetByRole(AriaRole.Button, new() { Name = "发起更正" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToContainTextAsync("已发起更正");
            await page.GotoAsync(Workspace + "/table/2");
            await page.Locator(Cell("licensing", "decisions")).FillAsync("14");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
            await page.GotoAsync(Workspace);
            await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已提交审核。");

            // Whoever submitted cannot approve (separation of duties): the Reviewer approves the correction.
            await using (var reviewerContext = await NewContextAsync())
            {
                var reviewerPage = await reviewerContext.NewPageAsync();
                await reviewerPage.GotoAsync("/account/login");
                await StaffSignIn.SignInAsync(reviewerPage, "reviewer@demo.local");
                await reviewerPage.GotoAsync(Workspace);
                await reviewerPage.GetByRole(AriaRole.Button, new() { Name = "审核通过" }).ClickAsync();
                await Assertions.Expect(reviewerPage.Locator("p.flash--ok")).ToHaveTextAsync("已审核通过。");
            }

            await page.GotoAsync(Workspace);
            await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已发布，公众现在可以看到本报告。");
            await Screenshots.SaveAsync(page, "staff-06-workspace-corrected");

            await page.GotoAsync(PublicPage);
            await Assertions.Expect(Licensing(page)).ToHaveTextAsync("14");
            var history = page.Locator("details.corrections");
            await Assertions.Expect(history.Locator("summary")).ToHaveTextAsync(CorrectedOnce());
            await history.Locator("summary").ClickAsync();
            await Assertions.Expect(history).ToContainTextAsync("行政许可决定数量更正为 14 件。");
            await Assertions.Expect(history.GetByRole(AriaRole.Link, new() { Name = "第 1 版" })).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "staff-07-public-corrected");
        }

        Assert.True(_axeProblems.Count == 0, string.Join('\n', _axeProblems));
    }

    private static string Cell(string row, string column) => $"#f-Cells-{row}-{column}";

    private static ILocator Output(IPage page, string row, string column) => page.Locator($"output[data-row='{row}'][data-col='{column}']");

    private static ILocator Licensing(IPage page) => page.Locator("tr:has(#t2-r-licensing) td");

    [GeneratedRegex(@"^\s*更正记录（本报告发布后更正过 1 次）\s*$")]
    private static partial Regex CorrectedOnce();

    private async Task AxeAsync(IPage page, string name)
    {
        var result = await page.RunAxe();
        output.WriteLine($"axe on {name} ({page.Url}): {result.Violations.Length} violation(s), {result.Passes.Length} rule(s) passed");
        foreach (var violation in result.Violations)
        {
            var line = $"- {name}: {violation.Id} ({violation.Impact}): {violation.Help}\n" + string.Join('\n', violation.Nodes.Take(5).Select(n => $"    {n.Target}  {n.Html}"));
            output.WriteLine(line);
            if (violation.Impact is "serious" or "critical")
            {
                _axeProblems.Add(line);
            }
        }
    }

    private Task<IBrowserContext> NewContextAsync() =>
        browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
            Locale = "zh-CN",
            IgnoreHTTPSErrors = true,
        });
}
