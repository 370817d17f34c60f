using Disclosure.Web.Tests.Infrastructure;
using static Disclosure.Web.Tests.StaffEntry.StaffClient;
using static Disclosure.Web.Tests.StaffEntry.StaffJourney;

namespace Disclosure.Web.Tests.StaffEntry;

/// <summary>
/// How an Editor finds the work: the workbench lists every unfinished report in any year; no link leads to a page
/// the Editor may not open; the draft preview links to the draft PDF and back, never to public URLs that do not exist yet.
/// </summary>
[Collection(PortalCollections.Staff)]
public sealed class EditorWayInTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly PortalFactory _factory = portal;

    [Fact]
    public async Task TheWorkbench_ListsUnfinishedReportsOfEveryYear_ReturnedFirst()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor, "/admin/reports/zhongwei-commerce/2021");
        await StartAsync(editor);

        var home = await editor.GetAsync("/admin");

        var rows = home.QuerySelectorAll(".work-list tbody tr").Select(r => r.Text()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("2021年度", rows[0], StringComparison.Ordinal);
        Assert.Contains("2022年1月31日（已逾期）", rows[0], StringComparison.Ordinal);
        Assert.Contains("2024年度", rows[1], StringComparison.Ordinal);
        Assert.Contains("草稿", rows[1], StringComparison.Ordinal);
        Assert.NotNull(home.QuerySelector(".work-list a[href='/admin/reports/zhongwei-commerce/2021']"));
    }

    [Fact]
    public async Task TheWorkspaceBreadcrumb_NeverLinksAnEditorToAPageThatRefusesThem()
    {
        using var editor = await SignInAsync(_factory, Editor);
        var page = await editor.GetAsync(Base);
        foreach (var link in page.QuerySelectorAll(".breadcrumb a").Select(a => a.GetAttribute("href")!))
        {
            using var response = await editor.Http.GetAsync(new Uri(link, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{link}: {response.StatusCode}");
        }

        Assert.Null(page.QuerySelector(".breadcrumb a[href^='/admin/years/']"));
        using var admin = await SignInAsync(_factory, AdminEmail);
        Assert.NotNull((await admin.GetAsync(Base)).QuerySelector(".breadcrumb a[href='/admin/years/2024']"));
    }

    [Fact]
    public async Task TheDraftPreview_LinksToTheDraftPdfAndBack_AndSaysBlanksAreTheOfficesToFill()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);

        var preview = await editor.GetAsync($"{Base}/preview");

        Assert.Null(preview.QuerySelector("a[href^='/reports/']"));
        Assert.NotNull(preview.QuerySelector($".downloads a[href='{Base}/preview.pdf']"));
        Assert.NotNull(preview.QuerySelector($".breadcrumb a[href='{Base}']"));
        foreach (var link in preview.QuerySelectorAll(".downloads a, .breadcrumb a").Select(a => a.GetAttribute("href")!))
        {
            using var response = await editor.Http.GetAsync(new Uri(link, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{link}: {response.StatusCode}");
        }

        var findings = string.Join(" ", preview.QuerySelectorAll(".findings").Select(f => f.TextContent));
        Assert.Contains("没有发生的事项请填 0", findings, StringComparison.Ordinal);
        Assert.DoesNotContain("照原样", findings, StringComparison.Ordinal);
    }
}
