using Disclosure.EndToEnd.Infrastructure;
using UglyToad.PdfPig;

namespace Disclosure.EndToEnd;

/// <summary>
/// A reader prints a report page (the browser's print, print.css): no page but the last is left mostly empty (table 三
/// used to leave page 4 holding its heading and two rows), and the last page ends with the colophon — where the page
/// came from, which version, and that the layout is the platform's.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrintingAReportTests(BrowserFixture browser, PortalServer portal)
{
    [BrowserTheory]
    [InlineData("/reports/zhongwei-commerce/2023", "中卫市商务局2023年度报告")]
    [InlineData("/reports/shanghai-govoffice/2019", "上海市人民政府办公厅2019年度报告")]
    [InlineData("/reports/hongze-district/2023", "淮安市洪泽区人民政府2023年度报告")]
    [InlineData("/reports/pingtan/2021", "平潭综合实验区管理委员会2021年度报告")]
    public async Task PrintedReport_FillsItsPages_AndEndsWithTheColophon(string path, string which)
    {
        await using var context = await browser.NewContextAsync(new() { BaseURL = portal.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = false });

        using var document = PdfDocument.Open(pdf);
        var letters = document.GetPages().Select(p => p.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value))).ToList();
        var fullest = letters.Max();
        var thin = letters.SkipLast(1).Select((n, i) => (Page: i + 1, Letters: n)).Where(p => p.Letters < fullest * 0.4).ToList();
        Assert.True(thin.Count == 0,
            $"{path}: pages left mostly empty (letters per page: {string.Join(", ", letters)}): " + string.Join(", ", thin.Select(t => $"page {t.Page}")));

        var last = string.Concat(document.GetPage(document.NumberOfPages).Letters.Select(l => l.Value));
        Assert.Contains("本页打印自", last, StringComparison.Ordinal);
        Assert.Contains(new Uri(portal.BaseAddress, path).ToString().Replace(" ", "", StringComparison.Ordinal), last.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(which + "，第1版（现行版本）", last.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("本平台排版", last, StringComparison.Ordinal);
    }
}
