using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Disclosure.Domain.Import;
using Disclosure.Web.Features.Admin.Import;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Admin;

/// <summary>An Administrator renames an agency: the public pages and the year downloads show the new name at once.</summary>
[Collection(PortalCollections.Clocked)]
public sealed class AgencyRenameTests(ClockedPortalFactory shared) : PortalTest<ClockedPortalFactory>(shared)
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
        // The clock stands still, so the change poller does not poll: what happens here is this instance's own doing.
        var portal = Portal;
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

    [Fact]
    public async Task ChangingASlug_KeepsTheOldAddressesWorking_AndNoOtherAgencyCanTakeIt()
    {
        var portal = Portal;
        using var anonymous = portal.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var before = await anonymous.GetAsync(new Uri("/reports/zhongwei-commerce/2023", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode); // cached under the old address before the change
        }

        var admin = await Staff.SignInAsync(portal, "admin@demo.local");
        using var client = admin.Client(portal);
        var (id, parent, otherId) = (0, "", 0);
        await portal.WithDbAsync(async db =>
        {
            var agency = await db.Agencies.SingleAsync(a => a.Slug == "zhongwei-commerce");
            (id, parent) = (agency.Id, agency.ParentId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            otherId = (await db.Agencies.FirstAsync(a => a.Id != agency.Id && a.Id != agency.ParentId)).Id;
        });

        async Task<HttpResponseMessage> RenameAsync(int agency, string slug, string name) =>
            await client.PostFormAsync($"/admin/agencies/{agency}",
                [new("Name", name), new("Slug", slug), new("Level", "CityDepartment"), new("ParentId", parent), new("Address", ""), new("Phone", "")], admin.Token);

        using (var renamed = await RenameAsync(id, "zhongwei-investment", "中卫市商务局"))
        {
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        }

        foreach (var (old, now) in new[]
        {
            ("/reports/zhongwei-commerce/2023", "/reports/zhongwei-investment/2023"),
            ("/reports/zhongwei-commerce/2023.pdf", "/reports/zhongwei-investment/2023.pdf"),
            ("/reports/zhongwei-commerce/2023.json?download=1", "/reports/zhongwei-investment/2023.json?download=1"),
            ("/agencies/zhongwei-commerce", "/agencies/zhongwei-investment"),
            ("/agencies/zhongwei-commerce/trends", "/agencies/zhongwei-investment/trends"),
            ("/api/v1/reports/zhongwei-commerce/2023/findings", "/api/v1/reports/zhongwei-investment/2023/findings"),
        })
        {
            using var redirect = await anonymous.GetAsync(new Uri(old, UriKind.Relative));
            Assert.True(redirect.StatusCode == HttpStatusCode.MovedPermanently, $"{old}: {(int)redirect.StatusCode}");
            Assert.Equal(now, redirect.Headers.Location!.OriginalString);
            using var target = await anonymous.GetAsync(new Uri(now, UriKind.Relative));
            Assert.True(target.StatusCode == HttpStatusCode.OK, $"{now}: {(int)target.StatusCode}");
        }

        using (var unknown = await anonymous.GetAsync(new Uri("/reports/never-was/2023", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // A comparison link made before the change still names the office (and ticks it under its current slug).
        var compare = await anonymous.GetDocumentAsync("/compare?agencies=zhongwei-commerce,hongze-district&year=2023");
        Assert.Equal(["中卫市商务局", "淮安市洪泽区人民政府"], compare.QuerySelectorAll("#compare-t3 thead th").Skip(1).Select(th => th.Text()));
        Assert.NotNull(compare.QuerySelector("input[name=agencies][value=zhongwei-investment][checked]"));

        // An import naming the former code is refused with the current one (it would otherwise create a new agency).
        await portal.WithDbAsync(async db =>
        {
            var result = ReportImporter.Import(await File.ReadAllTextAsync(Fixtures.PathOf("zhongwei-commerce-2023.txt")));
            var (plan, refusal) = await new ImportPlanner(db, TimeProvider.System).PlanAsync(result, "zhongwei-commerce", "更正", "test", CancellationToken.None);
            Assert.Null(plan);
            Assert.Equal("AgencySlug", refusal!.Field);
            Assert.Contains("zhongwei-investment", refusal.Message, StringComparison.Ordinal);
        });

        // Another agency cannot take the old slug: its old links would lead to the wrong office.
        using (var taken = await RenameAsync(otherId, "zhongwei-commerce", "另一机关"))
        {
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
            var page = await taken.ParseAsync();
            Assert.Contains("以前使用的", page.QuerySelector("#f-Slug-error")!.TextContent, StringComparison.Ordinal);
        }

        // The agency itself can take it back: no redirect loop, and the newer slug now redirects instead.
        using (var back = await RenameAsync(id, "zhongwei-commerce", "中卫市商务局"))
        {
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        }

        using (var current = await anonymous.GetAsync(new Uri("/reports/zhongwei-commerce/2023", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        }

        using var reverse = await anonymous.GetAsync(new Uri("/reports/zhongwei-investment/2023", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, reverse.StatusCode);
        Assert.Equal("/reports/zhongwei-commerce/2023", reverse.Headers.Location!.OriginalString);
        await portal.WithDbAsync(async db => Assert.Equal(["zhongwei-investment"], await db.FormerSlugs.Where(f => f.AgencyId == id).Select(f => f.Slug).ToListAsync()));
    }
}
