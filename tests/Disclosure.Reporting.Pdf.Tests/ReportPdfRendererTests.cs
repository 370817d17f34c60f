using System.Text.RegularExpressions;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using static Disclosure.Reporting.Pdf.Tests.PdfInspection;

namespace Disclosure.Reporting.Pdf.Tests;

public partial class ReportPdfRendererTests
{
    private static readonly ReportPdfRenderer _renderer = new();

    [Fact]
    public void Render_ZhongweiReport_ReadsBackHeadingsLabelsAndNumbersInReadingOrder()
    {
        var result = _renderer.Render(SampleReport.Load());
        using var pdf = Open(result.Bytes);
        var text = BodyText(pdf);

        string[] expectedInOrder =
        [
            "中卫市商务局", "2023年政府信息公开工作年度报告",
            "根据《中华人民共和国政府信息公开条例》规定",
            "一、总体情况", "（一）主动公开政府信息情况", "2023年公开文件5篇", "（五）监督保障情况",
            "二、主动公开政府信息情况", "第二十条第（一）项", "信息内容", "本年制发件数", "规章", "行政规范性文件",
            "第二十条第（五）项", "行政许可", "13", "第二十条第（八）项", "本年收费金额（单位：万元）", "行政事业性收费",
            "三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他",
            "一、本年新收政府信息公开申请数量1000001",
            "二、上年结转政府信息公开申请数量0000000",
            "三、本年度办理结果", "（一）予以公开0000000",
            "3.危及“三安全一稳定”0000000",
            "3.其他1000001", "（七）总计1000001", "四、结转下年度继续办理0000000",
            "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "000000000000000",
            "五、存在的主要问题及改进情况", "一是政府信息公开的时效性还需提升",
            "六、其他需要报告的事项", "（一）政务公开工作要点落实情况", "（二）政府信息处理费收取情况",
            "0955—7068880", "中卫市商务局2024年1月31日",
        ];
        var at = 0;
        foreach (var expected in expectedInOrder)
        {
            var found = text.IndexOf(expected, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"「{expected}」 not found after position {at} in: {text[at..Math.Min(text.Length, at + 200)]}");
            at = found + expected.Length;
        }

        Assert.Empty(result.MissingCharacters);
    }

