using Disclosure.Domain.Register;
using Disclosure.Web.Features.Admin.Register;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Disclosure.Web.Tests.Register;

/// <summary>The exchange files without a database: the template, the export's CSV and XLSX read back, the date forms.</summary>
public sealed class RegisterExchangeTests
{
    [Fact]
    public void Template_HasTheHeadersAndDropDownsOfEveryListFromAHiddenSheet()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(RegisterExport.Template()), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["登记台账", "选项"], sheets.Select(s => s.Name!.Value));
        Assert.Equal(SheetStateValues.Hidden, sheets[1].State!.Value);

        var sheet = RegisterSheetReader.ReadXlsx(new MemoryStream(RegisterExport.Template()));
        Assert.Equal(RegisterColumns.Template, sheet.Headers);
        Assert.Empty(sheet.Rows);

        var register = (WorksheetPart)workbook.GetPartById(sheets[0].Id!.Value!);
        var validations = register.Worksheet.Descendants<DataValidation>().ToList();
        Assert.Equal(["C2:C10000", "E2:E10000", "N2:N10000"], validations.Select(v => v.SequenceOfReferences!.InnerText));
        Assert.Equal("选项!$C$2:$C$22", validations[2].Formula1!.Text);

        var options = (WorksheetPart)workbook.GetPartById(sheets[1].Id!.Value!);
        var outcomes = options.Worksheet.Descendants<Cell>().Where(c => c.CellReference!.Value!.StartsWith('C')).Skip(1).Select(c => c.InnerText).ToList();
        Assert.Equal(RegisterVocabulary.OutcomeLabels, outcomes);
    }

    [Fact]
    public void Export_CsvAndXlsx_ReadBackAsTheSameRows_WithFormulaLikeTextEscaped()
    {
        string[][] rows =
        [
            ["=1+2", "2024-09-27", "自然人", "内容，含逗号\n和换行", "", "", "", "", "", "", "", "", "", "", "", "2024-10-30", "办理中", "是"],
        ];
        using var csv = new MemoryStream();
        RegisterExport.WriteCsv(csv, rows);
        var text = System.Text.Encoding.UTF8.GetString(csv.ToArray());
        Assert.StartsWith("\uFEFF申请编号,", text, StringComparison.Ordinal);
        Assert.Contains("'=1+2", text, StringComparison.Ordinal);

        foreach (var sheet in new[] { RegisterSheetReader.Read(new MemoryStream(csv.ToArray())), RegisterSheetReader.Read(new MemoryStream(RegisterExport.WriteXlsx(rows, 2024))) })
        {
            Assert.Equal(RegisterExport.Columns, sheet.Headers);
            var row = Assert.Single(sheet.Rows);
            Assert.Equal(2, row.RowNumber);
            Assert.Equal("内容，含逗号\n和换行", row[3].Text);
            Assert.Equal("2024-10-30", row[15].Text);
        }
    }

    [Fact]
    public void ACsvSavedAsGbk_ByExcelOrWpsOnChineseWindows_IsReadAsChinese()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var text = "申请编号,收到申请日期,申请人类型,申请内容\r\nG-001,2024-09-27,自然人,请公开某路段拓宽工程的立项批复\r\n";
        var gbk = System.Text.Encoding.GetEncoding("GBK").GetBytes(text);
        Assert.False(System.Text.Unicode.Utf8.IsValid(gbk));

        var sheet = RegisterSheetReader.Read(new MemoryStream(gbk));

        Assert.Equal(["申请编号", "收到申请日期", "申请人类型", "申请内容"], sheet.Headers);
        Assert.Equal("请公开某路段拓宽工程的立项批复", Assert.Single(sheet.Rows)[3].Text);
    }

    [Fact]
    public void ACsvInNeitherUtf8NorGb18030_IsRefusedWithAClearMessage()
    {
        byte[] bytes = [.. "申请编号,收到申请日期\r\n"u8, 0x81, 0x20, 0xFF, 0x0D, 0x0A];

        var refused = Assert.Throws<RegisterFileException>(() => RegisterSheetReader.Read(new MemoryStream(bytes)));

        Assert.Contains("CSV UTF-8", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-09-27")]
    [InlineData("2024/9/27")]
    [InlineData("2024年9月27日")]
    [InlineData("2024/9/27 0:00:00")]
    public void TryParseDate_TakesTheTemplatesForms(string text)
    {
        Assert.True(RegisterImport.TryParseDate(new SheetCell(text, null), out var date));
        Assert.Equal(new DateOnly(2024, 9, 27), date);
    }

    [Fact]
    public void TryParseDate_TakesAnExcelSerial_AndRefusesOtherNumbersAndText()
    {
        Assert.True(RegisterImport.TryParseDate(new SheetCell("45562", 45562), out var date));
        Assert.Equal(new DateOnly(2024, 9, 27), date);
        Assert.False(RegisterImport.TryParseDate(new SheetCell("3", 3), out _));
        Assert.False(RegisterImport.TryParseDate(new SheetCell("45562.5", 45562.5), out _));
        Assert.False(RegisterImport.TryParseDate(new SheetCell("27/09/2024", null), out _));
    }
}
