using Disclosure.Domain.Audit;
using Disclosure.Web.Tests.Infrastructure;
using static Disclosure.Web.Tests.StaffEntry.StaffClient;
using static Disclosure.Web.Tests.StaffEntry.StaffJourney;

namespace Disclosure.Web.Tests.StaffEntry;

/// <summary>Issue 16, separation of duties: whoever submitted a version cannot approve it; approval names the revision seen.</summary>
public sealed class SeparationOfDutiesTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Approve_ByTheAdministratorWhoSubmitted_IsRefused_AndAnotherReviewerApprovesTheRevisionTheySaw()
    {
        using var admin = await SignInAsync(_factory, AdminEmail);
        using var reviewer = await SignInAsync(_factory, Reviewer);
        await StartAsync(admin);
        await SaveTableAsync(admin, 3, Balanced);
        await WorkflowAsync(admin, "submit", "已提交审核。");

        var refused = await admin.SubmitAsync(Base, WorkflowForm("approve"), []);

        Assert.Equal("提交人不能审核通过自己提交的报告，请由另一位审核人审核。", refused.Flash(error: true));
        Assert.Equal("已提交待审核", refused.QuerySelector(".status")!.Text());
        Assert.Empty(await AuditAsync(_factory, AuditAction.ReportApproved));

        var page = await reviewer.GetAsync(Base);
        var seen = page.QuerySelector($"{WorkflowForm("approve")} input[name='revision']")!.GetAttribute("value");
        await WorkflowAsync(reviewer, "approve", "已审核通过。");
        var approval = Assert.Single(await AuditAsync(_factory, AuditAction.ReportApproved));
        Assert.Equal($"审核第 {seen} 次修订", approval.Details);
        Assert.Equal(int.Parse(seen!, System.Globalization.CultureInfo.InvariantCulture), approval.Revision);
        Assert.Contains("reviewer@demo.local", approval.UserName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approve_FromAPageReviewedBeforeTheReportWasReturnedChangedAndResubmitted_IsRefused()
    {
        using var editor = await SignInAsync(_factory, Editor);
        using var reviewer = await SignInAsync(_factory, Reviewer);
        await StartAsync(editor);
        await SaveTableAsync(editor, 3, Balanced);
        await WorkflowAsync(editor, "submit", "已提交审核。");
        var reviewed = await reviewer.GetAsync(Base);

        await WorkflowAsync(reviewer, "return", "已退回修改。", new() { ["comment"] = "请核对表二。" });
        await SaveTableAsync(editor, 2, new() { ["Cells[licensing.decisions]"] = "99" });
        await WorkflowAsync(editor, "submit", "已提交审核。");
        var stale = await reviewer.SubmitAsync(reviewed, WorkflowForm("approve"), []);

        Assert.StartsWith("您审阅的是第 ", stale.Flash(error: true), StringComparison.Ordinal);
        Assert.Contains("请重新审阅后再审核通过", stale.Flash(error: true), StringComparison.Ordinal);
        Assert.Equal("已提交待审核", stale.QuerySelector(".status")!.Text());
        Assert.Empty(await AuditAsync(_factory, AuditAction.ReportApproved));
    }

    [Fact]
    public async Task SinglePersonOffice_LetsTheSubmitterApprove_AndTheAuditTrailSaysSo()
    {
        using var factory = new ConfiguredPortalFactory(new Dictionary<string, string?> { ["Workflow:SinglePersonOffice"] = "true" });
        using var admin = await SignInAsync(factory, AdminEmail);
        await StartAsync(admin);
        await SaveTableAsync(admin, 3, Balanced);
        await WorkflowAsync(admin, "submit", "已提交审核。");

        await WorkflowAsync(admin, "approve", "已审核通过。");

        var approval = Assert.Single(await AuditAsync(factory, AuditAction.ReportApproved));
        Assert.EndsWith("单人办公（Workflow:SinglePersonOffice）：由提交人本人审核通过", approval.Details, StringComparison.Ordinal);
        Assert.Contains("admin@demo.local", approval.UserName, StringComparison.Ordinal);
    }
}
