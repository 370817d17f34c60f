using System.Net;
using AngleSharp.Dom;
using Disclosure.Domain.Audit;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Disclosure.Web.Tests.StaffEntry.StaffClient;
using static Disclosure.Web.Tests.StaffEntry.StaffJourney;

namespace Disclosure.Web.Tests.StaffEntry;

[Collection(PortalCollections.Staff)]
public sealed class WorkflowTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly PortalFactory _factory = portal;

    [Fact]
    public async Task IllegalTransitions_AreRefusedWithAVisibleMessage()
    {
        using var editor = await SignInAsync(_factory, Editor);
        using var reviewer = await SignInAsync(_factory, Reviewer);
        using var admin = await SignInAsync(_factory, AdminEmail);
        await StartAsync(editor);
        await SaveTableAsync(editor, 3, Balanced);

        // Approving a draft (the Reviewer sees no button, so the request is crafted).
        var reviewerPage = await reviewer.GetAsync(Base);
        Assert.Null(reviewerPage.QuerySelector(WorkflowForm("approve")));
        var (_, approved) = await reviewer.PostToAsync(reviewerPage, $"{Base}/approve");
        Assert.Equal("只有已提交的报告可以审核通过，第 1 版当前状态为“草稿”。", approved.Flash(error: true));

        // Correcting a report that was never published.
        var (_, corrected) = await admin.PostToAsync(await admin.GetAsync(Base), $"{Base}/correction", new() { ["note"] = "更正" });
        Assert.Equal("该年度报告尚未发布，无需更正。", corrected.Flash(error: true));

        // Submitting is the Editor's: a Reviewer is forbidden.
        var (status, denied) = await reviewer.PostToAsync(reviewerPage, $"{Base}/submit");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("/account/denied", denied.Url, StringComparison.Ordinal);

        await WorkflowAsync(editor, "submit", "已提交审核。");

        // Publishing what is only submitted.
        var (_, published) = await admin.PostToAsync(await admin.GetAsync(Base), $"{Base}/publish");
        Assert.Equal("只有审核通过的报告可以发布，第 1 版当前状态为“已提交待审核”。", published.Flash(error: true));

        // Editing what is submitted: the form is not offered, and a post is refused.
        var form = await editor.GetAsync($"{Base}/table/3");
        Assert.Equal("报告当前状态为“已提交待审核”，不能修改。", form.Flash(error: true));
        Assert.Null(form.QuerySelector("form.table-form"));
        var (_, edited) = await editor.PostToAsync(form, $"{Base}/table/3", new() { ["Revision"] = "2", ["Cells[new.natural_person]"] = "9" });
        Assert.Equal("报告当前状态为“已提交待审核”，不能修改。", edited.Flash(error: true));
        Assert.Empty(await AuditAsync(_factory, AuditAction.ReportApproved));
        Assert.Single(await AuditAsync(_factory, AuditAction.ReportSaved));
    }

    [Fact]
    public async Task R1_BlocksSubmission_AndTheCheckPageNamesTheColumn()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        await SaveTableAsync(editor, 3, new() { ["Cells[new.natural_person]"] = "2", ["Cells[granted.natural_person]"] = "1", ["Cells[carried_forward.natural_person]"] = "0" });

        var refused = await editor.SubmitAsync(Base, WorkflowForm("submit"), []);

        Assert.EndsWith("/check", refused.Url, StringComparison.Ordinal);
        Assert.StartsWith("报告有 2 处数据不符合勾稽关系（R1）", refused.Flash(error: true), StringComparison.Ordinal);
        var blocking = refused.QuerySelectorAll(".finding-list li.blocking").Select(li => li.Text()).ToList();
        // One mistake, one message: with both sums, pointing at a cell the clerk types (not the computed （七）总计);
        // the 总计 column's imbalance follows from it and is not repeated. The rule's name first, its code after.
        var r1 = Assert.Single(blocking);
        Assert.StartsWith("表三·表三勾稽关系（R1）（须改正后才能提交）：“自然人”列：一＋二＝2，三（七）＋四＝1，相差 1，请核对办理结果或结转下年度数。", r1, StringComparison.Ordinal);
        Assert.NotNull(refused.QuerySelector(".finding-list a[href$='/table/3#f-Cells-carried_forward-natural_person']"));
        Assert.Null(refused.QuerySelector(".finding-list a[href*='total_processed']"));
        Assert.Equal("草稿", (await editor.GetAsync(Base)).QuerySelector(".status")!.Text());
    }

    [Fact]
    public async Task R5_AMismatchingCarryOverBlocksSubmission_UntilAReasonIsSaved()
    {
        using (var admin = await SignInAsync(_factory, AdminEmail))
        using (var reviewer = await SignInAsync(_factory, Reviewer))
        {
            await CorrectZhongwei2023ToCarryTwoForwardAsync(admin, reviewer);
        }

        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        await SaveTableAsync(editor, 3, new(Balanced) { ["Cells[carried_over.natural_person]"] = "0" });

        var refused = await editor.SubmitAsync(Base, WorkflowForm("submit"), []);
        Assert.StartsWith("报告有 2 处数据不符合勾稽关系（R5）", refused.Flash(error: true), StringComparison.Ordinal);
        Assert.Contains(refused.QuerySelectorAll(".finding-list li.blocking"), li => li.Text().StartsWith("表三·上年结转衔接（R5）", StringComparison.Ordinal));

        const string reason = "2023 年结转的 2 件申请已于 2023 年 12 月底由申请人撤回。";
        var check = await editor.SubmitAsync(refused, $"form[action='{Base}/carry-over']", new() { ["reason"] = reason });

        Assert.Equal("已记录上年结转差异说明。", check.Flash());
        Assert.Contains("已说明理由：" + reason, check.QuerySelector("section[aria-labelledby='r5']")!.Text(), StringComparison.Ordinal);
        Assert.Empty(check.QuerySelectorAll(".finding-list li.blocking"));
        Assert.Equal(reason, (await AuditAsync(_factory, AuditAction.CarryOverOverridden)).Single().Details);

        await WorkflowAsync(editor, "submit", "已提交审核。");
        var afterSubmit = await editor.GetAsync($"{Base}/check");
        Assert.Contains("已说明理由：" + reason, afterSubmit.QuerySelector("section[aria-labelledby='r5']")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullWorkflow_FillSubmitReturnResubmitApprovePublish_ThenACorrection()
    {
        using var editor = await SignInAsync(_factory, Editor);
        using var reviewer = await SignInAsync(_factory, Reviewer);
        using var admin = await SignInAsync(_factory, AdminEmail);
        await StartAsync(editor);
        await SaveTableAsync(editor, 2, new() { ["Cells[licensing.decisions]"] = "13", ["Cells[fees.amount_wan_yuan]"] = "0" });
        await SaveTableAsync(editor, 3, Balanced);
        await SaveTableAsync(editor, 4, new() { ["Cells[administrative_review.upheld]"] = "0" });

        // 原文链接: only a web address of the office's own site, refused at the field otherwise.
        const string original = "https://www.nx.gov.cn/zwgk/zfxxgk/2025/report-2024.html";
        var refusedLink = await editor.SubmitAsync($"{Base}/metadata", "form.form", new() { ["OriginalUrl"] = "javascript:alert(1)" });
        InputValidationTests.AssertFieldError(refusedLink, "f-OriginalUrl", "原文链接应为以 https:// 或 http:// 开头的完整网址，如 https://www.example.gov.cn/xxgk/2024/report.html。");
        Assert.Equal("javascript:alert(1)", refusedLink.Value("f-OriginalUrl"));
        Assert.Equal("已保存。", (await editor.SubmitAsync(refusedLink, "form.form", new() { ["OriginalUrl"] = original })).Flash());
        await WorkflowAsync(editor, "submit", "已提交审核。");

        await WorkflowAsync(reviewer, "return", "已退回修改。", new() { ["comment"] = "行政许可数量请与政务服务中心核对。" });
        var returned = await editor.GetAsync(Base);
        Assert.Equal("已退回修改", returned.QuerySelector(".status")!.Text());
        Assert.Equal("行政许可数量请与政务服务中心核对。", returned.QuerySelector("dd.returned")!.Text());
        await SaveTableAsync(editor, 2, new() { ["Cells[licensing.decisions]"] = "14" });
        await WorkflowAsync(editor, "submit", "已提交审核。");
        Assert.Null((await editor.GetAsync(Base)).QuerySelector("dd.returned"));

        await WorkflowAsync(reviewer, "approve", "已审核通过。");
        await WorkflowAsync(admin, "publish", "已发布，公众现在可以看到本报告。");

        using var reader = _factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var published = await reader.GetDocumentAsync("/reports/zhongwei-commerce/2024");
        Assert.Equal("中卫市商务局2024年政府信息公开工作年度报告", string.Concat(published.QuerySelectorAll("#report-title .title-line").Select(s => s.Text())));
        Assert.Equal("14", CellTexts(published, "licensing"));
        var link = published.QuerySelector(".original-link a")!;
        Assert.Equal(original, link.GetAttribute("href"));
        Assert.Contains("external", link.GetAttribute("rel")!, StringComparison.Ordinal);
        Assert.Contains("原文：" + original, published.QuerySelector("#colophon")!.Text(), StringComparison.Ordinal);

        await WorkflowAsync(admin, "correction", "已发起更正：请修改后提交审核，发布后将替换当前版本。", new() { ["note"] = "行政许可数量更正为 15 件。" });
        await SaveTableAsync(admin, 2, new() { ["Cells[licensing.decisions]"] = "15" });
        await WorkflowAsync(admin, "submit", "已提交审核。");
        await WorkflowAsync(reviewer, "approve", "已审核通过。");
        await WorkflowAsync(admin, "publish", "已发布，公众现在可以看到本报告。");

        var corrected = await reader.GetDocumentAsync("/reports/zhongwei-commerce/2024");
        Assert.Equal("15", CellTexts(corrected, "licensing"));
        Assert.Equal(original, corrected.QuerySelector(".original-link a")!.GetAttribute("href")); // a correction keeps the link
        var history = corrected.QuerySelector("details.corrections");
        Assert.NotNull(history);
        Assert.Contains("更正记录（本报告发布后更正过 1 次）", history.Text(), StringComparison.Ordinal);
        Assert.Contains("行政许可数量更正为 15 件。", history.Text(), StringComparison.Ordinal);
        // Dates in the one style of the public pages (yyyy年M月d日), as the report's 发布日期 is written.
        Assert.Matches(@"第 2 版\s+\d{4}年\d{1,2}月\d{1,2}日 发布（现行版本）", history.Text());
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", history.Text());
        var links = history.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/reports/zhongwei-commerce/2024/v1", links);
        Assert.Contains("/reports/zhongwei-commerce/2024/v2", links);

        var v1 = await reader.GetDocumentAsync("/reports/zhongwei-commerce/2024/v1");
        Assert.Contains("这是本报告已被更正的第 1 版", v1.QuerySelector(".preview-banner")!.Text(), StringComparison.Ordinal);
        Assert.Equal("14", CellTexts(v1, "licensing"));

        // The year's totals behind /statistics took the first version out and the correction in.
        await _factory.WithDbAsync(async db =>
        {
            var licensing = await db.YearCellTotals.SingleAsync(t => t.Year == 2024 && t.Row == "licensing" && t.Column == "decisions");
            Assert.Equal((15L, 1), (licensing.Sum, licensing.Count));
            Assert.Equal(1, await db.ReportSummaries.CountAsync(s => s.Version.IsCurrent && s.Version.Report.Year == 2024));
        });
    }

    [Fact]
    public async Task Preview_ShowsThePublicLayoutWithTheBanner_AndThePdfSaysDraftOnEveryPage()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        await SaveTableAsync(editor, 3, Balanced);

        var preview = await editor.GetAsync($"{Base}/preview");
        Assert.Equal("预览：本报告当前状态为“草稿”，尚未公开。公开后的页面与此相同。", preview.QuerySelector(".preview-banner")!.Text());
        Assert.NotNull(preview.QuerySelector("article.report #report-title"));

        using var response = await editor.Http.GetAsync(new Uri($"{Base}/preview.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        Assert.True(pdf.NumberOfPages >= 2, $"{pdf.NumberOfPages} pages");
        Assert.All(pdf.GetPages(), page => Assert.Contains("草稿", page.Text, StringComparison.Ordinal));

        using var reader = _factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        using var anonymous = await reader.GetAsync(new Uri("/reports/zhongwei-commerce/2024", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
    }

    [Fact]
    public async Task Narrative_BoldBecomesStrong_AndHtmlIsShownAsText()
    {
        using var editor = await SignInAsync(_factory, Editor);
        using var admin = await SignInAsync(_factory, AdminEmail);
        await StartAsync(editor);
        await SaveTableAsync(editor, 3, Balanced);
        var saved = await editor.SubmitAsync($"{Base}/sections", "form.form", new() { ["Problems"] = "一是**公开不够及时**。<script>alert('x')</script>" });
        Assert.Equal("已保存。", saved.Flash());
        await WorkflowAsync(editor, "submit", "已提交审核。");
        await WorkflowAsync(admin, "approve", "已审核通过。");
        await WorkflowAsync(admin, "publish", "已发布，公众现在可以看到本报告。");

        using var reader = _factory.CreateClient(new() { BaseAddress = new Uri("https://localhost") });
        var page = await reader.GetDocumentAsync("/reports/zhongwei-commerce/2024");

        var strong = page.QuerySelectorAll("article.report strong").Select(s => s.Text()).ToList();
        Assert.Contains("公开不够及时", strong);
        Assert.Empty(page.QuerySelectorAll("article.report script"));
        Assert.Contains(page.QuerySelectorAll("article.report p"), p => p.Text().Contains("<script>alert('x')</script>", StringComparison.Ordinal));
    }

    private static string CellTexts(IDocument page, string row) =>
        string.Join(" ", page.GetElementById($"t2-r-{row}")?.ParentElement?.QuerySelectorAll("td").Select(e => e.Text()) ?? []);
}
