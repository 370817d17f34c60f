using System.Text.RegularExpressions;
using Disclosure.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Disclosure.EndToEnd;

/// <summary>
/// 中卫市商务局's Editor registers an application, asks for 补正, records its arrival, consults a third party, gets
/// the reply and answers; the deadline on the page follows each step. Then 从台账生成 fills the 2026 draft's table 三
/// and the cell's drill-down lists the application. The Administrator's dashboard shows the register's panel.
/// Screenshots of the register list, the application, the drill-down and the dashboard at 1280 and 375 px.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RegisterJourneyTests(BrowserFixture browser, HttpsPortalServer portal) : IClassFixture<HttpsPortalServer>
{
    private const string Register = "/admin/register/zhongwei-commerce";

    [BrowserFact]
    public async Task Editor_RegistersAndAnswersAnApplication_TheDeadlineFollows_AndTable3ComesFromTheRegister()
    {
        await using (var context = await NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await StaffSignIn.SignInAsync(page, "editor@demo.local");

            await page.GotoAsync(Register);
            await page.GetByRole(AriaRole.Link, new() { Name = "登记新申请" }).ClickAsync();
            await page.Locator("#f-Number").FillAsync("2026-E2E-1");
            await page.Locator("#f-ReceivedOn").FillAsync("2026-11-02");
            await page.Locator("#f-ApplicantType").SelectOptionAsync("NaturalPerson");
            await page.Locator("#f-Channel").SelectOptionAsync("Online");
            await page.Locator("#f-Content").FillAsync("请公开某路段拓宽工程的立项批复及环境影响评价文件");
            await page.Locator("#f-ApplicantName").FillAsync("张三");
            await page.Locator("#f-ApplicantContact").FillAsync("13900000000");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync("已登记申请 2026-E2E-1。");
            await ExpectDueAsync(page, "2026-11-30"); // 20 working days after Monday 2 November

            await StepAsync(page, "告知补正", "2026-11-03");
            await Assertions.Expect(page.Locator(".due-date")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#due-heading + p")).ToContainTextAsync("等待申请人补正");

            await StepAsync(page, "收到补正", "2026-11-09");
            await ExpectDueAsync(page, "2026-12-07"); // the period starts again from the completed application

            await StepAsync(page, "征求第三方或其他机关意见", "2026-11-10");
            await ExpectDueAsync(page, "2026-12-28"); // + the 15 working days a consultation may take, while it is open

            await StepAsync(page, "收到意见", "2026-11-16");
            await ExpectDueAsync(page, "2026-12-11"); // + the 4 working days it took
            await Assertions.Expect(page.Locator(".due-steps")).ToContainTextAsync("＋4 个工作日征求意见");
            var url = page.Url;

            await page.GetByRole(AriaRole.Link, new() { Name = "答复", Exact = true }).ClickAsync();
            await page.Locator("#f-Date").FillAsync("2026-11-20");
            await page.Locator("#f-Outcome").SelectOptionAsync("granted");
            await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Assertions.Expect(page.Locator(".facts .status")).ToHaveTextAsync("已办结");
            await Screenshots.SaveAsync(page, "register-02-application-1280");
            await page.SetViewportSizeAsync(375, 800);
            await Screenshots.SaveAsync(page, "register-02-application-375");
            await page.SetViewportSizeAsync(1280, 800);

            await page.GotoAsync(Register + "?year=2026");
            var row = page.Locator(".register-list tbody tr", new() { HasText = "2026-E2E-1" });
            await Assertions.Expect(row).ToContainTextAsync("张*");
            await Assertions.Expect(page.Locator(".register-list")).Not.ToContainTextAsync("张三");
            await Screenshots.SaveAsync(page, "register-01-list-1280");
            await page.SetViewportSizeAsync(375, 800);
            await Screenshots.SaveAsync(page, "register-01-list-375");
            await page.SetViewportSizeAsync(1280, 800);

            // 从台账生成 on a new 2026 draft.
            await page.GotoAsync("/admin/reports/zhongwei-commerce/2026");
            await page.GetByRole(AriaRole.Button, new() { Name = "新建草稿" }).ClickAsync();
            await page.GotoAsync("/admin/reports/zhongwei-commerce/2026/table/3");
            await page.GetByRole(AriaRole.Button, new() { Name = "从台账生成" }).ClickAsync();
            var change = page.Locator(".table-changes tr[data-row='granted'][data-col='natural_person']");
            await Assertions.Expect(change.Locator("th")).ToHaveTextAsync("（一）予以公开");
            await Assertions.Expect(change.Locator("td").Nth(2)).ToHaveTextAsync("1");
            await page.GetByRole(AriaRole.Link, new() { Name = "查看表三" }).ClickAsync();
            await Assertions.Expect(page.Locator("#f-Cells-granted-natural_person")).ToHaveValueAsync("1");

            // The cell's drill-down lists the application.
            await page.GotoAsync(Register + "/table/2026");
            await page.Locator("a[href$='row=granted&column=natural_person']").ClickAsync();
            await Assertions.Expect(page.Locator(".cell-count")).ToHaveTextAsync("1");
            await Assertions.Expect(page.Locator(".cell-applications tbody th")).ToHaveTextAsync("2026-E2E-1");
            await Screenshots.SaveAsync(page, "register-04-drilldown-1280");
            await page.SetViewportSizeAsync(375, 800);
            await Screenshots.SaveAsync(page, "register-04-drilldown-375");
            await page.GetByRole(AriaRole.Link, new() { Name = "2026-E2E-1" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(url);
        }

        // The 政务公开办's dashboard: one open application that is overdue or due, for the screenshots.
        await using (var context = await NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await StaffSignIn.SignInAsync(page, "admin@demo.local");
            await page.GotoAsync("/admin/register/pingtan/new");
            await page.Locator("#f-Number").FillAsync("PT-2026-7");
            await page.Locator("#f-ReceivedOn").FillAsync("2026-10-09");
            await page.Locator("#f-ApplicantType").SelectOptionAsync("Commercial");
            await page.Locator("#f-Content").FillAsync("某企业申请公开招商引资协议");
            await page.GetByRole(AriaRole.Button, new() { Name = "登记", Exact = true }).ClickAsync();
            await ExpectDueAsync(page, "2026-11-05");

            await page.GotoAsync("/admin");
            var panel = page.Locator(".register-panel");
            await Assertions.Expect(panel.Locator(".register-due tbody tr", new() { HasText = "平潭" })).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "register-03-dashboard-1280");
            await page.SetViewportSizeAsync(375, 800);
            await Screenshots.SaveAsync(page, "register-03-dashboard-375");
        }
    }

    [BrowserFact]
    public async Task Editor_ImportsARegisterFile_ABadOneIsRefusedRowByRow_AGoodOneIsConfirmed()
    {
        const string header = "申请编号,收到申请日期,申请人类型,申请内容,申请方式,申请人,联系方式,补正告知日期,补正收到日期,征求意见日期,意见收到日期,延期工作日,答复日期,办理结果,备注\r\n";
        var bad = header
            + "IMP-2026-1,2026-10-12,自然人,某小区加装电梯的审批材料,网络,,,,,,,,,,\r\n"
            + "IMP-2026-2,2026-10-40,商业企业,某项目环评,网络,,,,,,,,,,\r\n";
        var good = header
            + "IMP-2026-1,2026-10-12,自然人,某小区加装电梯的审批材料,网络,,,,,,,,,,\r\n"
            + "IMP-2026-2,2026-10-14,商业企业,某项目环境影响评价批复,网络,,,,,,,,2026-10-30,予以公开,\r\n";

        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        await StaffSignIn.SignInAsync(page, "editor@demo.local");
        await page.GotoAsync(Register + "?year=2026");
        await page.GetByRole(AriaRole.Link, new() { Name = "导入 CSV / XLSX" }).ClickAsync();

        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "台账.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并预览" }).ClickAsync();
        await Assertions.Expect(page.Locator(".import-problems tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".import-problems tbody th")).ToHaveTextAsync("第 3 行");
        await Screenshots.SaveAsync(page, "register-05-import-refused-1280");
        await page.SetViewportSizeAsync(375, 800);
        await Screenshots.SaveAsync(page, "register-05-import-refused-375");
        await page.SetViewportSizeAsync(1280, 800);

        await page.GetByRole(AriaRole.Link, new() { Name = "重新选择文件" }).ClickAsync();
        await page.Locator("#f-file").SetInputFilesAsync(new FilePayload { Name = "台账.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(good) });
        await page.Locator("#f-file").FocusAsync();
        await page.Keyboard.PressAsync("Tab"); // the clerk's way: Tab to the button, Enter
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("p.summary")).ToContainTextAsync("新增 2 条");
        await Screenshots.SaveAsync(page, "register-06-import-preview-1280");
        await page.SetViewportSizeAsync(375, 800);
        await Screenshots.SaveAsync(page, "register-06-import-preview-375");
        await page.SetViewportSizeAsync(1280, 800);

        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.flash--ok")).ToContainTextAsync("已导入 台账.csv：新增 2 条");
        await Assertions.Expect(page.Locator(".register-list tbody tr", new() { HasText = "IMP-2026-2" })).ToContainTextAsync("已办结");
    }

    private static async Task ExpectDueAsync(IPage page, string due) =>
        await Assertions.Expect(page.Locator(".due-date strong").First).ToHaveTextAsync(due);

    private static async Task StepAsync(IPage page, string step, string date)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = step, Exact = true }).ClickAsync();
        await page.Locator("#f-Date").FillAsync(date);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.flash--ok")).ToHaveTextAsync($"已登记：{step}。");
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
