using System.Text.RegularExpressions;
using Disclosure.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Disclosure.EndToEnd;

/// <summary>
/// A clerk enters tables 二, 三 and 四 as clerks do: with the keyboard only, by pasting a block from Excel, with 空白填 0;
/// and loses nothing when leaving the page, when the tab closes, or when the session has expired at the moment of
/// saving. Every figure is checked where it was stored. Own portal (its own database and sign-in limit).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ReportEntryTests(BrowserFixture browser, HttpsPortalServer portal) : IClassFixture<HttpsPortalServer>
{
    private const string Workspace = "/admin/reports/zhongwei-commerce/2024";

    [BrowserTheory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task KeyboardOnly_EveryTypedFigureIsStoredInItsCell(int width)
    {
        await using var context = await NewContextAsync(width);
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, "editor@demo.local");
        await EnsureDraftAsync(page);

        foreach (var table in new[] { 2, 3, 4 })
        {
            await page.GotoAsync($"{Workspace}/table/{table}");
            var cells = await InputIdsAsync(page);
            var first = width * 10 + table * 1000; // distinct across tables and widths

            // Into the first cell from the element before it, as a clerk tabs in; then one Tab per cell.
            await page.Locator("#" + cells[0]).FocusAsync();
            await page.Keyboard.PressAsync("Shift+Tab");
            await page.Keyboard.PressAsync("Tab");
            for (var i = 0; i < cells.Count; i++)
            {
                Assert.Equal(cells[i], await page.EvaluateAsync<string>("() => document.activeElement.id"));
                await page.Keyboard.TypeAsync((first + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (i < cells.Count - 1)
                {
                    await page.Keyboard.PressAsync("Tab");
                }
            }

            // Enter in a cell moves on; it does not submit the form.
            await page.Keyboard.PressAsync("Enter");
            Assert.EndsWith($"/table/{table}", page.Url, StringComparison.Ordinal);
            await Screenshots.SaveAsync(page, $"entry-keyboard-t{table}-{width}");

            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
            var stored = await ValuesAsync(page);
            for (var i = 0; i < cells.Count; i++)
            {
                Assert.True((first + i).ToString(System.Globalization.CultureInfo.InvariantCulture) == stored[cells[i]], $"表{table} {cells[i]}: typed {first + i}, stored '{stored[cells[i]]}'");
            }
        }
    }

    [BrowserFact]
    public async Task Table3_EnterAndArrowsMoveDownAColumn_TotalsFollowFullWidthAndSeparatedNumbers()
    {
        await using var context = await NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, "editor@demo.local");
        await EnsureDraftAsync(page);
        await page.GotoAsync($"{Workspace}/table/3");

        var column = (await InputIdsAsync(page)).Where(id => id.EndsWith("-legal_services", StringComparison.Ordinal)).ToList();
        await page.Locator("#" + column[0]).FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        for (var i = 0; i < column.Count; i++)
        {
            Assert.Equal(column[i], await page.EvaluateAsync<string>("() => document.activeElement.id"));
            await page.Keyboard.TypeAsync((500 + i).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.Keyboard.PressAsync(i % 2 == 0 ? "Enter" : "ArrowDown");
        }

        // R5 as one types: 二、上年结转 differs from 2023's 结转下年度继续办理 (0) in this column.
        await Assertions.Expect(page.Locator("[data-carry-status]")).ToContainTextAsync("上年结转衔接（R5）");
        await Assertions.Expect(page.Locator("[data-carry-status]")).ToContainTextAsync("“法律服务机构”列上年为 0，本表为 501");
        await page.Keyboard.PressAsync("Shift+Enter");
        Assert.Equal(column[^2], await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowUp");
        Assert.Equal(column[^3], await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // 一、本年新收: a full-width figure from a Chinese input method and one with a thousands separator.
        await page.Locator("#f-Cells-new-natural_person").FillAsync("１２");
        await page.Locator("#f-Cells-new-commercial").FillAsync("1,200");
        await page.Locator("#f-Cells-new-research").FillAsync("");
        await page.Locator("#f-Cells-new-social_welfare").FillAsync("");
        await page.Locator("#f-Cells-new-legal_services").FillAsync("");
        await page.Locator("#f-Cells-new-other_org").FillAsync("3");
        await Assertions.Expect(page.Locator("output[data-row='new'][data-col='total']")).ToHaveTextAsync("1215");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");

        var stored = await ValuesAsync(page);
        Assert.Equal("12", stored["f-Cells-new-natural_person"]);
        Assert.Equal("1200", stored["f-Cells-new-commercial"]);
        await Assertions.Expect(page.Locator("output[data-row='new'][data-col='total']")).ToHaveTextAsync("1215");
        for (var i = 1; i < column.Count; i++)
        {
            Assert.Equal((500 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), stored[column[i]]);
        }
    }

    [BrowserFact]
    public async Task PastingABlockFromExcel_FillsTheGridRightAndDown_AndSaysWhatDidNotFit_FillZeroFillsTheBlanks()
    {
        await using var context = await NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, "editor@demo.local");
        await EnsureDraftAsync(page);
        await page.GotoAsync($"{Workspace}/table/3");

        // Rows 一、本年新收 and 二、上年结转, copied with their 总计 column and one column too many; Excel ends with a newline;
        // a full-width digit and a thousands separator among them.
        const string block = "1\t2\t3\t4\t5\t6\t21\t99\r\n８\t1,000\t0\t0\t0\t0\t1008\t99\r\n";
        await page.Locator("#f-Cells-new-natural_person").FocusAsync();
        await PasteAsync(page, "#f-Cells-new-natural_person", block);
        await Assertions.Expect(page.Locator("[data-entry-status]")).ToHaveTextAsync(
            "已粘贴 2 行 × 8 列：填入 12 格；2 个数落在自动计算的合计格，未填入；2 个数超出表格，未填入。保存后生效。");
        await Assertions.Expect(page.Locator("output[data-row='new'][data-col='total']")).ToHaveTextAsync("21");
        await Assertions.Expect(page.Locator("output[data-row='carried_over'][data-col='total']")).ToHaveTextAsync("1008");
        await Screenshots.SaveAsync(page, "entry-paste");

        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
        var stored = await ValuesAsync(page);
        string[] columns = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org"];
        Assert.Equal(["1", "2", "3", "4", "5", "6"], columns.Select(c => stored[$"f-Cells-new-{c}"]));
        Assert.Equal(["8", "1000", "0", "0", "0", "0"], columns.Select(c => stored[$"f-Cells-carried_over-{c}"]));

        // 空白填 0 on table 四 with three cells left blank.
        await page.GotoAsync($"{Workspace}/table/4");
        var cells = await InputIdsAsync(page);
        foreach (var id in cells)
        {
            await page.Locator("#" + id).FillAsync(id.EndsWith("-upheld", StringComparison.Ordinal) ? "" : "1");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "空白填 0" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-entry-status]")).ToHaveTextAsync("已将 3 个空白格填为 0。保存后生效。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
        stored = await ValuesAsync(page);
        Assert.All(cells, id => Assert.Equal(id.EndsWith("-upheld", StringComparison.Ordinal) ? "0" : "1", stored[id]));
    }

    [BrowserFact]
    public async Task UnsavedFigures_AreGuardedOnLeaving_KeptAcrossAClosedTab_AndSurviveAnExpiredSession()
    {
        await using var context = await NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, "editor@demo.local");
        await EnsureDraftAsync(page);
        const string cell = "#f-Cells-licensing-decisions";

        // Leaving with an unsaved change asks first; staying keeps the figure.
        await page.GotoAsync($"{Workspace}/table/2");
        await page.Locator(cell).FillAsync("731");
        var asked = 0;
        page.Dialog += async (_, dialog) =>
        {
            asked++;
            await dialog.DismissAsync();
        };
        await page.GetByRole(AriaRole.Link, new() { Name = "返回" }).ClickAsync();
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(1, asked);
        Assert.EndsWith("/table/2", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator(cell)).ToHaveValueAsync("731");

        // The tab closes without saving; the next visit offers the figure back.
        await page.CloseAsync(new() { RunBeforeUnload = false });
        page = await context.NewPageAsync();
        await page.GotoAsync($"{Workspace}/table/2");
        await Assertions.Expect(page.Locator(".keeper--offer")).ToContainTextAsync("在本页填写但没有保存的内容");
        await Screenshots.SaveAsync(page, "entry-local-copy-offered");
        await page.GetByRole(AriaRole.Button, new() { Name = "恢复未保存的内容" }).ClickAsync();
        await Assertions.Expect(page.Locator(cell)).ToHaveValueAsync("731");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(page.Locator(cell)).ToHaveValueAsync("731");
        await Assertions.Expect(page.Locator(".keeper--offer")).ToHaveCountAsync(0);

        // The session ends while the clerk types (signed out elsewhere): the save lands on the login page, which says
        // so; after signing in again the figure is offered back and saved.
        await page.Locator(cell).FillAsync("732");
        await context.ClearCookiesAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(LoginPage());
        await Assertions.Expect(page.Locator("[data-unsaved-notice]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-unsaved-notice]")).ToContainTextAsync("没有保存成功");
        await Screenshots.SaveAsync(page, "entry-login-after-expiry");
        await page.Locator("#f-Email").FillAsync("editor@demo.local");
        await page.Locator("#f-Password").FillAsync(StaffSignIn.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(TablePage());
        await Assertions.Expect(page.Locator(".keeper--offer")).ToContainTextAsync("没有保存成功");
        await Assertions.Expect(page.Locator(cell)).ToHaveValueAsync("731");
        await page.GetByRole(AriaRole.Button, new() { Name = "恢复未保存的内容" }).ClickAsync();
        await Assertions.Expect(page.Locator(cell)).ToHaveValueAsync("732");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(page.Locator(cell)).ToHaveValueAsync("732");

        // Saved: the login page no longer mentions it.
        await page.GotoAsync("/account/login");
        await Assertions.Expect(page.Locator("[data-unsaved-notice]")).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task TwoPeopleSaving_DifferentPartsNeverConflict_DifferentCellsMerge_TheSameCellIsAsked()
    {
        await using var editorContext = await NewContextAsync(1280);
        await using var adminContext = await NewContextAsync(1280);
        var editor = await editorContext.NewPageAsync();
        var admin = await adminContext.NewPageAsync();
        await StaffSignIn.SignInAsync(editor, "editor@demo.local");
        await StaffSignIn.SignInAsync(admin, "admin@demo.local");
        await EnsureDraftAsync(editor);

        // Different parts: 正文 and 表四.
        await editor.GotoAsync($"{Workspace}/sections");
        await admin.GotoAsync($"{Workspace}/table/4");
        await admin.Locator("#f-Cells-administrative_review-upheld").FillAsync("2");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(admin.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
        await editor.Locator("#f-Problems").FillAsync("一是公开不够及时。");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(editor.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");

        // The same part, different cells: merged, and the notice names the other cell by its printed label.
        await editor.GotoAsync($"{Workspace}/table/2");
        await admin.GotoAsync($"{Workspace}/table/2");
        await editor.Locator("#f-Cells-licensing-decisions").FillAsync("15");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(editor.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
        await admin.Locator("#f-Cells-penalty-decisions").FillAsync("9");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(admin.Locator("p.flash--ok")).ToContainTextAsync("表二 行政许可·本年处理决定数量：空白→15");
        await Assertions.Expect(admin.Locator("#f-Cells-licensing-decisions")).ToHaveValueAsync("15");
        await Assertions.Expect(admin.Locator("#f-Cells-penalty-decisions")).ToHaveValueAsync("9");

        // The same cell: asked, with the other value shown at the cell; saving again keeps this user's value.
        await editor.GotoAsync($"{Workspace}/table/2");
        await editor.Locator("#f-Cells-licensing-decisions").FillAsync("16");
        await editor.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(editor.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
        await admin.Locator("#f-Cells-licensing-decisions").FillAsync("17");
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".conflict")).ToContainTextAsync("表二 行政许可·本年处理决定数量：别处保存为 16，您填写的是 17");
        await Assertions.Expect(admin.Locator("td.has-clash .clash-message")).ToHaveTextAsync("别处保存为 16");
        await Screenshots.SaveAsync(admin, "entry-conflict-same-cell");
        await Assertions.Expect(admin.Locator("[data-carry-status]")).ToBeEmptyAsync(); // R5 concerns table 三 only
        await Assertions.Expect(admin.Locator("td.has-finding")).ToHaveCountAsync(0);
        admin.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(admin.Locator("p.flash--ok")).ToHaveTextAsync("已保存。");
        await Assertions.Expect(admin.Locator("#f-Cells-licensing-decisions")).ToHaveValueAsync("17");
        await Assertions.Expect(admin.Locator("#f-Cells-penalty-decisions")).ToHaveValueAsync("9");
    }

    private static async Task PasteAsync(IPage page, string selector, string text) =>
        await page.Locator(selector).EvaluateAsync(
            "(el, text) => { const data = new DataTransfer(); data.setData('text/plain', text); el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }",
            text);

    private static async Task<List<string>> InputIdsAsync(IPage page) =>
        System.Text.Json.JsonSerializer.Deserialize<List<string>>(
            await page.Locator("table.entry input[data-row]").EvaluateAllAsync<string>("els => JSON.stringify(els.map(e => e.id))"))!;

    private static async Task<Dictionary<string, string>> ValuesAsync(IPage page) =>
        System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(
            await page.Locator("table.entry input[data-row]").EvaluateAllAsync<string>("els => JSON.stringify(Object.fromEntries(els.map(e => [e.id, e.value])))"))!;

    private static async Task EnsureDraftAsync(IPage page)
    {
        await page.GotoAsync(Workspace);
        var create = page.GetByRole(AriaRole.Button, new() { Name = "新建草稿" });
        if (await create.CountAsync() > 0)
        {
            await create.ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已新建报告草稿。");
        }
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex LoginPage();

    [GeneratedRegex("/table/2$")]
    private static partial Regex TablePage();

    private Task<IBrowserContext> NewContextAsync(int width) =>
        browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = 800 },
            Locale = "zh-CN",
            IgnoreHTTPSErrors = true,
        });
}
