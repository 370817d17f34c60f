using System.Net;
using System.Text;
using Disclosure.Web.Features.Admin.Import;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Tests.Infrastructure;
using Disclosure.Web.Tests.StaffEntry;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Security;

/// <summary>
/// The draft preview is never stored by a browser or proxy; its PDF is rendered once per revision and limited per
/// person. The import accepts what it says (1,000,000 characters, Chinese included) and says so when a paste is larger.
/// </summary>
public sealed class PreviewAndImportLimitTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DraftPreview_IsNoStore_AndItsPdfIsRenderedOncePerRevision_AndLimited()
    {
        using var staff = await StaffClient.SignInAsync(portal, StaffClient.AdminEmail);
        var workspace = await staff.GetAsync(StaffClient.Base);
        await staff.SubmitAsync(workspace, "form[action$='/start']", []);

        using var page = await staff.Http.GetAsync(new Uri(StaffClient.Base + "/preview", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore, "the preview page is no-store");

        var previews = portal.Services.GetRequiredService<DraftPdfCache>();
        var before = previews.Renders;
        for (var i = 0; i < DraftPdfCache.RequestsPerMinute; i++)
        {
            using var pdf = await staff.Http.GetAsync(new Uri(StaffClient.Base + "/preview.pdf", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(before + 1, previews.Renders);
        using var limited = await staff.Http.GetAsync(new Uri(StaffClient.Base + "/preview.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
    }

    [Fact]
    public async Task Import_AcceptsTheStatedNumberOfChineseCharacters_AndExplainsALargerPaste()
    {
        var admin = await Staff.SignInAsync(portal, "admin@demo.local");
        using var client = admin.Client(portal);
        var form = await client.GetDocumentAsync("/admin/import");
        Assert.Contains($"最多 {ImportForm.TextMaxLength:N0} 个字符", form.QuerySelector("#f-Text-hint")?.TextContent, StringComparison.Ordinal);

        using (var atLimit = await client.PostFormAsync("/admin/import/preview", [new("Text", new string('中', ImportForm.TextMaxLength))], admin.Token))
        {
            Assert.Equal(HttpStatusCode.OK, atLimit.StatusCode);
        }

        using (var tooLong = await client.PostFormAsync("/admin/import/preview", [new("Text", new string('a', ImportForm.TextMaxLength + 1))], admin.Token))
        {
            Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
            Assert.Contains("内容过长", (await tooLong.ParseAsync()).QuerySelector("#f-Text-error")?.TextContent, StringComparison.Ordinal);
        }

        using var huge = await client.PostFormAsync("/admin/import/preview", [new("Text", new string('中', (ImportForm.TextMaxLength * 11) / 10))], admin.Token);
        Assert.True(huge.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{huge.StatusCode}: {await huge.Content.ReadAsStringAsync()} {huge.RequestMessage!.Content!.Headers.ContentLength}");
        var page = await huge.ParseAsync();
        Assert.Contains($"{ImportForm.TextMaxLength:N0} 个字符", page.QuerySelector("main")?.TextContent, StringComparison.Ordinal);
    }
}
