using AngleSharp.Dom;
using Disclosure.Web.Tests.Infrastructure;
using Disclosure.Web.Tests.Register;
using Disclosure.Web.Tests.StaffEntry;

namespace Disclosure.Web.Tests.Dashboard;

/// <summary>
/// The 政务公开办's year page on 10 February 2025: the 2024 reports of departments are late (due 31 January), the
/// governments' own reports are not (due 31 March); on 1 April they are too. Each row shows its own deadline.
/// </summary>
public sealed class FilingDeadlinePagesTests(RegisterPortalFactory portal) : IClassFixture<RegisterPortalFactory>
{
    [Fact]
    public async Task InFebruary_OnlyDepartmentsAreOverdue_AndInAprilGovernmentsToo()
    {
        portal.Time.Now = ManualClock.At("2025-02-10");
        var admin = await portal.StaffAsync(StaffClient.AdminEmail);
        var page = await admin.GetAsync("/admin/years/2024");

        Assert.Equal("2025年1月31日", Cell(page, "中卫市商务局", 2));
        Assert.Equal("2025年3月31日", Cell(page, "淮安市洪泽区人民政府", 2));
        Assert.Contains("逾期", Cell(page, "中卫市商务局", 3), StringComparison.Ordinal);
        Assert.DoesNotContain("逾期", Cell(page, "淮安市洪泽区人民政府", 3), StringComparison.Ordinal);
        Assert.DoesNotContain("逾期", Cell(page, "中卫市人民政府", 3), StringComparison.Ordinal);
        Assert.Contains("县级以上地方人民政府应于 2025年3月31日前公布", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        portal.Time.Now = ManualClock.At("2025-04-01");
        admin = await portal.StaffAsync(StaffClient.AdminEmail);
        page = await admin.GetAsync("/admin/years/2024");
        Assert.Contains("逾期", Cell(page, "淮安市洪泽区人民政府", 3), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEditorsWorkspace_ShowsTheirOfficesDeadline()
    {
        portal.Time.Now = ManualClock.At("2025-01-06");
        var editor = await portal.StaffAsync(StaffClient.Editor);
        var workspace = await editor.GetAsync("/admin/reports/zhongwei-commerce/2024");
        Assert.Contains("2025年1月31日前", workspace.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static string Cell(IDocument page, string agency, int column) =>
        page.QuerySelectorAll("table.list tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == agency)
            .Children[column].TextContent.Trim();
}
