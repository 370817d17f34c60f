using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using static Disclosure.Web.Tests.StaffEntry.StaffClient;
using static Disclosure.Web.Tests.StaffEntry.StaffJourney;

namespace Disclosure.Web.Tests.StaffEntry;

/// <summary>
/// Tables 二, 三 and 四 through Excel: the workbook is the printed layout (carry-over filled in, figures unlocked,
/// totals as formulas, sheets protected); filled in and uploaded, it previews every change by printed label, refuses
/// the whole file on any bad figure, and saves only on confirmation.
/// </summary>
[Collection(PortalCollections.Staff)]
public sealed class TablesWorkbookTests(PortalFactory portal) : PortalTest(portal)
{
    private readonly PortalFactory _factory = portal;

    [Fact]
    public async Task TheWorkbook_IsThePrintedLayout_WithTheCarryOver_UnlockedFigures_AndFormulaTotals()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        var bytes = await DownloadAsync(editor);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join('\n', invalid.Distinct().Take(10)));
        var workbook = document.WorkbookPart!;
        Assert.Equal(["表二", "表三", "表四"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));
        var t3 = Sheet(workbook, "表三");
        Assert.NotNull(t3.Worksheet.GetFirstChild<SheetProtection>());
        Assert.StartsWith("中卫市商务局 2024年度 表三：收到和处理政府信息公开申请情况", Text(workbook, t3, "A1"), StringComparison.Ordinal);
        Assert.Contains(Texts(workbook, t3), t => t == "（三）不予公开");
        Assert.Contains(Texts(workbook, t3), t => t == "三、本年度办理结果");

        // The carry-over is filled in from 2023 (中卫 carried 0 forward in every column) and can be typed over.
        var carried = Locate(workbook, t3, "carried_over", "natural_person");
        Assert.Equal("0", carried.CellValue?.Text);
        Assert.False(IsLocked(workbook, carried));
        var total = Locate(workbook, t3, "total_processed", "total");
        Assert.StartsWith("SUM(", total.CellFormula!.Text, StringComparison.Ordinal);
        Assert.True(IsLocked(workbook, total));
        Assert.NotNull(t3.Worksheet.GetFirstChild<MergeCells>());
    }

    [Fact]
    public async Task AFilledInWorkbook_IsPreviewedByPrintedLabel_AndSavedOnlyOnConfirmation()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        var filled = Fill(await DownloadAsync(editor), ("表三", "new", "natural_person", "3"), ("表三", "other_3", "natural_person", "3"), ("表二", "licensing", "decisions", "15"), ("表四", "administrative_review", "upheld", "1"));

        var preview = await UploadAsync(editor, "统计表.xlsx", filled);

        var changes = preview.QuerySelectorAll("#changes-caption ~ tbody tr th").Select(th => th.TextContent).ToList();
        Assert.Contains("表三 一、本年新收政府信息公开申请数量·自然人", changes);
        Assert.Contains("表二 行政许可·本年处理决定数量", changes);
        Assert.Contains("表四 行政复议·结果维持", changes);
        Assert.Equal(4, changes.Count);
        Assert.Equal("", (await editor.GetAsync($"{Base}/table/2")).Value(StaffPages.CellId("licensing", "decisions"))); // nothing saved yet

        var saved = await editor.SubmitAsync(preview, "form[action$='/tables/import/confirm']", []);

        Assert.Equal("已从 Excel 导入表二、表三、表四。", saved.Flash());
        Assert.Equal("15", (await editor.GetAsync($"{Base}/table/2")).Value(StaffPages.CellId("licensing", "decisions")));
        var t3 = await editor.GetAsync($"{Base}/table/3");
        Assert.Equal("3", t3.Value(StaffPages.CellId("new", "natural_person")));
        Assert.Equal("3", t3.Output("total_processed", "natural_person"));
        Assert.Equal("1", (await editor.GetAsync($"{Base}/table/4")).Value(StaffPages.CellId("administrative_review", "upheld")));
    }

    [Fact]
    public async Task ABadFigure_RefusesTheWholeFile_NamingTheCell()
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);
        var filled = Fill(await DownloadAsync(editor), ("表三", "new", "natural_person", "三"), ("表二", "licensing", "decisions", "15"));

        var preview = await UploadAsync(editor, "统计表.xlsx", filled);

        var problem = Assert.Single(preview.QuerySelectorAll("#problems-caption ~ tbody tr"));
        Assert.Equal("表三 一、本年新收政府信息公开申请数量·自然人", problem.QuerySelector("th")!.TextContent);
        Assert.Contains("请填写整数", problem.TextContent, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("form[action$='/tables/import/confirm']"));
        Assert.Equal("", (await editor.GetAsync($"{Base}/table/2")).Value(StaffPages.CellId("licensing", "decisions")));
    }

    [Theory]
    [InlineData("统计表.csv", "not a workbook", "请上传 .xlsx 文件")]
    [InlineData("统计表.xlsx", "not a workbook", "文件不是有效的 XLSX")]
    [InlineData("统计表.xlsx", "", "请选择要上传的文件")]
    public async Task AFileThatIsNotTheTemplate_IsRefusedAtTheFileField(string name, string content, string message)
    {
        using var editor = await SignInAsync(_factory, Editor);
        await StartAsync(editor);

        var page = await UploadAsync(editor, name, System.Text.Encoding.UTF8.GetBytes(content));

        Assert.Contains(message, page.QuerySelector("#f-file-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#f-file")!.GetAttribute("aria-invalid"));
    }

    private static async Task<byte[]> DownloadAsync(StaffClient staff)
    {
        using var response = await staff.Http.GetAsync(new Uri($"{Base}/tables.xlsx", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<IDocument> UploadAsync(StaffClient staff, string fileName, byte[] bytes)
    {
        var form = await staff.GetAsync($"{Base}/tables/import");
        var token = form.QuerySelector<IHtmlInputElement>("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']")!.Value;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (bytes.Length > 0)
        {
            content.Add(new ByteArrayContent(bytes), "file", fileName);
        }

        using var response = await staff.Http.PostAsync(new Uri($"{Base}/tables/import", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(await response.Content.ReadAsStringAsync(), response.RequestMessage!.RequestUri!);
    }

    /// <summary>Types figures into the workbook as Excel would store them (numbers as numbers, text as shared strings).</summary>
    private static byte[] Fill(byte[] workbookBytes, params (string Sheet, string Row, string Column, string Value)[] figures)
    {
        using var stream = new MemoryStream();
        stream.Write(workbookBytes);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            var workbook = document.WorkbookPart!;
            foreach (var (sheetName, row, column, value) in figures)
            {
                var cell = Locate(workbook, Sheet(workbook, sheetName), row, column);
                cell.CellFormula = null;
                if (double.TryParse(value, out _))
                {
                    cell.DataType = CellValues.Number;
                    cell.CellValue = new CellValue(value);
                    cell.InlineString = null;
                }
                else
                {
                    cell.DataType = CellValues.InlineString;
                    cell.CellValue = null;
                    cell.InlineString = new InlineString(new Text(value));
                }
            }
        }

        return stream.ToArray();
    }

    private static WorksheetPart Sheet(WorkbookPart workbook, string name) =>
        (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name).Id!.Value!);

    /// <summary>The cell of a figure, found where the portal places it (the layout of the report's format).</summary>
    private static Cell Locate(WorkbookPart workbook, WorksheetPart sheet, string row, string column)
    {
        var id = Enum.Parse<Disclosure.Domain.Reports.Layouts.ReportTableId>(sheet == Sheet(workbook, "表二") ? "Proactive" : sheet == Sheet(workbook, "表三") ? "Applications" : "Reviews");
        var printed = Disclosure.Domain.Reports.Layouts.ReportLayout.For(Disclosure.Domain.Reports.ReportFormat.Format2021).Table(id).Printed;
        var place = Disclosure.Domain.Reports.Layouts.PrintedGrid.Place(printed)
            .Single(p => p.Cell is Disclosure.Domain.Reports.Layouts.DataCell d && d.Ref == new Disclosure.Domain.Reports.Layouts.CellRef(row, column));
        var address = TablesWorkbook.Address(3 + place.Row, place.Column);
        return sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == address);
    }

    private static bool IsLocked(WorkbookPart workbook, Cell cell)
    {
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        return format.Protection?.Locked?.Value ?? true;
    }

    private static string Text(WorkbookPart workbook, WorksheetPart sheet, string address) =>
        sheet.Worksheet.Descendants<Cell>().Single(c => c.CellReference == address).InnerText;

    private static IEnumerable<string> Texts(WorkbookPart workbook, WorksheetPart sheet) =>
        sheet.Worksheet.Descendants<Cell>().Where(c => c.InlineString is not null).Select(c => c.InlineString!.InnerText);
}
