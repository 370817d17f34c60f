using System.Net;
using Disclosure.Web.Features.Reports;
using Disclosure.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using static Disclosure.Web.Tests.StaffEntry.StaffClient;
using static Disclosure.Web.Tests.StaffEntry.StaffJourney;

namespace Disclosure.Web.Tests.StaffEntry;

/// <summary>
/// The Word document for 领导审签: a valid DOCX in the official order, the headings as Word headings, the tables with
/// the official merged cells and the stored figures; a draft says so.
/// </summary>
[Collection(PortalCollections.Staff)]
public sealed class ReportDocxTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly PortalFactory _factory = portal;

    [Fact]
    public async Task TheDraft_DownloadsAsAValidWordDocument_InTheOfficialLayout_WithTheStoredFigures()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        await SaveTableAsync(editor, 3, new(Balanced) { ["Cells[new.commercial]"] = "4", ["Cells[deny_1.commercial]"] = "4" });
        await SaveTableAsync(editor, 2, new() { ["Cells[licensing.decisions]"] = "15" });
        await editor.SubmitAsync($"{Base}/sections", "form.form", new() { ["Problems"] = "一是公开不够及时。\n\n二是解读形式单一。" });

        using var response = await editor.Http.GetAsync(new Uri($"{Base}/preview.docx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AnnualReportDocx.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(".docx", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);

        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var invalid = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join('\n', invalid.Distinct().Take(10)));
        var body = document.MainDocumentPart!.Document.Body!;
        string Style(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
        var paragraphs = body.Elements<Paragraph>().ToList();

        Assert.StartsWith("草稿", paragraphs[0].InnerText, StringComparison.Ordinal);
        Assert.Equal(["中卫市商务局", "2024年政府信息公开工作年度报告"], paragraphs.Where(p => Style(p) == "Title").Select(p => p.InnerText));
        Assert.Equal(
            ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
            paragraphs.Where(p => Style(p) == "Heading1").Select(p => p.InnerText));
        Assert.Contains(paragraphs, p => p.InnerText == "二是解读形式单一。");

        var tables = body.Elements<Table>().ToList();
        Assert.Equal(3, tables.Count);
        var licensing = tables[0].Elements<TableRow>().Single(r => r.Elements<TableCell>().First().InnerText == "行政许可");
        Assert.Equal("15", licensing.Elements<TableCell>().Last().InnerText);

        var t3 = tables[1];
        var denied = t3.Elements<TableRow>().First(r => r.InnerText.Contains("（三）不予公开", StringComparison.Ordinal));
        var subgroup = denied.Elements<TableCell>().First(c => c.InnerText == "（三）不予公开");
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Restart, subgroup.TableCellProperties!.VerticalMerge!.Val!.Value);
        Assert.Contains(denied.Elements<TableCell>(), c => c.InnerText == "4"); // 1.属于国家秘密·商业企业
        var group = t3.Descendants<TableCell>().First(c => c.InnerText == "三、本年度办理结果");
        Assert.Equal(DocumentFormat.OpenXml.Wordprocessing.MergedCellValues.Restart, group.TableCellProperties!.VerticalMerge!.Val!.Value);
        var width = t3.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count();
        Assert.All(t3.Elements<TableRow>(), row => Assert.Equal(width, row.Elements<TableCell>().Sum(c => c.TableCellProperties?.GridSpan?.Val?.Value ?? 1)));
    }
}
