using System.Net;
using AngleSharp.Html.Parser;
using Disclosure.Web.Tests.Infrastructure;

namespace Disclosure.Web.Tests;

public sealed class ImportFormTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static string Text(string sample) => File.ReadAllText(SharedSamples.Path_(sample + ".txt"));

    [Fact]
    public async Task Preview_ShowsEveryCellAndWritesNothing_ThenConfirmPublishesExactlyTheSample()
    {
        using var admin = (await Staff.SignInAsync(portal, "admin@demo.local")).Client(portal);
        KeyValuePair<string, string>[] fields = [new("Text", Text("hongze-district-2023")), new("AgencySlug", "hongze-import-test"), new("Scope", ""), new("Correction", "")];
        using var preview = await admin.PostFormAsync("/admin/import/preview", fields);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        Assert.Equal("21", page.QuerySelectorAll("table.t3 td[headers]").First(td => td.GetAttribute("headers")!.Contains("t3-r-new", StringComparison.Ordinal)).TextContent.Trim());
        Assert.Equal(2, page.QuerySelectorAll("aside#t4-findings li").Length);
        Assert.Contains("将新建机关", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action='/admin/import/confirm']"));
        using (var notYet = await admin.GetAsync(new Uri("/reports/hongze-import-test/2023.json", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        }

        using var confirm = await admin.PostFormAsync("/admin/import/confirm", fields);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        var json = await admin.GetStringAsync(new Uri("/reports/hongze-import-test/2023.json", UriKind.Relative));
        Assert.Equal(SharedSamples.Json("hongze-district-2023").Replace("\"hongze-district\"", "\"hongze-import-test\"", StringComparison.Ordinal), json);

        // A second import of the same year is refused without a correction note.
        using var again = await admin.PostFormAsync("/admin/import/preview", fields);
        var refused = new HtmlParser().ParseDocument(await again.Content.ReadAsStringAsync());
        Assert.Contains("已经发布", refused.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("form[action='/admin/import/confirm']"));
    }

    [Theory]
    [InlineData("", "请粘贴报告页面的全部文字。")]
    [InlineData("这不是一份报告。\n只是一段话。", "")]
    public async Task BadInput_GetsAMessage_NeverA500(string text, string message)
    {
        using var admin = (await Staff.SignInAsync(portal, "admin@demo.local")).Client(portal);
        using var response = await admin.PostFormAsync("/admin/import/preview", [new("Text", text), new("AgencySlug", "x"), new("Scope", "")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var alert = page.QuerySelector("[role=alert]")!;
        Assert.Contains(message, alert.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action='/admin/import/confirm']"));
    }

    [Fact]
    public async Task Editors_CannotImport()
    {
        using var editor = (await Staff.SignInAsync(portal, "editor@demo.local")).Client(portal);
        using var response = await editor.GetAsync(new Uri("/admin/import", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
