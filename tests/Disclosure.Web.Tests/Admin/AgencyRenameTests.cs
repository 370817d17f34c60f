using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Admin;

/// <summary>An Administrator renames an agency: the public pages and the year downloads show the new name at once.</summary>
public sealed class AgencyRenameTests
{
    private static async Task<List<List<string>>> CsvAsync(HttpClient client, string url)
    {
        var bytes = await client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
        return OpenDataApiTests.ParseCsv(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
    }

    private static async Task<List<string?>> WorkbookAgencyNamesAsync(HttpClient client, string url)
    {
        await using var stream = await client.GetStreamAsync(new Uri(url, UriKind.Relative));
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        return OpenDataApiTests.Load(zip, "xl/worksheets/sheet3.xml").Descendants(ns + "row").Skip(1)
            .Select(row => OpenDataApiTests.CellText(row, ns, "B")).Distinct().ToList();
    }

    [Fact]
    public async Task RenamingAnAgencyAndItsSlug_ShowsInTheYearDownloadsAndTheCachedDirectory()
    {
        // Polling off: what happens here is this instance's own doing.
        await using var portal = new ConfiguredPortalFactory(new Dictionary<string, string?> { ["PublicCache:PollInterval"] = "00:00:00" });
        using var anonymous = portal.CreateClient();
        const string csv = "/api/v1/years/2023/table3.csv", xlsx = "/api/v1/years/2023.xlsx";
        Assert.Contains(await CsvAsync(anonymous, csv), line => line[0] == "zhongwei-commerce" && line[1] == "中卫市商务局");
        Assert.Contains("中卫市商务局", await WorkbookAgencyNamesAsync(anonymous, xlsx));
        using (var warm = await anonymous.GetAsync(new Uri("/agencies", UriKind.Relative)))
        using (var cached = await anonymous.GetAsync(new Uri("/agencies", UriKind.Relative)))
        {
            Assert.NotNull(cached.Headers.Age);
        }

        var admin = await Staff.SignInAsync(portal, "admin@demo.local");
        using var client = admin.Client(portal);
        var (id, parent) = (0, "");
        await portal.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Slug == "zhongwei-commerce");
            (id, parent) = (agency.Id, agency.ParentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });

        using var response = await client.PostFormAsync($"/admin/agencies/{id}",
            [new("Name", "中卫市商务和投资促进局"), new("Slug", "zhongwei-investment"), new("Level", "CityDepartment"), new("ParentId", parent),
             new("Address", "中卫市行政中心 534 室"), new("Phone", "0955—7068880")], admin.Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var lines = await CsvAsync(anonymous, csv);
        Assert.Equal(25, lines.Count(line => line[0] == "zhongwei-investment" && line[1] == "中卫市商务和投资促进局"));
        Assert.DoesNotContain(lines, line => line[0] == "zhongwei-commerce" || line[1] == "中卫市商务局");
        var names = await WorkbookAgencyNamesAsync(anonymous, xlsx);
        Assert.Contains("中卫市商务和投资促进局", names);
        Assert.DoesNotContain("中卫市商务局", names);
        var directory = await anonymous.GetDocumentAsync("/agencies");
        Assert.Equal("中卫市商务和投资促进局", directory.QuerySelector("a[href='/agencies/zhongwei-investment']")?.Text());
    }
}
