using System.Net;
using AngleSharp.Dom;
using Disclosure.Data;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Register;
using Disclosure.Web.Tests.Infrastructure;
using Disclosure.Web.Tests.StaffEntry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Register;

/// <summary>The portal with the demo data and a clock of the test's own.</summary>
public sealed class RegisterPortalFactory : PortalFactory
{
    private readonly Dictionary<(string Email, DateTime Day), StaffClient> _sessions = [];

    public ManualClock Time { get; } = new() { Now = ManualClock.At("2024-12-02") };

    /// <summary>One sign-in per account and day of the clock (sign-ins are rate-limited; a cookie from another day may have expired).</summary>
    public async Task<StaffClient> StaffAsync(string email)
    {
        var key = (email, Time.Now.UtcDateTime.Date);
        if (!_sessions.TryGetValue(key, out var client))
        {
            _sessions[key] = client = await StaffClient.SignInAsync(this, email);
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var client in _sessions.Values)
        {
            client.Dispose();
        }

        base.Dispose(disposing);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}

/// <summary>The register's staff pages: masking, field messages, concurrency, the clock on the page, drill-down, the published-year lock, the dashboard, public aggregates.</summary>
public sealed class RegisterPagesTests(RegisterPortalFactory portal) : IClassFixture<RegisterPortalFactory>
{
    private const string Commerce = "/admin/register/zhongwei-commerce";

