using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Security;

/// <summary>
/// The year's downloads with an agency name that is a spreadsheet formula and holds a control character (stored
/// before input refused them): the CSV neutralises the formula (OWASP: a leading apostrophe) and drops the control
/// character; the XLSX stays valid XML and holds the name as a text cell, never a formula.
/// </summary>
public sealed class DownloadInjectionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"点击查看\")";

    private async Task NameAgencyAsync(string name) =>
        await portal.WithDbAsync(async db =>
            await db.Database.ExecuteSqlAsync($"UPDATE Agencies SET Name = {name} WHERE Slug = 'zhongwei-commerce'"));

    [Fact]
    public async Task FormulaAndControlCharacterInAName_AreNeutralisedInTheCsv_AndTextInAValidWorkbook()
    {
        await NameAgencyAsync(Formula + "\u0001商务局");
        using var client = portal.CreateClient();

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/api/v1/years/2023/table2.csv", UriKind.Relative))).TrimStart('\uFEFF');
        var lines = OpenDataApiTests.ParseCsv(csv);
        var names = lines.Where(line => line[0] == "zhongwei-commerce").Select(line => line[1]).Distinct().ToList();
        Assert.Equal(["'" + Formula + "商务局"], names);
        Assert.DoesNotContain('\u0001', csv);

        await using var stream = await client.GetStreamAsync(new Uri("/api/v1/years/2023.xlsx", UriKind.Relative));
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var sheet = OpenDataApiTests.Load(zip, "xl/worksheets/sheet3.xml");
        var cell = sheet.Descendants(ns + "c")
            .Single(c => c.Attribute("r")!.Value.StartsWith('B') && c.Value.Contains("HYPERLINK", StringComparison.Ordinal) && c.Parent!.Elements().First().Value == "zhongwei-commerce" && c.Parent.Attribute("r")!.Value == FirstRow(sheet, ns));
        Assert.Equal("inlineStr", cell.Attribute("t")?.Value);
        Assert.Null(cell.Element(ns + "f"));
        Assert.Equal(Formula + "商务局", cell.Value);
    }

    private static string FirstRow(XDocument sheet, XNamespace ns) =>
        sheet.Descendants(ns + "row").First(r => r.Elements().First().Value == "zhongwei-commerce").Attribute("r")!.Value;

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 955", "'+86 955")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("中卫市商务局", "中卫市商务局")]
    public void CsvField_TextStartingLikeAFormula_GetsAnApostrophe(string text, string expected) =>
        Assert.Equal(expected, Web.Features.Api.TableExport.CsvField(Web.Features.Api.ExportValue.Text(text)));

    [Fact]
    public void CsvField_NegativeNumber_IsLeftAlone() =>
        Assert.Equal("-2", Web.Features.Api.TableExport.CsvField(new Web.Features.Api.ExportValue("-2", IsNumber: true)));
}
