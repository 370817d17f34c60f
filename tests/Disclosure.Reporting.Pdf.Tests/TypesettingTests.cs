using System.Text;
using Disclosure.Domain.Serialization;
using Disclosure.Reporting.Pdf.Layout.Tables;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Outline;
using static Disclosure.Reporting.Pdf.Tests.PdfInspection;

namespace Disclosure.Reporting.Pdf.Tests;

/// <summary>The typesetting of issue 15, asserted from the PDF itself: tables, headings at page feet, type, navigation, tagging, corrections.</summary>
public sealed class TypesettingTests
{
    private const string Table3Heading = "三、收到和处理政府信息公开申请情况";
    private static readonly ReportPdfRenderer _renderer = new();

    public static TheoryData<string> Samples => [.. Fixtures.JsonNames];

    private static PdfRenderResult RenderSample(string name, IReadOnlyList<ReportCorrection>? corrections = null)
    {
        var report = CanonicalJson.Read(Fixtures.Json(name));
        report.PublishedOn = new DateOnly(report.Year + 1, 1, 31);
        return _renderer.Render(AnnualReportPdf.Build(report, report.PublishedOn.Value, corrections: corrections));
    }

    private static string PageText(Page page) => string.Concat(BodyLetters(page).Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);

    private static string FontOf(Letter letter) => (letter.FontName ?? "").Replace(" ", "", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_Table3OfEverySample_IsOnOnePageUnderItsHeading(string sample)
    {
        using var pdf = Open(RenderSample(sample).Bytes);
        var pages = pdf.GetPages().Select(PageText).ToList();

        var page = Assert.Single(pages, p => p.Contains(Table3Heading, StringComparison.Ordinal));
        var table = page[page.IndexOf(Table3Heading, StringComparison.Ordinal)..];
        Assert.Contains("一、本年新收政府信息公开申请数量", table, StringComparison.Ordinal);
        Assert.Contains("（五）不予处理", table, StringComparison.Ordinal);
        Assert.Contains("四、结转下年度继续办理", table, StringComparison.Ordinal);
        Assert.DoesNotContain(pages, p => p.Contains(RowSplitting.Continued, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_NoPageOfASample_EndsWithAHeading(string sample)
    {
        using var pdf = Open(RenderSample(sample).Bytes);

        foreach (var page in pdf.GetPages().SkipLast(1))
        {
            // Headings are the only text set in the Hei and Kai faces; the lowest line of a page is never one.
            var letters = BodyLetters(page);
            var bottom = letters.Min(l => l.StartBaseLine.Y);
            var lastLine = letters.Where(l => Math.Abs(l.StartBaseLine.Y - bottom) < 1).ToList();
            Assert.DoesNotContain(lastLine, l => FontOf(l).Contains("NotoSansSC", StringComparison.Ordinal) || FontOf(l).Contains("Kai", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(18)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(21)]
    public void Render_WhenTable2StartsNearAPageFoot_NoPageEndsWithItsHeadingOrABlockHeaderAlone(int linesBefore)
    {
        var report = CanonicalJson.Read(Fixtures.Json(Fixtures.Zhongwei2023));
        var blocks = Enumerable.Range(1, linesBefore).Select(i => (PdfBlock)new PdfParagraph([new PdfRun($"正文第{i}行。")])).ToList();
        blocks.Add(new PdfHeading(1, "二、主动公开政府信息情况"));
        blocks.Add(PrintedTablePdf.From(report.Tables.First()));
        using var pdf = Open(_renderer.Render(Documents.Of([.. blocks])).Bytes);

        foreach (var page in pdf.GetPages())
        {
            var last = Lines(page)[^1];
            Assert.DoesNotContain("二、主动公开", last, StringComparison.Ordinal);
            Assert.False(last.StartsWith("第二十条", StringComparison.Ordinal) || last.StartsWith("信息内容", StringComparison.Ordinal), $"page {page.Number} ends with 「{last}」");
        }
    }

    [Fact]
    public void Render_WhenATableWithRowGroupsBreaks_TheGroupLabelsContinueOnTheNextPage()
    {
        using var pdf = Open(_renderer.Render(Documents.Of(GroupedTable())).Bytes);

        Assert.True(pdf.NumberOfPages >= 2);
        foreach (var page in pdf.GetPages().Skip(1))
        {
            // Every cell of the continued page has its text: the vertical group label and the subgroup label
            // continued with 「（续）」, the repeated header row, the items and figures.
            var cells = CellRectangles(page);
            var letters = BodyLetters(page);
            Assert.All(cells, cell => Assert.Contains(letters, l => Inside(l.BoundingBox, cell, 0.5)));
            var text = PageText(page);
            Assert.StartsWith("说明数量总计", text, StringComparison.Ordinal);
            Assert.Contains("分组办理结果（续）", text, StringComparison.Ordinal);
            Assert.Matches(@"（[一二三四五]）分组（续）", text);
        }
    }

    [Fact]
    public void Render_Sample_HasBookmarksForTheSixSectionsAndTheThreeTables()
    {
        using var pdf = Open(RenderSample(Fixtures.Zhongwei2023).Bytes);

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var top = bookmarks.Roots.Select(b => b.Title).ToList();
        Assert.Equal(
            ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"],
            top);
        Assert.Equal(["表二　主动公开政府信息情况"], bookmarks.Roots[1].Children.Select(b => b.Title));
        Assert.Equal(["表三　收到和处理政府信息公开申请情况"], bookmarks.Roots[2].Children.Select(b => b.Title));
        Assert.Equal(["表四　政府信息公开行政复议、行政诉讼情况"], bookmarks.Roots[3].Children.Select(b => b.Title));
        var table3 = Assert.IsType<DocumentBookmarkNode>(bookmarks.Roots[2].Children[0]);
        Assert.Contains(Table3Heading, PageText(pdf.GetPage(table3.PageNumber)), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsATaggedPdf_WithHeadingsParagraphsAndTablesWithHeaderCells()
    {
        var bytes = RenderSample(Fixtures.Zhongwei2023).Bytes;
        using var pdf = Open(bytes);

        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("StructTreeRoot")));
        Assert.True(catalog.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("MarkInfo")));
        var types = StructureTypes(Encoding.Latin1.GetString(bytes));
        Assert.Equal(1, types.GetValueOrDefault("H1"));
        Assert.Equal(6, types.GetValueOrDefault("H2"));
        Assert.True(types.GetValueOrDefault("H3") >= 5);
        Assert.True(types.GetValueOrDefault("P") >= 10);
        Assert.Equal(3, types.GetValueOrDefault("Table"));
        Assert.True(types.GetValueOrDefault("TH") >= 60);
        Assert.True(types.GetValueOrDefault("TD") >= 7 * 26);

        // Header cells say what they head, and spanning cells their spans (「三、本年度办理结果」 heads 22 rows).
        var raw = Encoding.Latin1.GetString(bytes);
        Assert.Matches(@"/RowSpan 22\s*/Scope\s*/Row", raw);
        Assert.Matches(@"/Scope\s*/Column", raw);

        // The 3 × 3 note on table 三's 勾稽关系 heads nothing: a data cell spanning three rows and columns, as on the web page.
        Assert.Matches(@"/S\s*/TD[^<>]*/A\s*<<\s*/O\s*/Table\s*/RowSpan 3\s*/ColSpan 3\s*>>", raw);
    }

    private static Dictionary<string, int> StructureTypes(string pdf) =>
        System.Text.RegularExpressions.Regex.Matches(pdf, @"/S\s*/(\w+)").GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Render_Title_IsSetInARealBoldWeight()
    {
        using var pdf = Open(RenderSample(Fixtures.Hongze2023).Bytes);
        var letters = BodyLetters(pdf.GetPage(1));
        var title = letters.Where(l => l.PointSize > 20).ToList();

        Assert.Equal("淮安市洪泽区人民政府2023年政府信息公开工作年度报告", string.Concat(title.Select(l => l.Value)));
        Assert.All(title, l => Assert.Equal("NotoSerifSC,Bold", FontOf(l)[7..]));
        Assert.All(title, l => Assert.Equal(TextRenderingMode.Fill, l.RenderingMode)); // not stroked outlines
    }

    [Fact]
    public void Render_CorrectedVersion_NamesTheCorrectionOnItsFirstPageAndListsItAtTheEnd()
    {
        using var pdf = Open(RenderSample(Fixtures.Hongze2023, [new ReportCorrection(new DateOnly(2024, 3, 5), "更正表四行政复议数据。")]).Bytes);

        Assert.StartsWith("淮安市洪泽区人民政府2023年政府信息公开工作年度报告（2024年3月5日更正）", PageText(pdf.GetPage(1)), StringComparison.Ordinal);
        Assert.EndsWith("更正说明2024年3月5日更正：更正表四行政复议数据。", PageText(pdf.GetPage(pdf.NumberOfPages)), StringComparison.Ordinal);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        Assert.Equal(AnnualReportPdf.CorrectionsHeading, bookmarks.Roots[^1].Title);
    }

    [Fact]
    public void Render_FirstVersion_SaysNothingOfCorrections()
    {
        using var pdf = Open(RenderSample(Fixtures.Hongze2023).Bytes);

        Assert.DoesNotContain("更正", BodyText(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EmptySection_CarriesTheWebPagesNeutralWordingNotABareHeading()
    {
        using var pdf = Open(RenderSample(Fixtures.Hongze2023).Bytes);
        var text = BodyText(pdf);

        Assert.Contains("五、存在的主要问题及改进情况（原报告此部分无内容）六、其他需要报告的事项（原报告此部分无内容）", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LineBeforeAnAddress_IsNotLetterSpacedApart()
    {
        const string Text = "本报告电子版可在中卫市人民政府门户网站（www.nxzw.gov.cn/zwgk/zfxxgkndbg）政府信息公开专栏查阅，如有疑问请与本机关政务公开办公室联系，联系邮箱zwswj-office@nxzw.gov.cn。";
        using var pdf = Open(_renderer.Render(Documents.Of(new PdfParagraph([new PdfRun(Text)]), new PdfParagraph([new PdfRun(Text[4..])]))).Bytes);

        var letters = BodyLetters(pdf.GetPage(1));
        foreach (var line in letters.GroupBy(l => Math.Round(l.StartBaseLine.Y)))
        {
            var ordered = line.OrderBy(l => l.StartBaseLine.X).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var gap = ordered[i].StartBaseLine.X - ordered[i - 1].EndBaseLine.X;
                Assert.True(gap <= 16 * 0.2 + 0.1, $"{gap:F1} pt between 「{ordered[i - 1].Value}」 and 「{ordered[i].Value}」");
            }
        }

        Assert.Contains(Text, BodyText(pdf), StringComparison.Ordinal);
    }

    /// <summary>A table of 3 header rows and 60 body rows: a vertical group label over all, subgroups of 12 rows, items with figures.</summary>
    private static PdfTable GroupedTable()
    {
        var rows = new List<PdfTableRow>
        {
            new([new PdfTableCell("说明", ColSpan: 3, Style: PdfCellStyle.Header), new PdfTableCell("数量", Style: PdfCellStyle.Header), new PdfTableCell("总计", Style: PdfCellStyle.Header)]),
        };
        for (var i = 0; i < 60; i++)
        {
            var cells = new List<PdfTableCell>();
            if (i == 0)
            {
                cells.Add(new PdfTableCell("分组办理结果", RowSpan: 60, Style: PdfCellStyle.Header with { Bold = true, Vertical = true }));
            }

            if (i % 12 == 0)
            {
                cells.Add(new PdfTableCell($"（{"一二三四五"[i / 12]}）分组", RowSpan: 12));
            }

            cells.Add(new PdfTableCell($"{(i % 12) + 1}.第{i + 1}项情况说明"));
            cells.Add(new PdfTableCell("12", Style: PdfCellStyle.Number));
            cells.Add(new PdfTableCell("3456", Style: PdfCellStyle.Number));
            rows.Add(new PdfTableRow(cells));
        }

        return new PdfTable(rows, [0.3, 1, 2, 1, 1], 1, KeepTogether: true);
    }
}