    private static async Task<(int Id, IDocument Page)> RegisterAsync(StaffClient staff, string office, string number, string received, string type = "NaturalPerson", string name = "", string content = "某项目的审批文件")
    {
        var page = await staff.SubmitAsync($"/admin/register/{office}/new", "form.form", new()
        {
            ["Number"] = number,
            ["ReceivedOn"] = received,
            ["ApplicantType"] = type,
            ["Channel"] = "Online",
            ["Content"] = content,
            ["ApplicantName"] = name,
            ["ApplicantContact"] = "13800000000",
        });
        var path = new Uri(page.Url).AbsolutePath;
        Assert.True(path.StartsWith($"/admin/register/{office}/", StringComparison.Ordinal), $"landed on {path}: {page.QuerySelector(".error-summary")?.Text()}");
        return (int.Parse(path[(path.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture), page);
    }

    private static Task<IDocument> StepAsync(StaffClient staff, string office, int id, string step, Dictionary<string, string> fields, HttpStatusCode expected = HttpStatusCode.OK) =>
        staff.SubmitAsync($"/admin/register/{office}/{id}/{step}", "form.form", fields, expected);

    private static string Due(IDocument page) => page.QuerySelector(".due-date strong")!.Text();

    [Fact]
    public async Task DueDate_FollowsEachStep_AndTheComputationIsShown()
    {
        portal.Time.Now = ManualClock.At("2024-12-02");
        var editor = await portal.StaffAsync(StaffClient.Editor);
        var (id, page) = await RegisterAsync(editor, "zhongwei-commerce", "DUE-1", "2024-09-27");

        // Received Friday 2024-09-27: 9-29 and 10-12 are working Sundays/Saturdays, 10-01…10-07 are off → 10-30.
        Assert.Equal("2024-10-30", Due(page));
        var steps = page.QuerySelectorAll(".due-steps li").Select(li => li.Text()).ToList();
        Assert.Contains(steps, s => s.StartsWith("起算日：2024-09-27", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("国庆节", StringComparison.Ordinal));

        page = await StepAsync(editor, "zhongwei-commerce", id, "correction-request", new() { ["Date"] = "2024-09-30" });
        Assert.Null(page.QuerySelector(".due-date"));
        Assert.Contains("等待申请人补正", page.QuerySelector("#due-heading")!.ParentElement!.Text(), StringComparison.Ordinal);

        page = await StepAsync(editor, "zhongwei-commerce", id, "correction-receipt", new() { ["Date"] = "2024-10-08" });
        Assert.Equal("2024-11-04", Due(page)); // 20 working days after Tuesday 10-08 (Saturday 10-12 is worked)

        page = await StepAsync(editor, "zhongwei-commerce", id, "consultation", new() { ["Date"] = "2024-10-10" });
        Assert.Equal("2024-11-25", Due(page)); // + 15 working days assumed while the consultation is open

        page = await StepAsync(editor, "zhongwei-commerce", id, "consultation-reply", new() { ["Date"] = "2024-10-15" });
        Assert.Equal("2024-11-08", Due(page)); // 10-11, 10-12 (worked), 10-14, 10-15: 4 working days not counted

        page = await StepAsync(editor, "zhongwei-commerce", id, "answer", new() { ["Date"] = "2024-11-01", ["Outcome"] = "partial" });
        Assert.Equal("已办结", page.QuerySelector(".facts .status")!.Text());
        Assert.Equal(["2024-09-27", "2024-09-30", "2024-10-08", "2024-10-10", "2024-10-15", "2024-11-01"],
            page.QuerySelectorAll(".timeline time").Select(t => t.GetAttribute("datetime")!).ToArray());
    }

    [Fact]
    public async Task List_MasksTheApplicant_TheDetailsPageShowsIt_AndTheViewIsAudited()
    {
        portal.Time.Now = ManualClock.At("2024-12-02");
        var editor = await portal.StaffAsync(StaffClient.Editor);
        var (id, _) = await RegisterAsync(editor, "zhongwei-commerce", "MASK-1", "2024-11-20", name: "欧阳修文");

        var list = await editor.GetAsync(Commerce + "?year=2024&q=MASK-1");
        var row = list.QuerySelectorAll(".register-list tbody tr").Single();
        Assert.StartsWith("欧*", row.Children[2].Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("欧阳修文", list.Body!.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("13800000000", list.Body!.OuterHtml, StringComparison.Ordinal);

        var viewsBefore = await ViewsAsync(id);
        var details = await editor.GetAsync($"{Commerce}/{id}");
        Assert.Contains("欧阳修文", details.QuerySelector("#person-heading")!.ParentElement!.Text(), StringComparison.Ordinal);
        Assert.Equal(viewsBefore + 1, await ViewsAsync(id));
    }

    private async Task<int> ViewsAsync(int id)
    {
        var count = 0;
        await portal.WithDbAsync(async db => count = await db.AuditEntries.CountAsync(e => e.Action == AuditAction.ApplicationViewed && e.Details!.Contains($"#{id}）")));
        return count;
    }

    [Fact]
    public async Task NewApplication_WithBadFields_ShowsMessagesAtTheFields_AndKeepsWhatWasTyped()
    {
        portal.Time.Now = ManualClock.At("2024-12-02");
        var editor = await portal.StaffAsync(StaffClient.Editor);
        var page = await editor.SubmitAsync(Commerce + "/new", "form.form", new()
        {
            ["Number"] = "",
            ["ReceivedOn"] = "2024-13-45",
            ["ApplicantType"] = "",
            ["Content"] = "请公开某某路拓宽工程的立项批复",
            ["ApplicantName"] = "李四",
        });
        Assert.Equal("请填写申请编号。", page.QuerySelector("#f-Number-error")!.Text().Replace("错误：", "", StringComparison.Ordinal));
        Assert.Contains("格式应为", page.QuerySelector("#f-ReceivedOn-error")!.Text(), StringComparison.Ordinal);
        Assert.Contains("请选择申请人类型", page.QuerySelector("#f-ApplicantType-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("请公开某某路拓宽工程的立项批复", page.Value("f-Content"));
        Assert.Equal("2024-13-45", page.Value("f-ReceivedOn"));
        Assert.Equal("李四", page.Value("f-ApplicantName"));

        // A date in the future is the domain's refusal, at its field too; and the personal field is never quoted in a message.
        page = await editor.SubmitAsync(Commerce + "/new", "form.form", new()
        {
            ["Number"] = "FUT-1",
            ["ReceivedOn"] = "2024-12-09",
            ["ApplicantType"] = "Commercial",
            ["Content"] = "某事项",
            ["ApplicantName"] = "李四",
        });
        Assert.Contains("晚于今天", page.QuerySelector("#f-ReceivedOn-error")!.Text(), StringComparison.Ordinal);
        Assert.DoesNotContain("李四", page.QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);

        // The same number twice in one office is refused at the number.
        await RegisterAsync(editor, "zhongwei-commerce", "DUP-1", "2024-11-01");
        page = await editor.SubmitAsync(Commerce + "/new", "form.form", new()
        {
            ["Number"] = "DUP-1",
            ["ReceivedOn"] = "2024-11-02",
            ["ApplicantType"] = "Commercial",
            ["Content"] = "另一事项",
        });
        Assert.Contains("已有该申请编号", page.QuerySelector("#f-Number-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("另一事项", page.Value("f-Content"));
    }

    [Fact]
    public async Task EventForm_ChangedBySomeoneElse_SaysSo_KeepsTheValues_AndSavesOnTheSecondSubmit()
    {
        portal.Time.Now = ManualClock.At("2024-12-02");
        var editor = await portal.StaffAsync(StaffClient.Editor);
        var admin = await portal.StaffAsync(StaffClient.AdminEmail);
        var (id, _) = await RegisterAsync(editor, "zhongwei-commerce", "RACE-1", "2024-11-18");

        var form = await editor.GetAsync($"{Commerce}/{id}/extension");
        await StepAsync(admin, "zhongwei-commerce", id, "consultation", new() { ["Date"] = "2024-11-19" });

        var page = await editor.SubmitAsync(form, "form.form", new() { ["Date"] = "2024-11-20", ["Days"] = "10", ["GrantedBy"] = "王主任" });
        Assert.NotNull(page.QuerySelector(".conflict"));
        Assert.Equal("2024-11-20", page.Value("f-Date"));
        Assert.Equal("10", page.Value("f-Days"));
        Assert.Equal("王主任", page.Value("f-GrantedBy"));
        Assert.NotEqual(form.Revision(), page.Revision());

        page = await editor.SubmitAsync(page, "form.form", []);
        Assert.Equal($"/admin/register/zhongwei-commerce/{id}", new Uri(page.Url).AbsolutePath);
        Assert.Contains(page.QuerySelectorAll(".timeline li"), li => li.Text().Contains("延期 10 个工作日", StringComparison.Ordinal));
        Assert.Contains(page.QuerySelectorAll(".timeline li"), li => li.Text().Contains("征求", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EventForm_RefusalOfTheLaw_IsAtItsField()
    {
        portal.Time.Now = ManualClock.At("2024-12-02");
        var editor = await portal.StaffAsync(StaffClient.Editor);
        var (id, _) = await RegisterAsync(editor, "zhongwei-commerce", "LAW-1", "2024-11-18");
        var page = await StepAsync(editor, "zhongwei-commerce", id, "extension", new() { ["Date"] = "2024-11-20", ["Days"] = "25", ["GrantedBy"] = "" });
        Assert.Contains("1–20", page.QuerySelector("#f-Days-error")!.Text(), StringComparison.Ordinal);
        Assert.Contains("负责人", page.QuerySelector("#f-GrantedBy-error")!.Text(), StringComparison.Ordinal);
        page = await StepAsync(editor, "zhongwei-commerce", id, "answer", new() { ["Date"] = "2024-11-10", ["Outcome"] = "granted" });
        Assert.Contains("早于收到申请日期", page.QuerySelector("#f-Date-error")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TableCells_LinkToTheApplicationsCountedInThem_AndFromRegisterFillsTheDraft()
    {
        portal.Time.Now = ManualClock.At("2025-02-10");
        var admin = await portal.StaffAsync(StaffClient.AdminEmail);
        const string office = "hongze-district";
        var (a1, _) = await RegisterAsync(admin, office, "HZ-1", "2024-03-04", "Commercial");
        var (a2, _) = await RegisterAsync(admin, office, "HZ-2", "2024-05-06", "Commercial");
        var (a3, _) = await RegisterAsync(admin, office, "HZ-3", "2024-12-23", "NaturalPerson");
        await StepAsync(admin, office, a1, "answer", new() { ["Date"] = "2024-03-20", ["Outcome"] = "granted" });
        await StepAsync(admin, office, a2, "answer", new() { ["Date"] = "2024-05-20", ["Outcome"] = "granted" });
        await StepAsync(admin, office, a3, "answer", new() { ["Date"] = "2025-01-06", ["Outcome"] = "deny_4" });

        var table = await admin.GetAsync($"/admin/register/{office}/table/2024");
        var link = table.QuerySelector("a[href*='row=granted&column=commercial']")!;
        Assert.Equal("2", link.Text());
        var cell = await admin.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(["HZ-1", "HZ-2"], cell.QuerySelectorAll(".cell-applications tbody th").Select(th => th.Text()).ToArray());
        Assert.Equal("2", cell.QuerySelector(".cell-count")!.Text());

        var forward = await admin.GetAsync(table.QuerySelector("a[href*='row=carried_forward&column=natural_person']")!.GetAttribute("href")!);
        Assert.Equal(["HZ-3"], forward.QuerySelectorAll(".cell-applications tbody th").Select(th => th.Text()).ToArray());

        // 从台账生成 on a draft of 2024: the table is filled and the changes are named in Chinese.
        var workspace = await admin.GetAsync($"/admin/reports/{office}/2024");
        await admin.SubmitAsync(workspace, "form[action$='/start']", []);
        var editorPage = await admin.GetAsync($"/admin/reports/{office}/2024/table/3");
        var changes = await admin.SubmitAsync(editorPage, "form.from-register", []);
        var rows = changes.QuerySelectorAll(".table-changes tbody tr").ToList();
        var granted = rows.Single(r => r.GetAttribute("data-row") == "granted" && r.GetAttribute("data-col") == "commercial");
        Assert.Equal("（一）予以公开", granted.Children[0].Text());
        Assert.Equal("法人或其他组织·商业企业", granted.Children[1].Text());
        Assert.Equal("2", granted.Children[3].Text());
        editorPage = await admin.GetAsync($"/admin/reports/{office}/2024/table/3");
        Assert.Equal("2", editorPage.Value(StaffPages.CellId("granted", "commercial")));
        Assert.Equal("1", editorPage.Value(StaffPages.CellId("carried_forward", "natural_person")));
    }

    [Fact]
    public async Task SearchingANumber_NamesTheOtherYearsHoldingIt_WithLinks()
    {
        portal.Time.Now = ManualClock.At("2024-12-02");
        var admin = await portal.StaffAsync(StaffClient.AdminEmail);
        var (id, _) = await RegisterAsync(admin, "pingtan", "OY-2022-7", "2022-03-01");
        await StepAsync(admin, "pingtan", id, "answer", new() { ["Date"] = "2022-03-20", ["Outcome"] = "granted" });
        await RegisterAsync(admin, "pingtan", "OY-2024-1", "2024-11-04");

        var list = await admin.GetAsync("/admin/register/pingtan?year=2024&q=OY-");
        Assert.Equal(["OY-2024-1"], list.QuerySelectorAll(".register-list tbody th").Select(th => th.Text()).ToArray());
        var other = list.QuerySelector(".other-years a")!;
        Assert.Equal("2022 年收到 1 件", other.Text());
        var year2022 = await admin.GetAsync(other.GetAttribute("href")!);
        Assert.Equal(["OY-2022-7"], year2022.QuerySelectorAll(".register-list tbody th").Select(th => th.Text()).ToArray());
        Assert.Null((await admin.GetAsync("/admin/register/pingtan?year=2024&q=OY-2024")).QuerySelector(".other-years"));
    }

    [Fact]
    public async Task PublishedYear_ChangingItsCount_NeedsAReason_AndTheDashboardShowsTheDisagreement()
    {
        portal.Time.Now = ManualClock.At("2024-12-02");
        var editor = await portal.StaffAsync(StaffClient.Editor);

        // zhongwei-commerce's 2023 report is published (demo data): an application received in 2023 is counted in it.
        var (id, _) = await RegisterAsync(editor, "zhongwei-commerce", "LOCK-1", "2023-12-20");
        var form = await editor.GetAsync($"{Commerce}/{id}/answer");
        Assert.NotNull(form.GetElementById("f-ChangeReason"));
        var page = await editor.SubmitAsync(form, "form.form", new() { ["Date"] = "2023-12-28", ["Outcome"] = "granted" });
        Assert.Contains("2023 年度报告表三", page.QuerySelector("#f-ChangeReason-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("2023-12-28", page.Value("f-Date"));

        page = await editor.SubmitAsync(page, "form.form", new() { ["ChangeReason"] = "漏登，补录答复", ["Outcome"] = "granted" });
        Assert.Equal($"/admin/register/zhongwei-commerce/{id}", new Uri(page.Url).AbsolutePath);
        await portal.WithDbAsync(async db => Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.ApplicationChanged && e.Details!.Contains("漏登，补录答复"))));

        var admin = await portal.StaffAsync(StaffClient.AdminEmail);
        var dashboard = await admin.GetAsync("/admin/years/2024");
        var disagreement = dashboard.QuerySelectorAll(".register-disagreements li").Single(li => li.Text().Contains("中卫市商务局 2023", StringComparison.Ordinal));
        Assert.NotNull(disagreement.QuerySelector("a[href='/admin/reports/zhongwei-commerce/2023']"));
        var table = await admin.GetAsync(disagreement.QuerySelector("a[href*='/table/2023']")!.GetAttribute("href")!);
        Assert.NotNull(table.QuerySelector(".register-disagrees"));
    }

    [Fact]
    public async Task Dashboard_ShowsDueSoonAndOverdueAcrossOffices_AndFromDecemberAsksForNextYearsCalendar()
    {
        portal.Time.Now = ManualClock.At("2026-11-20");
        var admin = await portal.StaffAsync(StaffClient.AdminEmail);
        await RegisterAsync(admin, "pingtan", "PT-OLD", "2026-10-09");  // due 2026-11-06: overdue
        await RegisterAsync(admin, "pingtan", "PT-SOON", "2026-10-26"); // due 2026-11-23: within three working days
        var dashboard = await admin.GetAsync("/admin/years/2025");
        Assert.Null(dashboard.QuerySelector(".calendar-warning"));
        var row = dashboard.QuerySelectorAll(".register-due tbody tr").Single(r => r.Text().Contains("平潭", StringComparison.Ordinal));
        Assert.NotNull(row.QuerySelector("a[href='/admin/register/pingtan?filter=overdue']"));

        var overdue = await admin.GetAsync("/admin/register/pingtan?filter=overdue&year=2026");
        Assert.Equal(["PT-OLD"], overdue.QuerySelectorAll(".register-list tbody th").Select(th => th.Text()).ToArray());
        var soon = await admin.GetAsync("/admin/register/pingtan?filter=due-soon&year=2026");
        Assert.Equal(["PT-SOON"], soon.QuerySelectorAll(".register-list tbody th").Select(th => th.Text()).ToArray());

        portal.Time.Now = ManualClock.At("2026-12-01");
        var december = await portal.StaffAsync(StaffClient.AdminEmail);
        dashboard = await december.GetAsync("/admin/years/2025");
        Assert.Contains("2027 年的节假日安排尚未录入", dashboard.QuerySelector(".calendar-warning")!.Text(), StringComparison.Ordinal);

        // An Administrator enters 2027's notice: the warning goes.
        var page = await december.SubmitAsync("/admin/calendar/2027", "form.form", new()
        {
            ["NoticeTitle"] = "国务院办公厅关于2027年部分节假日安排的通知",
            ["NoticeNumber"] = "国办发明电〔2026〕9号",
            ["Days"] = "2027-01-01 休 元旦\n2027-02-32 休 春节",
        });
        Assert.Contains("第 2 行", page.QuerySelector("#f-Days-error")!.Text(), StringComparison.Ordinal);
        page = await december.SubmitAsync(page, "form.form", new() { ["Days"] = "2027-01-01 休 元旦" });
        Assert.Contains("已保存 2027 年节假日安排", page.Flash(), StringComparison.Ordinal);
        dashboard = await december.GetAsync("/admin/years/2025");
        Assert.Null(dashboard.QuerySelector(".calendar-warning"));
    }

    [Fact]
    public async Task PublicOfficePage_ShowsOnlyAggregates_ComputedAsByHand()
    {
        portal.Time.Now = ManualClock.At("2025-03-03");
        var admin = await portal.StaffAsync(StaffClient.AdminEmail);
        const string office = "shanghai-govoffice";
        var (a, _) = await RegisterAsync(admin, office, "SH-1", "2024-09-27", name: "司马光明", content: "秘密事项甲乙丙");
        var (b, _) = await RegisterAsync(admin, office, "SH-2", "2024-11-01");
        var (c, _) = await RegisterAsync(admin, office, "SH-3", "2024-11-04");
        await RegisterAsync(admin, office, "SH-4", "2024-12-30");
        await StepAsync(admin, office, a, "answer", new() { ["Date"] = "2024-10-30", ["Outcome"] = "granted" }); // 20 working days, on time
        await StepAsync(admin, office, b, "answer", new() { ["Date"] = "2024-11-08", ["Outcome"] = "granted" }); // 11-04…11-08: 5 working days
        await StepAsync(admin, office, c, "answer", new() { ["Date"] = "2024-12-05", ["Outcome"] = "granted" }); // due 12-02: 23 working days, late

        using var anonymous = portal.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var html = await (await anonymous.GetAsync(new Uri("/agencies/" + office, UriKind.Relative))).Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var row = page.QuerySelectorAll(".register-figures tbody tr").Single(r => r.Children[0].Text() == "2024");
        Assert.Equal(["4 件", "3 件", "20 个工作日", "66.7%"], row.Children.Skip(1).Select(td => td.Text()).ToArray());
        foreach (var secret in new[] { "司马光明", "秘密事项甲乙丙", "SH-1", "13800000000" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }

        foreach (var url in new[] { "/", "/agencies", "/statistics", "/api/v1/reports", "/data" })
        {
            var body = await (await anonymous.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync();
            Assert.DoesNotContain("司马光明", body, StringComparison.Ordinal);
            Assert.DoesNotContain("秘密事项甲乙丙", body, StringComparison.Ordinal);
        }
    }
}
