using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;

namespace Disclosure.Web.Tests;

[Collection(PortalCollections.Public)]
public sealed class ReportPdfTests(PortalFactory portal)
{
    private const string Url = "/reports/zhongwei-commerce/2023.pdf";

    [Fact]
    public async Task Pdf_IsServedWithTheChineseFileName_AndAStrongETag()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("中卫市商务局2023年政府信息公开工作年度报告.pdf", disposition.FileNameStar);
        Assert.Equal("zhongwei-commerce-2023.pdf", disposition.FileName);
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, UriKind.Relative));
        other.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        using var full = await client.SendAsync(other);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
    }

    [Fact]
    public async Task Pdf_IsRenderedOnce_ThenServedFromTheStore()
    {
        using var client = portal.CreateClient();
        var first = await client.GetByteArrayAsync(new Uri("/reports/pingtan/2021.pdf", UriKind.Relative));
        var second = await client.GetByteArrayAsync(new Uri("/reports/pingtan/2021.pdf", UriKind.Relative));
        Assert.Equal(first, second);
        await portal.WithDbAsync(async db =>
        {
            var stored = await db.RenderedPdfs.Where(p => p.ReportVersionId == db.ReportVersions.Single(v => v.Report.Agency.Slug == "pingtan" && v.IsCurrent).Id).ToListAsync();
            var pdf = Assert.Single(stored);
            Assert.Equal(first, pdf.Content);
        });
    }

    [Fact]
    public async Task Pdf_ReadsBackEveryHeadingLabelAndNumberInReadingOrder()
    {
        using var client = portal.CreateClient();
        var bytes = await client.GetByteArrayAsync(new Uri(Url, UriKind.Relative));
        using var pdf = PdfDocument.Open(bytes);
        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Equal(595, page.Width, 0);
            Assert.Equal(842, page.Height, 0);
        });
        Assert.Equal("中卫市商务局2023年政府信息公开工作年度报告", pdf.Information.Title);
        Assert.Equal("中卫市商务局", pdf.Information.Author);

        // Page text without page furniture and whitespace, so items can be found in order across line and cell breaks.
        var text = string.Concat(pdf.GetPages().Select(p => string.Concat(p.Letters.Select(l => l.Value))))
            .Replace(" ", "", StringComparison.Ordinal);
        var expected = new List<string>
        {
            "中卫市商务局", "2023年政府信息公开工作年度报告",
            "一、总体情况", "（一）主动公开政府信息情况", "（二）依申请公开政府信息办理情况", "（三）政府信息管理情况", "（四）平台建设情况", "（五）监督保障情况",
            "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年制发件数", "本年废止件数", "现行有效件数", "规章", "行政规范性文件",
            "第二十条第（五）项", "本年处理决定数量", "行政许可", "13", "第二十条第（六）项", "行政处罚", "行政强制",
            "第二十条第（八）项", "本年收费金额（单位：万元）", "行政事业性收费",
            "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
            "一、本年新收政府信息公开申请数量", "1000001",
            "二、上年结转政府信息公开申请数量", "0000000",
            "（一）予以公开", "（二）部分公开", "1.属于国家秘密", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "5.要求行政机关确认或重新出具已获取信息",
            "3.其他", "1000001", "（七）总计", "1000001", "四、结转下年度继续办理", "0000000",
            "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "000000000000000",
            "五、存在的主要问题及改进情况", "一是", "六、其他需要报告的事项", "（二）政府信息处理费收取情况",
        };
        var position = 0;
        foreach (var item in expected)
        {
            var found = text.IndexOf(item, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{item}' not found after position {position}: …{text[position..Math.Min(text.Length, position + 80)]}…");
            position = found + item.Length;
        }
    }

    [Fact]
    public async Task Pdf_ForEverySample_HasEveryNumberOfTable3()
    {
        using var client = portal.CreateClient();
        foreach (var (sample, url) in new[] { ("hongze-district-2023", "/reports/hongze-district/2023.pdf"), ("shanghai-govoffice-2019-old-format", "/reports/shanghai-govoffice/2019.pdf") })
        {
            var bytes = await client.GetByteArrayAsync(new Uri(url, UriKind.Relative));
            using var pdf = PdfDocument.Open(bytes);
            var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
            using var json = JsonDocument.Parse(Fixtures.Json(sample));
            var numbers = json.RootElement.GetProperty("applications").GetProperty("rows").EnumerateObject()
                .SelectMany(r => r.Value.EnumerateArray()).Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetRawText())
                .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
            foreach (var (number, count) in numbers)
            {
                Assert.True(words.Count(w => w == number) >= count, $"{sample}: {number} appears {count} times in table 三 but fewer in the PDF.");
            }
        }
    }

    [Fact]
    public async Task Pdf_ForAnUnknownReport_Is404()
    {
        using var client = portal.CreateClient();
        using var response = await client.GetAsync(new Uri("/reports/zhongwei-commerce/2019.pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ReportPage_LinksThePdf()
    {
        using var client = portal.CreateClient();
        var page = await client.GetDocumentAsync("/reports/zhongwei-commerce/2023");
        var links = page.QuerySelectorAll("a[href='/reports/zhongwei-commerce/2023.pdf']");

        // One link opens the PDF in the browser, the other downloads it under a name a person can file.
        var read = links.Single(a => !a.HasAttribute("download"));
        Assert.Equal("阅读PDF", read.TextContent);
        var download = links.Single(a => a.HasAttribute("download"));
        Assert.Equal("下载PDF", download.TextContent);
        Assert.Equal("中卫市商务局2023年政府信息公开工作年度报告.pdf", download.GetAttribute("download"));
        Assert.DoesNotContain("下载：", page.QuerySelector(".downloads")!.TextContent, StringComparison.Ordinal);

        // Served inline, so "阅读PDF" shows it in the browser rather than saving it.
        using var pdf = await client.GetAsync(new Uri("/reports/zhongwei-commerce/2023.pdf", UriKind.Relative));
        Assert.Equal("inline", pdf.Content.Headers.ContentDisposition?.DispositionType);
    }
}
