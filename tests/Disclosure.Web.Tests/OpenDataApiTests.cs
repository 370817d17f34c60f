using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Features.Api;
using Disclosure.Web.Tests.Infrastructure;

namespace Disclosure.Web.Tests;

[Collection(PortalCollections.Public)]
public sealed class OpenDataApiTests(PortalFactory portal)
{
    [Fact]
    public async Task ReportList_Pages_WithTotalAndLinks()
    {
        using var client = portal.CreateClient();
        using var first = await GetJsonAsync(client, "/api/v1/reports?pageSize=3");
        var root = first.RootElement;
        Assert.Equal(4, root.GetProperty("total").GetInt32());
        Assert.Equal(3, root.GetProperty("items").GetArrayLength());
        Assert.Equal("/api/v1/reports?page=2&pageSize=3", root.GetProperty("links").GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("links").GetProperty("prev").ValueKind);

        var item = root.GetProperty("items")[0];
        Assert.Equal(2023, item.GetProperty("year").GetInt32());
        Assert.Equal("/reports/hongze-district/2023.json", item.GetProperty("links").GetProperty("json").GetString());
        Assert.Equal("county_government", item.GetProperty("level").GetString());
        Assert.Equal("hybrid", item.GetProperty("format").GetString());
        Assert.Equal("淮安市洪泽区人民政府", item.GetProperty("agency").GetString());

        using var second = await GetJsonAsync(client, "/api/v1/reports?page=2&pageSize=3");
        Assert.Equal(1, second.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal("/api/v1/reports?page=1&pageSize=3", second.RootElement.GetProperty("links").GetProperty("prev").GetString());
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("links").GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("year=2023", 2)]
    [InlineData("agency=zhongwei-commerce", 1)]
    [InlineData("level=city_department", 1)]
    [InlineData("level=city_government&year=2021", 1)]
    [InlineData("year=2022", 0)]
    public async Task ReportList_Filters(string query, int total)
    {
        using var client = portal.CreateClient();
        using var json = await GetJsonAsync(client, "/api/v1/reports?" + query);
        Assert.Equal(total, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(total, json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("page=-1", "page")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("year=abc", "year")]
    [InlineData("year=1900", "year")]
    [InlineData("page=abc", "page")]
    [InlineData("level=ministry", "level")]
    [InlineData("agency=Not_A_Slug", "agency")]
    public async Task ReportList_BadParameter_Is400ProblemNamingTheField(string query, string field)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/reports?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _), json.RootElement.ToString());
    }

