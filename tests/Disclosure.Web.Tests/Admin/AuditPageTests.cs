using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Admin;

public sealed class AuditPageTests(AdminPortalFixture portal) : IClassFixture<AdminPortalFixture>
{
    [Fact]
    public async Task AuditPage_ShowsEntriesNewestFirst_AndFilters()
    {
        using var admin = portal.AdminClient();
        using (await admin.PostFormAsync("/admin/reports/zhongwei-commerce/2024/start", [], portal.Admin.Token))
        {
        }

        using (await admin.PostFormAsync("/admin/agencies/new", [new("Name", "审计测试机关"), new("Slug", "audit-test"), new("Level", "Township")], portal.Admin.Token))
        {
        }

        var all = await admin.GetDocumentAsync("/admin/audit");
        var rows = all.QuerySelectorAll("table.audit tbody tr");
        Assert.True(rows.Length >= 2);
        Assert.Contains("新建机关", rows[0].Text(), StringComparison.Ordinal);
        Assert.Contains("审计测试机关", rows[0].Text(), StringComparison.Ordinal);
        Assert.Contains("政务公开办（演示）", rows[0].Text(), StringComparison.Ordinal);
        Assert.Contains("新建报告", rows[1].Text(), StringComparison.Ordinal);

        var reportId = 0;
        await portal.Factory.WithDbAsync(async db => reportId = await db.Reports.Where(r => r.Year == 2024 && r.Agency.Slug == "zhongwei-commerce").Select(r => r.Id).SingleAsync());
        var byReport = await admin.GetDocumentAsync($"/admin/audit?report={reportId}");
        var reportRow = Assert.Single(byReport.QuerySelectorAll("table.audit tbody tr"));
        Assert.Contains("2024年度报告", reportRow.Text(), StringComparison.Ordinal);
        Assert.Contains("第 1 版", reportRow.Text(), StringComparison.Ordinal);

        var byAction = await admin.GetDocumentAsync("/admin/audit?action=AgencyCreated");
        Assert.All(byAction.QuerySelectorAll("table.audit tbody tr"), r => Assert.Contains("新建机关", r.Text(), StringComparison.Ordinal));

        var future = await admin.GetDocumentAsync("/admin/audit?from=2099-01-01");
        Assert.Empty(future.QuerySelectorAll("table.audit tbody tr"));
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var todays = await admin.GetDocumentAsync($"/admin/audit?from={today}&to={today}");
        Assert.True(todays.QuerySelectorAll("table.audit tbody tr").Length >= 2);

        var reviewerId = "";
        await portal.Factory.WithDbAsync(async db => reviewerId = (await db.Users.SingleAsync(u => u.Email == "reviewer@demo.local")).Id);
        var byReviewer = await admin.GetDocumentAsync($"/admin/audit?user={reviewerId}");
        Assert.Empty(byReviewer.QuerySelectorAll("table.audit tbody tr"));
    }
}
