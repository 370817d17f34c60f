using Disclosure.EndToEnd.Infrastructure;
using Microsoft.Playwright;

namespace Disclosure.EndToEnd;

/// <summary>
/// Every public page on a phone (320 and 375 px): the page never scrolls sideways (WCAG 1.4.10), and in a wide table
/// (tables 三 and 四, the statistics totals) a figure is never seen without the name of its row: after the table's box
/// is scrolled to its last column, each row's label and its figure are both in view, neither covered by the other.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneLayoutTests(BrowserFixture browser, PortalServer portal)
{
    private const string FiveOffices = "/compare?agencies=zhongwei-commerce,hongze-district,zhongwei,pingtan,shanghai-govoffice&year=2023";

    /// <summary>The public pages, one of each kind (and the pages with tables 三 and 四 of each sample).</summary>
    public static readonly string[] PublicPages =
    [
        "/",
        "/years/2023",
        "/years/2019",
        "/agencies",
        "/agencies/zhongwei-commerce",
        "/agencies/shanghai-govoffice",
        "/agencies/hongze-district/trends",
        "/agencies/zhongwei-commerce/trends",
        "/reports/zhongwei-commerce/2023",
        "/reports/hongze-district/2023",
        "/reports/shanghai-govoffice/2019",
        "/reports/pingtan/2021",
        "/reports/zhongwei-commerce/2023/v1",
        "/statistics",
        "/statistics/2023",
        "/statistics/2019",
        "/compare",
        "/compare?agencies=zhongwei-commerce,hongze-district",
        "/compare?agencies=中卫,hongze-district",
        "/compare?agencies=zhongwei-commerce&q=人民政府",
        FiveOffices,
        "/data-quality?agency=中卫",
        "/data-quality",
        "/data-quality?rule=R4&year=2023",
        "/data",
        "/data/api",
        "/reports/zhongwei-commerce/1999",
    ];

    public static TheoryData<string, int> PagesAtPhoneWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var width in new[] { 320, 375 })
        {
            foreach (var path in PublicPages)
            {
                data.Add(path, width);
            }
        }

        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(PagesAtPhoneWidths))]
    public async Task PublicPage_OnAPhone_DoesNotScrollSideways(string path, int width)
    {
        await using var context = await NewContextAsync(width);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(path);

        Assert.NotNull(response);
        Assert.True(response.Status is 200 or 400 or 404, $"{path}: HTTP {response.Status}"); // 400/404: a page that says what is wrong
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} at {width}px: the page is {widths[0]}px wide in a {widths[1]}px window");
    }

    /// <summary>The tables whose rows a reader must not lose: the selector of the table on each page.</summary>
    public static TheoryData<string, string, int> WideTables()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var width in new[] { 320, 375 })
        {
            data.Add("/reports/zhongwei-commerce/2023", "table.official.t3", width);
            data.Add("/reports/shanghai-govoffice/2019", "table.official.t3", width);
            data.Add("/reports/hongze-district/2023", "table.official.t4", width);
            data.Add("/statistics/2023", "#t3-totals", width);
            data.Add("/statistics/2023", "#t4-totals", width);
            data.Add("/statistics/2023", "#breakdown-level", width);
            data.Add("/agencies/hongze-district/trends", "#trends-table", width);
            data.Add(FiveOffices, "#compare-t3", width);
        }

        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(WideTables))]
    public async Task WideTable_OnAPhone_SaysItScrolls_AndKeepsEachRowLabelBesideItsFigures(string path, string table, int width)
    {
        await using var context = await NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        var box = page.Locator($".table-scroll:has(> {table})");
        await Assertions.Expect(box).ToHaveCountAsync(1);

        var sizes = await box.EvaluateAsync<int[]>("b => [b.scrollWidth, b.clientWidth]");
        Assert.True(sizes[0] > sizes[1], $"{table} at {width}px: expected the table to scroll in its box ({sizes[0]} in {sizes[1]})");
        var hint = page.Locator($".scroll-hint:has(+ .table-scroll > {table})");
        await Assertions.Expect(hint).ToBeVisibleAsync();
        await Assertions.Expect(hint).ToContainTextAsync("左右滑动");

        // Scroll the box to the first and then to the last column; at each place, every row's label and the figure
        // in the column now at the box's right edge must both show, each the topmost thing at its own centre.
        foreach (var end in new[] { "first", "last" })
        {
            var hidden = await box.EvaluateAsync<string[]>(
                """
                (b, end) => {
                  b.scrollLeft = end === 'last' ? b.scrollWidth : 0;
                  const table = b.querySelector('table');
                  const inView = (el, frame) => {
                    const r = el.getBoundingClientRect();
                    return r.width > 0 && r.left >= frame.left - 1 && r.right <= frame.right + 1;
                  };
                  const onTop = el => {
                    const r = el.getBoundingClientRect();
                    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
                    return hit !== null && (hit === el || el.contains(hit));
                  };
                  const problems = [];
                  for (const row of table.tBodies[0].rows) {
                    const cells = [...row.cells].filter(c => c.tagName === 'TD' && c.classList.contains('num'));
                    if (cells.length === 0) continue;
                    row.scrollIntoView({ block: 'center' });
                    const frame = b.getBoundingClientRect();
                    const figure = end === 'last' ? cells[cells.length - 1] : cells[0];
                    let labels;
                    if (table.classList.contains('official')) {
                      // the headings a figure names: its row label (t3) or, in table 四, its column heading and group.
                      const ids = (figure.getAttribute('headers') || '').split(' ').filter(Boolean);
                      const named = ids.map(id => document.getElementById(id)).filter(h => h !== null);
                      labels = named.filter(h => h.matches('th.row-label'));
                      if (labels.length === 0) {
                        labels = named.filter(h => h.matches('thead th[scope=col]'))
                          .concat(named.map(h => h.querySelector('.group-label')).filter(g => g !== null));
                      }
                    } else {
                      labels = [row.querySelector('th')];
                    }
                    if (labels.length === 0) { problems.push(`row "${row.textContent.trim().slice(0, 20)}": no label`); continue; }
                    for (const label of labels) {
                      if (!inView(label, frame) || !onTop(label)) problems.push(`label "${label.textContent.trim().slice(0, 20)}" is not in view`);
                    }
                    if (!inView(figure, frame) || !onTop(figure)) problems.push(`figure beside "${labels[0].textContent.trim().slice(0, 20)}" is not in view`);
                  }
                  return problems;
                }
                """, end);
            Assert.True(hidden.Length == 0, $"{path} {table} at {width}px, scrolled to its {end} column:\n" + string.Join('\n', hidden.Distinct()));
        }

        var pageWidths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(pageWidths[0] <= pageWidths[1], $"{path} at {width}px: the page is {pageWidths[0]}px wide");
        await box.EvaluateAsync("b => { b.scrollLeft = 0; b.scrollIntoView(); }");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Screenshots.Folder).FullName, $"phone-{width}-{Slug(path)}-{Slug(table)}.png") });
    }

    [BrowserTheory]
    [InlineData("/reports/zhongwei-commerce/2023", "table.official.t3")]
    [InlineData("/reports/hongze-district/2023", "table.official.t4")]
    [InlineData("/statistics/2023", "#t3-totals")]
    public async Task WideTable_OnADesktop_FitsAndDoesNotClaimToScroll(string path, string table)
    {
        await using var context = await NewContextAsync(1280);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        var box = page.Locator($".table-scroll:has(> {table})");
        var sizes = await box.EvaluateAsync<int[]>("b => [b.scrollWidth, b.clientWidth]");
        Assert.True(sizes[0] <= sizes[1], $"{table} at 1280px should fit its box ({sizes[0]} in {sizes[1]})");
        var hints = page.Locator($".scroll-hint:has(+ .table-scroll > {table})");
        if (await hints.CountAsync() > 0)
        {
            await Assertions.Expect(hints).ToBeHiddenAsync();
        }
    }

    [BrowserTheory]
    [InlineData("/reports/zhongwei-commerce/2023", 1280)]
    [InlineData("/reports/zhongwei-commerce/2023", 375)]
    [InlineData("/reports/zhongwei-commerce/2023", 320)]
    [InlineData("/reports/shanghai-govoffice/2019", 1280)]
    [InlineData("/reports/hongze-district/2023", 1024)]
    public async Task TableHeadings_BreakBetweenPairsOfCharacters_NeverLeavingOneAlone(string path, int width)
    {
        await using var context = await NewContextAsync(width);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);

        // Each heading's characters grouped by the line they sit on (their top edge), read with a Range per character.
        var broken = await page.EvaluateAsync<string[]>(
            """
            () => [...document.querySelectorAll('table.official thead th, table.official .header-row th')].flatMap(th => {
              const lines = new Map();
              const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                for (let i = 0; i < node.length; i++) {
                  if (/\s/.test(node.data[i])) continue;
                  const range = document.createRange();
                  range.setStart(node, i); range.setEnd(node, i + 1);
                  const top = Math.round(range.getBoundingClientRect().top / 4);
                  lines.set(top, (lines.get(top) || '') + node.data[i]);
                }
              }
              const text = [...lines.values()];
              const total = text.join('').length;
              return total >= 2 && text.length > 1 && text.some(line => line.length === 1) ? [text.join('/')] : [];
            })
            """);

        Assert.True(broken.Length == 0, $"{path} at {width}px: headings broken leaving one character alone:\n" + string.Join('\n', broken));
    }

    private static string Slug(string text) => new(text.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private Task<IBrowserContext> NewContextAsync(int width) =>
        browser.NewContextAsync(new()
        {
            BaseURL = portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = 800 },
            Locale = "zh-CN",
        });
}