    [Fact]
    public void Render_ExtractedText_HasNoKangxiRadicalsOrCompatibilityIdeographs()
    {
        using var pdf = Open(_renderer.Render(SampleReport.Load()).Bytes);
        var text = BodyText(pdf);

        Assert.DoesNotContain(text, c => c is >= '\u2F00' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF');
        Assert.Contains("政府信息公开工作年度报告", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryPage_IsA4Portrait()
    {
        var result = _renderer.Render(SampleReport.Load());
        using var pdf = Open(result.Bytes);

        Assert.Equal(result.PageCount, pdf.NumberOfPages);
        Assert.All(pdf.GetPages(), page =>
        {
            Assert.Equal(PageWidth, page.Width, 0.5);
            Assert.Equal(PageHeight, page.Height, 0.5);
        });
    }

    [Fact]
    public void Render_Fonts_AreEmbeddedAsSubsets()
    {
        var result = _renderer.Render(SampleReport.Load());
        using var pdf = Open(result.Bytes);
        var fontNames = pdf.GetPages().SelectMany(p => p.Letters).Select(l => (l.FontName ?? "").Replace(" ", "", StringComparison.Ordinal)).Distinct().ToList();

        Assert.All(fontNames, name => Assert.Matches(SubsetName(), name));
        Assert.Contains(fontNames, n => n.Contains("Noto Serif SC", StringComparison.Ordinal) || n.Contains("NotoSerifSC", StringComparison.Ordinal));
        Assert.Contains(fontNames, n => n.Contains("Disclosure Kai", StringComparison.Ordinal) || n.Contains("DisclosureKai", StringComparison.Ordinal));
        Assert.Contains(fontNames, n => n.Contains("NotoSansSC", StringComparison.Ordinal));
        Assert.Contains(fontNames, n => n.Contains("NotoSerifSC,Bold", StringComparison.Ordinal));
        Assert.DoesNotContain(fontNames, n => n.Contains("Droid", StringComparison.Ordinal));
        Assert.Contains("/FontFile2", System.Text.Encoding.Latin1.GetString(result.Bytes), StringComparison.Ordinal);
        Assert.True(result.Bytes.Length < 1_000_000, $"{result.Bytes.Length} bytes: fonts are not subset");
    }

    [Fact]
    public void Render_SameDocumentTwice_IsByteIdentical()
    {
        var first = _renderer.Render(SampleReport.Load(isDraft: true)).Bytes;
        var second = new ReportPdfRenderer().Render(SampleReport.Load(isDraft: true)).Bytes;

        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_DifferentDocuments_GetDifferentDocumentIds()
    {
        static string Id(byte[] pdf) => TrailerId().Match(System.Text.Encoding.Latin1.GetString(pdf)).Groups[1].Value;
        var final = Id(_renderer.Render(SampleReport.Load()).Bytes);
        var draft = Id(_renderer.Render(SampleReport.Load(isDraft: true)).Bytes);

        Assert.Matches("^[0-9A-F]{32}$", final);
        Assert.NotEqual(new string('0', 32), final);
        Assert.NotEqual(final, draft);
    }

    [Fact]
    public void Render_Metadata_ComesFromTheModel()
    {
        using var pdf = Open(_renderer.Render(SampleReport.Load()).Bytes);
        var info = pdf.Information;

        Assert.Equal("中卫市商务局2023年政府信息公开工作年度报告", info.Title);
        Assert.Equal("中卫市商务局", info.Author);
        Assert.Equal("政府信息公开工作年度报告", info.Subject);
        Assert.Equal("D:20240131000000+08'00'", info.CreationDate);
        Assert.Equal("D:20240131000000+08'00'", info.ModifiedDate);
    }

    [Fact]
    public void Render_FortyPageNarrative_KeepsEveryLetterInsideTheTypeArea()
    {
        var result = _renderer.Render(Documents.LongNarrative());
        using var pdf = Open(result.Bytes);

        Assert.True(result.PageCount >= 40, $"only {result.PageCount} pages");
        foreach (var page in pdf.GetPages())
        {
            var outside = BodyLetters(page).Where(l => !Inside(l.BoundingBox, TypeArea, 0.5)).ToList();
            Assert.True(outside.Count == 0, $"page {page.Number}: {string.Concat(outside.Select(l => l.Value))} outside the type area");
            var lines = Lines(page);
            Assert.InRange(lines.Count, 1, 22);
        }
    }

    [Fact]
    public void Render_ParagraphLines_FillTheMeasureAndKeepTwoCharacterIndent()
    {
        using var pdf = Open(_renderer.Render(SampleReport.Load()).Bytes);
        var page = pdf.GetPage(1);
        var preambleStart = BodyLetters(page).First(l => l.Value == "根");

        Assert.Equal(TypeArea.Left + 32, preambleStart.StartBaseLine.X, 0.5);
        Assert.Equal(16, preambleStart.PointSize, 0.1);
        var right = BodyLetters(page).Where(l => l.PointSize > 15 && l.PointSize < 17).Max(l => l.EndBaseLine.X);
        Assert.Equal(TypeArea.Right, right, 1.0);

        // Justified lines, bold runs (simulated bold is wider) included, never pass the right margin.
        var overflow = pdf.GetPages().SelectMany(BodyLetters).Where(l => l.PointSize > 15 && l.EndBaseLine.X > TypeArea.Right + 0.3).ToList();
        Assert.Empty(overflow);
    }

    [Fact]
    public void Render_WhenTableHasSevenDigitNumbersInEveryCell_EveryNumberSitsInsideItsCell()
    {
        var document = Documents.Of(new PdfHeading(1, "三、收到和处理政府信息公开申请情况"), Documents.ApplicationsWithSevenDigits());
        using var pdf = Open(_renderer.Render(document).Bytes);
        var numbers = 0;
        foreach (var page in pdf.GetPages())
        {
            var cells = CellRectangles(page);
            foreach (var word in page.GetWords().Where(w => w.Text.All(char.IsAsciiDigit) && w.BoundingBox.Bottom > TypeArea.Bottom))
            {
                Assert.Equal("1234567", word.Text);
                var cell = CellAt(cells, word.BoundingBox);
                Assert.NotNull(cell);
                Assert.True(Inside(Union(word.Letters), cell.Value), $"{word.Text} at {word.BoundingBox} leaves its cell {cell}");
                numbers++;
            }
        }

        Assert.Equal(25 * 7, numbers);
    }

    [Fact]
    public void Render_WhenWideTableHasSevenDigitNumbers_EveryLetterStaysInsideItsCell()
    {
        var document = Documents.Of(Documents.ReviewsWithSevenDigits(), Documents.ApplicationsWithSevenDigits());
        using var pdf = Open(_renderer.Render(document).Bytes);
        foreach (var page in pdf.GetPages())
        {
            var cells = CellRectangles(page);
            Assert.NotEmpty(cells);
            foreach (var letter in BodyLetters(page))
            {
                var cell = CellAt(cells, letter.BoundingBox);
                Assert.True(cell.HasValue, $"「{letter.Value}」 is in no cell");
                Assert.True(Inside(letter.BoundingBox, cell.Value, 0.1), $"「{letter.Value}」 at {letter.BoundingBox} leaves {cell}");
            }

            Assert.All(cells, c => Assert.True(Inside(c, TypeArea, 0.5), $"cell {c} outside the type area"));
        }
    }

    [Fact]
    public void Render_TablesOfTheReport_FitTheTypeAreaAndUseTenPointFiveToNinePointType()
    {
        using var pdf = Open(_renderer.Render(SampleReport.Load()).Bytes);
        foreach (var page in pdf.GetPages())
        {
            var cells = CellRectangles(page);
            Assert.All(cells, c => Assert.True(Inside(c, TypeArea, 0.5), $"page {page.Number}: cell {c} outside the type area"));
            var tableLetters = BodyLetters(page).Where(l => CellAt(cells, l.BoundingBox).HasValue).ToList();
            Assert.All(tableLetters, l => Assert.InRange(l.PointSize, 8.99, 12.01));
        }
    }

    [Fact]
    public void Render_NoteUnderTable_IsSmallTextBelowTheTable()
    {
        var document = Documents.Of(
            Documents.ReviewsWithSevenDigits(0),
            new PdfNote("注：本表数据统计期限为2023年1月1日至12月31日。"));
        using var pdf = Open(_renderer.Render(document).Bytes);
        var page = pdf.GetPage(1);
        var note = BodyLetters(page).Where(l => l.Value == "注").Single();
        var tableBottom = CellRectangles(page).Min(r => r.Bottom);

        Assert.Equal(12, note.PointSize, 0.1);
        Assert.True(note.BoundingBox.Top < tableBottom);
        Assert.Equal(TypeArea.Left, note.StartBaseLine.X, 0.5);
        Assert.Contains("注：本表数据统计期限为2023年1月1日至12月31日。", BodyText(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TableCaption_IsCentredAboveTheTable()
    {
        var caption = "表1　收到和处理政府信息公开申请情况（本表为测试用的较长标题，用于检验标题在版心内换行居中的效果）";
        var table = Documents.ApplicationsWithSevenDigits(0) with { Caption = caption };
        using var pdf = Open(_renderer.Render(Documents.Of(table)).Bytes);
        var page = pdf.GetPage(1);
        var tableTop = CellRectangles(page).Max(r => r.Top);
        var captionLetters = BodyLetters(page).Where(l => l.BoundingBox.Bottom > tableTop).ToList();

        Assert.Equal(caption.Replace("　", "", StringComparison.Ordinal), string.Concat(captionLetters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal));
        Assert.Equal(2, captionLetters.Select(l => Math.Round(l.StartBaseLine.Y)).Distinct().Count());
        Assert.All(captionLetters, l => Assert.True(Inside(l.BoundingBox, TypeArea, 0.5)));
    }

    [Theory]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(21)]
    [InlineData(22)]
    public void Render_Signature_NeverStandsAloneOnAPage(int paragraphs)
    {
        var blocks = Enumerable.Range(1, paragraphs).Select(i => (PdfBlock)new PdfParagraph([new PdfRun($"第{i}段。")])).ToList();
        blocks.Add(new PdfSignature("测试机关", new DateOnly(2024, 1, 31)));
        using var pdf = Open(_renderer.Render(Documents.Of([.. blocks])).Bytes);

        var lastPage = pdf.GetPage(pdf.NumberOfPages);
        var lines = Lines(lastPage);
        Assert.Equal(["测试机关", "2024年1月31日"], lines[^2..]);
        Assert.True(lines.Count >= 3, $"the signature stands alone on page {lastPage.Number}");
        Assert.Equal($"第{paragraphs}段。", lines[^3]);
    }

    [Fact]
    public void Render_PageBreak_StartsANewPageButNeverAnEmptyOne()
    {
        var result = _renderer.Render(Documents.Of(
            new PdfPageBreak(),
            new PdfParagraph([new PdfRun("第一页。")]),
            new PdfPageBreak(),
            new PdfPageBreak(),
            new PdfParagraph([new PdfRun("第二页。")])));
        using var pdf = Open(result.Bytes);

        Assert.Equal(2, result.PageCount);
        Assert.Equal(["第一页。"], Lines(pdf.GetPage(1)));
        Assert.Equal(["第二页。"], Lines(pdf.GetPage(2)));
    }

    [Fact]
    public void Render_WhenTableIsLongerThanPage_RepeatsHeaderRows()
    {
        var result = _renderer.Render(Documents.Of(new PdfHeading(1, "三、收到和处理政府信息公开申请情况"), Documents.LongTable(90)));
        using var pdf = Open(result.Bytes);

        Assert.True(result.PageCount >= 3, $"only {result.PageCount} pages");
        var rowLabels = new List<int>();
        foreach (var page in pdf.GetPages())
        {
            var text = string.Concat(BodyLetters(page).Select(l => l.Value));
            Assert.Equal(1, Regex.Count(text, "申请人情况"));
            Assert.Equal(1, Regex.Count(text, "本列数据的勾稽关系为"));
            Assert.Equal(1, Regex.Count(text, "社会公益组织"));
            var headerY = BodyLetters(page).First(l => l.Value == "申").StartBaseLine.Y;
            var rows = RowLabel().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(rows);
            Assert.All(BodyLetters(page).Where(l => l.Value == "行"), l => Assert.True(l.StartBaseLine.Y < headerY));
            rowLabels.AddRange(rows);
        }

        Assert.Equal(Enumerable.Range(1, 90), rowLabels);
    }

    [Fact]
    public void Render_WhenTableBreaksAcrossPages_KeepsSubHeaderRowsWithTheRowsUnderThem()
    {
        var shaded = PdfCellStyle.Header with { Shaded = true };
        var rows = new List<PdfTableRow>();
        for (var group = 1; group <= 30; group++)
        {
            rows.Add(new PdfTableRow([new PdfTableCell($"第{group}组", ColSpan: 2, Style: shaded)]));
            rows.Add(new PdfTableRow([new PdfTableCell("信息内容", Style: PdfCellStyle.Header), new PdfTableCell("本年处理决定数量", Style: PdfCellStyle.Header)]));
            rows.Add(new PdfTableRow([new PdfTableCell($"数据{group}"), new PdfTableCell("12", Style: PdfCellStyle.Number)]));
        }

        var result = _renderer.Render(Documents.Of(new PdfTable(rows, [1.6, 3], 0)));
        using var pdf = Open(result.Bytes);

        Assert.True(result.PageCount >= 2);
        foreach (var page in pdf.GetPages())
        {
            var lines = Lines(page);
            // The last row on the page is a data row, never a block's heading or its 「信息内容」 row.
            Assert.StartsWith("数据", lines[^1], StringComparison.Ordinal);
            Assert.StartsWith("第", lines[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Render_WhenACellIsTallerThanAPage_ContinuesTheRowOnTheNextPage()
    {
        var longText = string.Concat(Enumerable.Range(1, 400).Select(i => $"第{i}句说明。"));
        var rows = new List<PdfTableRow>
        {
            new([new PdfTableCell("事项", Style: PdfCellStyle.Header), new PdfTableCell("说明", Style: PdfCellStyle.Header)]),
            new([new PdfTableCell("长说明"), new PdfTableCell(longText)]),
            new([new PdfTableCell("末行"), new PdfTableCell("结束")]),
        };
        var result = _renderer.Render(Documents.Of(new PdfTable(rows, [1, 4], 1)));
        using var pdf = Open(result.Bytes);

        Assert.True(result.PageCount >= 2, $"{result.PageCount} page(s)");
        foreach (var page in pdf.GetPages())
        {
            var cells = CellRectangles(page);
            Assert.All(cells, c => Assert.True(Inside(c, TypeArea, 0.5), $"page {page.Number}: cell {c} outside the type area"));
            Assert.All(BodyLetters(page), l => Assert.True(CellAt(cells, l.BoundingBox) is { } cell && Inside(l.BoundingBox, cell, 0.1), $"「{l.Value}」 outside its cell"));
            Assert.Contains("事项说明", string.Concat(BodyLetters(page).Select(l => l.Value)), StringComparison.Ordinal);
        }

        var text = BodyText(pdf).Replace("事项说明", "", StringComparison.Ordinal);
        var body = text.Replace("长说明", "", StringComparison.Ordinal);
        var diff = Enumerable.Range(0, Math.Min(body.Length, longText.Length)).FirstOrDefault(i => body[i] != longText[i]);
        Assert.True(body.StartsWith(longText, StringComparison.Ordinal), $"differs at {diff} of {longText.Length} (body {body.Length}): {body[Math.Max(0, diff - 20)..Math.Min(body.Length, diff + 40)]}");
        Assert.EndsWith("末行结束", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CjkLineBreaking_NoLineStartsWithClosingOrEndsWithOpeningMark()
    {
        var blocks = new List<PdfBlock>();
        for (var k = 0; k < 30; k++)
        {
            var text = new string('政', k) + "公开，“三安全一稳定”。《条例》、（一）：GB2312编码？ABCdef2023年！" + new string('务', 30 - k) +
                       "《中卫市2023年政务公开工作要点》）。」『引号』（括号）【方括号】";
            blocks.Add(new PdfParagraph([new PdfRun(string.Concat(Enumerable.Repeat(text, 3)))]));
        }

        using var pdf = Open(_renderer.Render(Documents.Of([.. blocks])).Bytes);
        var checkedLines = 0;
        foreach (var page in pdf.GetPages())
        {
            var lines = Lines(page);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i].TrimEnd();
                Assert.DoesNotContain(line[0], "，。、；：？！）》」』”");
                Assert.DoesNotContain(line[^1], "（《「『“");
                if (i + 1 < lines.Count && char.IsAsciiLetterOrDigit(line[^1]))
                {
                    Assert.False(char.IsAsciiLetterOrDigit(lines[i + 1][0]), $"Latin run split between 「{line}」 and 「{lines[i + 1]}」");
                }

                checkedLines++;
            }
        }

        Assert.True(checkedLines > 200);
    }

    [Fact]
    public void Render_EveryPage_HasOfficialStylePageNumber()
    {
        var result = _renderer.Render(Documents.LongNarrative());
        using var pdf = Open(result.Bytes);

        foreach (var page in pdf.GetPages())
        {
            var footer = FooterLetters(page);
            Assert.Equal($"-{page.Number}-", string.Concat(footer.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal));
            var box = Union(footer);
            Assert.True(box.Top < TypeArea.Bottom && box.Bottom > 10, $"page number at {box}");

            // Odd pages right, even pages left (GB/T 9704).
            if (page.Number % 2 == 1)
            {
                Assert.True(box.Left > PageWidth / 2);
            }
            else
            {
                Assert.True(box.Right < PageWidth / 2);
            }
        }
    }

    [Fact]
    public void Render_WhenDraft_EveryPageCarriesTheWatermark()
    {
        var draft = _renderer.Render(SampleReport.Load(isDraft: true));
        using var pdf = Open(draft.Bytes);

        Assert.All(pdf.GetPages(), page =>
        {
            var watermark = string.Concat(page.Letters.Where(l => l.TextOrientation != TextOrientation.Horizontal).Select(l => l.Value));
            Assert.Equal("草稿", watermark);
        });
    }

    [Fact]
    public void Render_WhenNotDraft_HasNoWatermark()
    {
        using var pdf = Open(_renderer.Render(SampleReport.Load()).Bytes);

        Assert.All(pdf.GetPages(), page => Assert.DoesNotContain(page.Letters, l => l.TextOrientation != TextOrientation.Horizontal));
        Assert.DoesNotContain("草稿", BodyText(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WhenNoFontHasACharacter_ReportsItAndPrintsAPlaceholder()
    {
        // U+2A6D6 (CJK Extension B) is outside GBK: no shipped font has it.
        var reported = new List<string>();
        var renderer = new ReportPdfRenderer(reported.Add);
        var result = renderer.Render(Documents.Of(new PdfParagraph([new PdfRun("生僻字\U0002A6D6与\U0002A6A5在此，\U0002A6D6再次出现。")])));

        Assert.Equal(["\U0002A6D6", "\U0002A6A5"], result.MissingCharacters);
        Assert.Equal(["\U0002A6D6", "\U0002A6A5"], reported);
        using var pdf = Open(result.Bytes);
        Assert.Contains("生僻字〓与〓在此，〓再次出现。", BodyText(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CharactersOutsideGb2312_AreSetInTheFallbackFaceNotReported()
    {
        // 瑢 and 龑 are GBK name characters outside GB2312: the serif subset lacks them, the Hei (fallback) face has them.
        var result = _renderer.Render(Documents.Of(new PdfParagraph([new PdfRun("姓名：王瑢、刘龑。")])));
        using var pdf = Open(result.Bytes);

        Assert.Empty(result.MissingCharacters);
        Assert.Contains("姓名：王瑢、刘龑。", BodyText(pdf), StringComparison.Ordinal);
        Assert.Contains("NotoSansSC", BodyLetters(pdf.GetPage(1)).First(l => l.Value == "瑢").FontName?.Replace(" ", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CharactersMissingFromTheHeadingFace_FallBackToAnotherShippedFont()
    {
        // 堃 is outside GB2312: the Kai subset (level-1 hanzi) lacks it, the serif face has it.
        var result = _renderer.Render(Documents.Of(new PdfHeading(1, "一、堃字2023年"), new PdfHeading(2, "（一）堃字情况")));
        using var pdf = Open(result.Bytes);

        Assert.Empty(result.MissingCharacters);
        var letters = BodyLetters(pdf.GetPage(1));
        Assert.Contains("NotoSerif", letters.Last(l => l.Value == "堃").FontName?.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Kai", letters.Last(l => l.Value == "字").FontName?.Replace(" ", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
        Assert.Contains("NotoSansSC", letters.First(l => l.Value == "2").FontName?.Replace(" ", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
        Assert.Contains("NotoSansSC", letters.First(l => l.Value == "一").FontName?.Replace(" ", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
        Assert.Contains("一、堃字2023年", BodyText(pdf), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BoldRuns_AreSetBoldAndPlainRunsAreNot()
    {
        using var pdf = Open(_renderer.Render(SampleReport.Load()).Bytes);
        var letters = pdf.GetPages().SelectMany(BodyLetters).ToList();
        var text = string.Concat(letters.Select(l => l.Value));
        var boldAt = text.IndexOf("一是政府信息公开的时效性", StringComparison.Ordinal);

        // A real bold weight (Noto Serif SC Bold), not outlines stroked to look bold.
        Assert.True(boldAt >= 0);
        Assert.Contains("NotoSerifSC,Bold", letters[boldAt].FontName?.Replace(" ", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
        Assert.Contains("NotoSerifSC,Bold", letters[boldAt + 1].FontName?.Replace(" ", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
        Assert.Contains("NotoSerifSCRegular", letters[boldAt + 2].FontName?.Replace(" ", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
        Assert.All(letters, l => Assert.Equal(TextRenderingMode.Fill, l.RenderingMode));
    }

    [Fact]
    public void Render_Headings_UseHeiForLevelOneAndKaiForLevelTwo()
    {
        using var pdf = Open(_renderer.Render(SampleReport.Load()).Bytes);
        var letters = BodyLetters(pdf.GetPage(1));
        var text = string.Concat(letters.Select(l => l.Value));

        Assert.Contains("NotoSansSC", letters[text.IndexOf("总体情况", StringComparison.Ordinal)].FontName?.Replace(" ", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
        Assert.Contains("Kai", letters[text.IndexOf("主动公开政府信息情况", StringComparison.Ordinal)].FontName?.Replace(" ", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
        Assert.Contains("Noto", letters[text.IndexOf("我局坚持", StringComparison.Ordinal)].FontName?.Replace(" ", "", StringComparison.Ordinal) ?? "", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/ID\s*\[\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex TrailerId();

    [GeneratedRegex(@"^[A-Z]{6}\+")]
    private static partial Regex SubsetName();

    [GeneratedRegex(@"第(\d+)行")]
    private static partial Regex RowLabel();
}
