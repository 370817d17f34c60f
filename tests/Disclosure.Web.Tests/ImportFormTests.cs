using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Disclosure.Web.Tests.Infrastructure;

namespace Disclosure.Web.Tests;

[Collection(PortalCollections.Staff)]
public sealed class ImportFormTests(PortalFactory shared) : PortalTest(shared)
{
    private static string Text(string sample) => File.ReadAllText(Fixtures.PathOf(sample + ".txt"));

    [Fact]
    public async Task Preview_ShowsEveryCellAndWritesNothing_ThenConfirmPublishesExactlyTheSample()
    {
        using var admin = (await Staff.SignInAsync(Portal, "admin@demo.local")).Client(Portal);
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
        Assert.Equal(Fixtures.Json("hongze-district-2023").Replace("\"hongze-district\"", "\"hongze-import-test\"", StringComparison.Ordinal), json);

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
        using var admin = (await Staff.SignInAsync(Portal, "admin@demo.local")).Client(Portal);
        using var response = await admin.PostFormAsync("/admin/import/preview", [new("Text", text), new("AgencySlug", "x"), new("Scope", "")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var alert = page.QuerySelector("[role=alert]")!;
        Assert.Contains(message, alert.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action='/admin/import/confirm']"));
    }

    [Fact]
    public async Task PreviewThatCannotBeSaved_KeepsEverythingEntered_WithTheReasonAtTheField()
    {
        using var admin = (await Staff.SignInAsync(Portal, "admin@demo.local")).Client(Portal);

        // No agency code, and no agency of that name: the text stays, and the message is at the agency-code field.
        var text = "\n" + Text("hongze-district-2023").Replace("洪泽", "甲乙", StringComparison.Ordinal);
        using var response = await admin.PostFormAsync("/admin/import/preview", [new("Text", text), new("AgencySlug", ""), new("Scope", "jurisdiction"), new("Correction", "说明")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Null(page.QuerySelector("form[action='/admin/import/confirm']"));
        var form = page.QuerySelector("form[action='/admin/import/preview']")!;
        Assert.Equal(text.ReplaceLineEndings("\n"), form.QuerySelector<IHtmlTextAreaElement>("textarea[name=Text]")!.Value);
        Assert.Equal("说明", form.QuerySelector<IHtmlTextAreaElement>("textarea[name=Correction]")!.Value);
        Assert.NotNull(form.QuerySelector("input[name=Scope][value=jurisdiction][checked]"));
        var slug = form.QuerySelector("#f-AgencySlug")!;
        Assert.Equal("true", slug.GetAttribute("aria-invalid"));
        Assert.Contains("请指定网址标识", page.QuerySelector("#f-AgencySlug-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("--agency", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#f-AgencySlug", page.QuerySelector(".error-summary a")!.GetAttribute("href"));

        // Text that cannot be read: the errors link to the text field, which keeps the text and says so.
        using var broken = await admin.PostFormAsync("/admin/import/preview", [new("Text", "2023年度政府信息公开工作年度报告\n没有表格"), new("AgencySlug", "x"), new("Scope", "")]);
        var brokenPage = new HtmlParser().ParseDocument(await broken.Content.ReadAsStringAsync());
        Assert.Equal("2023年度政府信息公开工作年度报告\n没有表格", brokenPage.QuerySelector<IHtmlTextAreaElement>("textarea[name=Text]")!.Value);
        Assert.Equal("true", brokenPage.QuerySelector("#f-Text")!.GetAttribute("aria-invalid"));
        Assert.All(brokenPage.QuerySelectorAll(".error-summary a"), a => Assert.Equal("#f-Text", a.GetAttribute("href")));
    }

    [Fact]
    public async Task BackFromAGoodPreview_ReturnsTheFormWithEverythingEntered()
    {
        using var admin = (await Staff.SignInAsync(Portal, "admin@demo.local")).Client(Portal);
        KeyValuePair<string, string>[] fields = [new("Text", Text("pingtan-2021")), new("AgencySlug", "pingtan-edit-test"), new("Scope", "agency"), new("Correction", "")];
        using var preview = await admin.PostFormAsync("/admin/import/preview", fields);
        var page = new HtmlParser().ParseDocument(await preview.Content.ReadAsStringAsync());
        var confirm = page.QuerySelector("form[action='/admin/import/confirm']")!;
        Assert.Equal("/admin/import/edit", confirm.QuerySelector("button[formaction]")!.GetAttribute("formaction"));
        Assert.Equal(Text("pingtan-2021").ReplaceLineEndings("\n"), confirm.QuerySelector<IHtmlTextAreaElement>("textarea[name=Text]")!.Value);

        using var back = await admin.PostFormAsync("/admin/import/edit", fields);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var form = new HtmlParser().ParseDocument(await back.Content.ReadAsStringAsync()).QuerySelector("form[action='/admin/import/preview']")!;
        Assert.Equal(Text("pingtan-2021").ReplaceLineEndings("\n"), form.QuerySelector<IHtmlTextAreaElement>("textarea[name=Text]")!.Value);
        Assert.Equal("pingtan-edit-test", form.QuerySelector<IHtmlInputElement>("input[name=AgencySlug]")!.Value);
        Assert.NotNull(form.QuerySelector("input[name=Scope][value=agency][checked]"));
        using var notWritten = await admin.GetAsync(new Uri("/reports/pingtan-edit-test/2021", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, notWritten.StatusCode);
    }

    [Fact]
    public async Task Editors_CannotImport()
    {
        using var editor = (await Staff.SignInAsync(Portal, "editor@demo.local")).Client(Portal);
        using var response = await editor.GetAsync(new Uri("/admin/import", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
