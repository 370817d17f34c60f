using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Disclosure.Domain.Audit;
using Disclosure.Web.Tests.Infrastructure;
using Disclosure.Web.Tests.StaffEntry;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Register;

/// <summary>
/// Import and export of the register through the browser pages: a refused file names every bad row and writes
/// nothing; a clean file is previewed, written only on 确认导入, once; the export carries the computed deadline;
/// access, the file field's messages and the audit trail. The clock is 3 February 2025 (Beijing): every date of the
/// 2024 register has passed.
/// </summary>
public sealed class RegisterExchangePagesTests : IClassFixture<RegisterPortalFactory>
{
    private const string Commerce = "/admin/register/zhongwei-commerce";

    private readonly RegisterPortalFactory _portal;

    public RegisterExchangePagesTests(RegisterPortalFactory portal)
    {
        _portal = portal;
        portal.Time.Now = ManualClock.At("2025-02-03");
    }

    private static readonly string[] Header = RegisterFiles.Header;

    [Fact]
    public async Task BadRows_AreRefusedWhole_EachRowNamed_AndNothingIsWritten()
    {
        var editor = await _portal.StaffAsync(StaffClient.Editor);
        var before = await CountAsync("zhongwei-commerce");
        var csv = RegisterFiles.Csv(Header,
        [
            ["B-001", "2024-10-08", "自然人", "某项目批复", "网络", "", "", "", "", "", "", "", "", "", ""],
            ["B-002", "2024-13-01", "自然人", "某项目环评", "网络", "", "", "", "", "", "", "", "", "", ""],
            ["B-003", "2024-10-09", "", "某项目招标文件", "网络", "", "", "", "", "", "", "", "", "", ""],
            ["B-004", "2024-10-10", "自然人", "某路段规划", "网络", "", "", "", "", "", "", "", "2024-10-20", "不知道", ""],
        ]);

        var (status, page) = await UploadAsync(editor, Commerce, "台账.csv", csv);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("未导入任何数据", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll(".import-problems tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Contains("第 3 行", rows); // the header is row 1: B-002's month 13
        Assert.Contains("第 4 行", rows); // B-003 has no 申请人类型
        Assert.Contains("第 5 行", rows); // B-004's 办理结果 is not one of the table's
        Assert.DoesNotContain("第 2 行", rows);
        Assert.Null(page.QuerySelector("form[action$='/import/confirm']"));
        Assert.Equal(before, await CountAsync("zhongwei-commerce"));
    }

    [Fact]
    public async Task CleanXlsx_IsPreviewed_WrittenOnlyOnConfirmation_Once_AndAudited()
    {
        var editor = await _portal.StaffAsync(StaffClient.Editor);
        var before = await CountAsync("zhongwei-commerce");
        var rows = RegisterFiles.Year2024.Select(r => r.Select((v, i) => i == 0 ? v.Replace("Z2024", "X2024", StringComparison.Ordinal) : v).ToArray()).ToList();
        var xlsx = RegisterFiles.Xlsx(Header, rows);

        var (status, preview) = await UploadAsync(editor, Commerce, "2024年台账.xlsx", xlsx);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(preview.QuerySelector("p.summary") is not null, preview.QuerySelector("main")?.TextContent);
        Assert.Contains("新增 8 条，更新 0 条", preview.QuerySelector("p.summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("X2024-004", preview.QuerySelector("#additions-caption")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync("zhongwei-commerce")); // a preview writes nothing

        var listed = await editor.SubmitAsync(preview, "form[action$='/import/confirm']", []);
        Assert.EndsWith(Commerce, new Uri(listed.Url).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("已导入 2024年台账.xlsx：新增 8 条", listed.Flash(), StringComparison.Ordinal);
        Assert.Equal(before + 8, await CountAsync("zhongwei-commerce"));
        await _portal.WithDbAsync(async db => Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.RegisterImported && e.Details!.Contains("2024年台账.xlsx"))));

        // The same confirmation again (a double click, the back button) adds nothing.
        using var again = await editor.PostAsync(preview, "form[action$='/import/confirm']", []);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await StaffClient.ParseAsync(await again.Content.ReadAsStringAsync(), again.RequestMessage!.RequestUri!);
        Assert.Contains("已过期", page.QuerySelector("#f-file-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before + 8, await CountAsync("zhongwei-commerce"));

        // Uploading it once more: every row is unchanged, and there is nothing to confirm.
        var (_, same) = await UploadAsync(editor, Commerce, "2024年台账.xlsx", xlsx);
        Assert.Contains("新增 0 条，更新 0 条，未变 8 条", same.QuerySelector("p.summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(same.QuerySelector("form[action$='/import/confirm']"));
    }

    [Fact]
    public async Task Export_OfAYear_HasTheComputedDeadline_InCsvAndXlsx_AndIsAudited()
    {
        var editor = await _portal.StaffAsync(StaffClient.Editor);
        var csv = RegisterFiles.Csv(Header,
        [
            ["E2024-004", "2024-09-27", "自然人", "国庆期间市场保供方案", "网络", "赵六", "", "", "", "", "", "", "2024-10-30", "予以公开", ""],
        ]);
        var (_, preview) = await UploadAsync(editor, Commerce, "e.csv", csv);
        await editor.SubmitAsync(preview, "form[action$='/import/confirm']", []);

        using var response = await editor.Http.GetAsync(new Uri(Commerce + "/export?year=2024&format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.EndsWith("答复期限,状态,是否逾期", lines[0], StringComparison.Ordinal);
        // Received Friday 27 September 2024 → due Wednesday 30 October (the 国庆 days skipped, two weekend workdays counted).
        Assert.Contains(lines, l => l.StartsWith("E2024-004,2024-09-27,", StringComparison.Ordinal) && l.EndsWith(",2024-10-30,已办结,否", StringComparison.Ordinal));

        using var xlsx = await editor.Http.GetAsync(new Uri(Commerce + "/export?year=2024&format=xlsx", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]);

        using var bad = await editor.Http.GetAsync(new Uri(Commerce + "/export?year=2024&format=pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, bad.StatusCode);
        await _portal.WithDbAsync(async db => Assert.True(await db.AuditEntries.CountAsync(e => e.Action == AuditAction.RegisterExported) >= 2));
    }

    [Theory]
    [InlineData("台账.txt", "只能导入 .csv 或 .xlsx")]
    [InlineData("台账.xlsx", "不是有效的 XLSX")]
    [InlineData("", "请选择要导入的")]
    public async Task AFileThatCannotBeRead_GetsAMessageAtTheFileField(string name, string message)
    {
        var editor = await _portal.StaffAsync(StaffClient.Editor);
        var bytes = name.Length == 0 ? [] : "PK this is not a workbook"u8.ToArray();

        var (status, page) = await UploadAsync(editor, Commerce, name, bytes);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, page.QuerySelector("#f-file-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#f-file")!.GetAttribute("aria-invalid"));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#f-file']"));
    }

    [Fact]
    public async Task OnlyTheOfficesEditorsAndAdministrators_MayImportOrExport()
    {
        var editor = await _portal.StaffAsync(StaffClient.Editor);
        var reviewer = await _portal.StaffAsync(StaffClient.Reviewer);
        await editor.GetAsync("/admin/register/pingtan/import", 403);
        await reviewer.GetAsync(Commerce + "/import", 403);
        using var export = await reviewer.Http.GetAsync(new Uri(Commerce + "/export?year=2024&format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);

        // A preview's token belongs to the person and office that uploaded the file.
        var admin = await _portal.StaffAsync(StaffClient.AdminEmail);
        var csv = RegisterFiles.Csv(Header, [["T-001", "2024-10-08", "自然人", "某项目批复", "网络", "", "", "", "", "", "", "", "", "", ""]]);
        var (_, preview) = await UploadAsync(admin, "/admin/register/pingtan", "t.csv", csv);
        var token = preview.QuerySelector<IHtmlInputElement>("input[name='token']")!.Value;
        var (status, _) = await admin.PostToAsync(preview, Commerce + "/import/confirm", new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.OK, status);
        var (editorStatus, _) = await editor.PostToAsync(await editor.GetAsync(Commerce + "/import"), Commerce + "/import/confirm", new() { ["token"] = token });
        Assert.Equal(HttpStatusCode.OK, editorStatus);
        Assert.Equal(0, await CountAsync("pingtan", "T-001"));
    }

    [Fact]
    public async Task TheBlankTemplate_Downloads_AndTheListLinksToImportAndExport()
    {
        var editor = await _portal.StaffAsync(StaffClient.Editor);
        using var template = await editor.Http.GetAsync(new Uri("/admin/register/template.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        Assert.Contains("xlsx", template.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);

        var list = await editor.GetAsync(Commerce + "?year=2024");
        Assert.NotNull(list.QuerySelector($"a[href='{Commerce}/import']"));
        Assert.NotNull(list.QuerySelector($"a[href='{Commerce}/export?year=2024&format=xlsx']"));
        Assert.NotNull(list.QuerySelector($"a[href='{Commerce}/export?year=2024&format=csv']"));
    }

    private async Task<int> CountAsync(string slug, string? number = null)
    {
        var count = 0;
        await _portal.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Slug == slug);
            count = await db.RegisterApplications.CountAsync(a => a.AgencyId == agency.Id && (number == null || a.Number == number));
        });
        return count;
    }

    private static async Task<(HttpStatusCode Status, IDocument Page)> UploadAsync(StaffClient staff, string register, string fileName, byte[] bytes)
    {
        var form = await staff.GetAsync(register + "/import");
        var token = form.QuerySelector<IHtmlInputElement>("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']")!.Value;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        if (fileName.Length > 0)
        {
            content.Add(new ByteArrayContent(bytes), "file", fileName);
        }

        using var response = await staff.Http.PostAsync(new Uri(register + "/import", UriKind.Relative), content);
        return (response.StatusCode, await StaffClient.ParseAsync(await response.Content.ReadAsStringAsync(), response.RequestMessage!.RequestUri!));
    }
}