    [Fact]
    public async Task Report_IsTheSameBytesAsTheJsonDownload()
    {
        using var client = portal.CreateClient();
        var api = await client.GetByteArrayAsync(new Uri("/api/v1/reports/zhongwei-commerce/2023", UriKind.Relative));
        var download = await client.GetByteArrayAsync(new Uri("/reports/zhongwei-commerce/2023.json", UriKind.Relative));
        Assert.Equal(download, api);
        using var missing = await client.GetAsync(new Uri("/api/v1/reports/zhongwei-commerce/2022", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Findings_ListsEachFindingWithCellValuesAndTheChineseSentence()
    {
        using var client = portal.CreateClient();
        using var json = await GetJsonAsync(client, "/api/v1/reports/hongze-district/2023/findings");
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, json.RootElement.GetProperty("count").GetInt32());
        var review = findings.Single(f => f.GetProperty("row").GetString() == "administrative_review");
        Assert.Equal("R4", review.GetProperty("rule").GetString());
        Assert.Equal("error", review.GetProperty("severity").GetString());
        Assert.Equal(4, review.GetProperty("table").GetInt32());
        Assert.Equal("total", review.GetProperty("column").GetString());
        Assert.Equal(11, review.GetProperty("expected").GetInt64());
        Assert.Equal(0, review.GetProperty("actual").GetInt64());
        Assert.Equal("“行政复议”的总计应等于结果维持、结果纠正、其他结果、尚未审结之和 11，表中为 0。", review.GetProperty("message").GetString());
        Assert.False(json.RootElement.GetProperty("previous_year_checked").GetBoolean());

        using var clean = await GetJsonAsync(client, "/api/v1/reports/zhongwei-commerce/2023/findings");
        Assert.Equal(0, clean.RootElement.GetProperty("count").GetInt32());
        using var missing = await client.GetAsync(new Uri("/api/v1/reports/nobody/2023/findings", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/reports?year=2023")]
    [InlineData("/api/v1/reports/hongze-district/2023")]
    [InlineData("/api/v1/years/2023/table3.csv")]
    public async Task Api_HasAStrongETag_And304OnIfNoneMatch(string url)
    {
        using var client = portal.CreateClient();
        using var first = await client.GetAsync(new Uri(url, UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var changed = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(etag, changed.Headers.ETag);
    }

    [Theory]
    [InlineData("/api/v1/reports")]
    [InlineData("/api/v1/years/2023/table2.csv")]
    [InlineData("/openapi/v1.json")]
    public async Task Api_IsReadableFromAnyOrigin(string url)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Origin", "https://data.example.org");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpoint()
    {
        using var client = portal.CreateClient();
        using var json = await GetJsonAsync(client, "/openapi/v1.json");
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(
            ["/api/v1/reports", "/api/v1/reports/{slug}/{year}", "/api/v1/reports/{slug}/{year}/findings", "/api/v1/years/{year}.xlsx", "/api/v1/years/{year}/table{table}.csv"],
            paths.Order(StringComparer.Ordinal));
        var page = await client.GetDocumentAsync("/data/api");
        Assert.Equal(paths.Count, page.QuerySelectorAll(".api-list dt").Length);
    }

    [Fact]
    public async Task Table3Csv_HasBom_Chinese_AndOneLinePerAgencyAndRow()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/years/2023/table3.csv", UriKind.Relative));
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        Assert.Equal(["agency_slug", "agency_name", "level", "year", "format", "row_key", "row_label", "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total", "derived_totals"], lines[0]);

        // 中卫 (2021 format) has 25 rows, 洪泽 (single （六） row) 23.
        Assert.Equal(25 + 23, lines.Count - 1);
        Assert.Equal(25, lines.Count(l => l[0] == "zhongwei-commerce"));
        Assert.Equal(23, lines.Count(l => l[0] == "hongze-district"));
        var zhongweiNew = lines.Single(l => l[0] == "zhongwei-commerce" && l[5] == "new");
        Assert.Equal(["zhongwei-commerce", "中卫市商务局", "city_department", "2023", "2021", "new", "一、本年新收政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1", ""], zhongweiNew);
        Assert.All(lines, l => Assert.Equal(15, l.Count));
    }

    [Fact]
    public async Task Table2AndTable4Csv_HaveEveryRowOfEveryReport()
    {
        using var client = portal.CreateClient();
        var t2 = ParseCsv(Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/api/v1/years/2023/table2.csv", UriKind.Relative))).TrimStart('\uFEFF'));
        Assert.Equal(12, t2.Count - 1);
        var fees = t2.Single(l => l[0] == "hongze-district" && l[5] == "fees");
        Assert.Equal("7730.28", fees[t2[0].IndexOf("amount_wan_yuan")]);
        Assert.Equal("", fees[t2[0].IndexOf("issued")]);
        var t4 = ParseCsv(Encoding.UTF8.GetString(await client.GetByteArrayAsync(new Uri("/api/v1/years/2019/table4.csv", UriKind.Relative))).TrimStart('\uFEFF'));
        Assert.Equal(3, t4.Count - 1);
    }

    [Fact]
    public void Csv_QuotesCommasQuotesAndLineBreaks_AndLeavesBlanksEmpty()
    {
        var cells = new Dictionary<(string Row, string Column), CellValue>
        {
            [("administrative_review", "upheld")] = CellValue.Of(3),
        };
        var report = new YearTableReport("odd-name", "某局,\"办公室\"\n二处", AgencyLevel.CityDepartment, ReportFormat.Format2021, cells);
        var text = Encoding.UTF8.GetString(TableExport.Csv(2023, ReportTableId.Reviews, [report]));
        // The blank 总计 of 行政复议 is written as the sum of its parts, 3, and the last column says so (ADR 0016).
        Assert.Contains("odd-name,\"某局,\"\"办公室\"\"\n二处\",city_department,2023,2021,administrative_review,行政复议,3,,,,3,total：总计未填写，按分项推算\r\n", text, StringComparison.Ordinal);
        var lines = ParseCsv(text.TrimStart('\uFEFF'));
        Assert.Equal("某局,\"办公室\"\n二处", lines[1][1]);
        Assert.Equal(4, lines.Count);
    }

    [Fact]
    public async Task YearWorkbook_IsAnXlsxWithASheetPerTableAndAReadme()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/years/2023.xlsx", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(invalid.Count == 0, string.Join('\n', invalid.Distinct().Take(10)));
        }

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        foreach (var part in new[] { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels" })
        {
            Assert.NotNull(zip.GetEntry(part));
        }

        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var workbook = Load(zip, "xl/workbook.xml");
        Assert.Equal(["README", "table2", "table3", "table4"], workbook.Descendants(ns + "sheet").Select(s => (string)s.Attribute("name")!));
        var rels = Load(zip, "xl/_rels/workbook.xml.rels");
        var parts = new Dictionary<string, string>();
        foreach (var sheet in workbook.Descendants(ns + "sheet"))
        {
            var target = rels.Root!.Elements().Single(e => (string)e.Attribute("Id")! == (string)sheet.Attribute(r + "id")!).Attribute("Target")!.Value;
            var entry = target.StartsWith('/') ? target[1..] : "xl/" + target;
            Assert.NotNull(zip.GetEntry(entry));
            parts[(string)sheet.Attribute("name")!] = entry;
        }

        // table3: header + 48 rows; 中卫's 一、本年新收 总计 is the number 1, its name an inline string.
        var rows = Load(zip, parts["table3"]).Descendants(ns + "row").ToList();
        Assert.Equal(49, rows.Count);
        var zhongweiNew = rows.Single(row => CellText(row, ns, "A") == "zhongwei-commerce" && CellText(row, ns, "F") == "new");
        Assert.Equal("中卫市商务局", CellText(zhongweiNew, ns, "B"));
        var total = zhongweiNew.Elements(ns + "c").Single(c => ((string)c.Attribute("r")!).StartsWith('N'));
        Assert.Null(total.Attribute("t"));
        Assert.Equal("1", total.Element(ns + "v")!.Value);

        // Readable as opened: a bold header row that stays in view, columns as wide as their contents (a Chinese
        // character two digits wide: 淮安市洪泽区人民政府 is ten), a README title that does not widen its column.
        var sheet3 = Load(zip, parts["table3"]);
        Assert.Equal("frozen", (string?)sheet3.Descendants(ns + "pane").Single().Attribute("state"));
        Assert.All(rows[0].Elements(ns + "c"), c => Assert.Equal("1", (string?)c.Attribute("s")));
        Assert.All(rows.Skip(1).SelectMany(row => row.Elements(ns + "c")), c => Assert.Null(c.Attribute("s")));
        var widths = sheet3.Descendants(ns + "col").ToDictionary(c => (string)c.Attribute("min")!, c => (double)c.Attribute("width")!);
        Assert.Equal(2 * 10 + 2, widths["2"]);
        Assert.Equal("zhongwei-commerce".Length + 2, widths["1"]);
        Assert.Empty(Load(zip, parts["README"]).Descendants(ns + "pane"));
        Assert.True(Load(zip, parts["README"]).Descendants(ns + "col").Select(c => (double)c.Attribute("width")!).First() < 30);
        var readme = Load(zip, parts["README"]).ToString();
        Assert.Contains("2023年政府信息公开工作年度报告数据（2 份已公开报告）", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("年度政府信息公开工作年度报告", readme, StringComparison.Ordinal);
        Assert.Contains("amount_wan_yuan 单位为万元", readme, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/years/2000/table3.csv")]
    [InlineData("/api/v1/years/2023/table5.csv")]
    [InlineData("/api/v1/years/2023/table1.csv")]
    [InlineData("/api/v1/years/2000.xlsx")]
    [InlineData("/api/v1/years/abc/table3.csv")]
    [InlineData("/api/v1/reports/Not_A_Slug/2023")]
    public async Task Downloads_ThatDoNotExist_Are404(string url)
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task DataPage_LinksEveryDownloadOfEveryYear()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/data");
        var links = page.QuerySelectorAll("#year-2023 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/api/v1/years/2023/table2.csv", links);
        Assert.Contains("/api/v1/years/2023/table3.csv", links);
        Assert.Contains("/api/v1/years/2023/table4.csv", links);
        Assert.Contains("/api/v1/years/2023.xlsx", links);
        Assert.NotNull(page.QuerySelector("#year-2019"));
        Assert.NotNull(page.QuerySelector("a[href='/openapi/v1.json']"));
        foreach (var href in links.Where(h => h!.StartsWith("/api/", StringComparison.Ordinal)))
        {
            using var response = await client.GetAsync(new Uri(href!, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body);
    }

    internal static XDocument Load(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }

    internal static string? CellText(XElement row, XNamespace ns, string column) =>
        row.Elements(ns + "c").FirstOrDefault(c => ((string)c.Attribute("r")!).StartsWith(column, StringComparison.Ordinal) && char.IsAsciiDigit(((string)c.Attribute("r")!)[column.Length]))
            ?.Descendants(ns + "t").FirstOrDefault()?.Value;

    /// <summary>A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }
            }
            else if (text[i] == ',')
            {
                record.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i += 2;
            }
            else
            {
                Assert.NotEqual('\n', text[i]);
                field.Append(text[i++]);
            }
        }

        Assert.Empty(record);
        return records;
    }
}
