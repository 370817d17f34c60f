using Disclosure.Reporting.Pdf.Fonts;
using PdfSharp.Fonts;
using static Disclosure.Reporting.Pdf.Tests.PdfInspection;

namespace Disclosure.Reporting.Pdf.Tests;

public class RendererConcurrencyTests
{
    [Fact]
    public void Render_OnManyThreadsAtOnce_GivesTheSameBytesEveryTime()
    {
        var document = SampleReport.Load();
        var expected = new ReportPdfRenderer().Render(document).Bytes;

        var results = new byte[8][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = new ReportPdfRenderer().Render(document).Bytes);

        Assert.All(results, bytes => Assert.Equal(expected, bytes));
    }

    [Fact]
    public void EnsureInstalled_CalledRepeatedly_KeepsOneResolver()
    {
        Parallel.For(0, 16, _ => ReportFonts.EnsureInstalled());

        Assert.True(
            ReferenceEquals(GlobalFontSettings.FontResolver, ReportFonts.Instance) ||
            ReferenceEquals(GlobalFontSettings.FallbackFontResolver, ReportFonts.Instance));
    }

    [Fact]
    public void Render_TitleAndSignature_AreCentredAndRightAligned()
    {
        var document = Documents.Of(
            new PdfTitle(["中卫市商务局", "2023年政府信息公开工作年度报告"]),
            new PdfParagraph([new PdfRun("正文。")]),
            new PdfSignature("中卫市商务局", new DateOnly(2024, 1, 17)));
        using var pdf = Open(new ReportPdfRenderer().Render(document).Bytes);
        var letters = BodyLetters(pdf.GetPage(1));

        var titleLine = letters.Where(l => l.PointSize > 20).GroupBy(l => Math.Round(l.StartBaseLine.Y)).OrderByDescending(g => g.Key).ToList();
        Assert.Equal(2, titleLine.Count);
        foreach (var line in titleLine)
        {
            var box = Union(line);
            var centre = (box.Left + box.Right) / 2;
            Assert.Equal((TypeArea.Left + TypeArea.Right) / 2, centre, 2.0);
        }

        Assert.Equal(["中卫市商务局", "2023年政府信息公开工作年度报告", "正文。", "中卫市商务局", "2024年1月17日"], Lines(pdf.GetPage(1)));
        var dateBox = Union(letters.SkipWhile(l => l.Value != "2" || l.PointSize > 20).Skip(1).SkipWhile(l => l.Value != "2"));
        Assert.True(dateBox.Left > (TypeArea.Left + TypeArea.Right) / 2, "the date sits in the right half");
        Assert.True(dateBox.Right < TypeArea.Right - 32, "the date keeps its right indent");
    }
}
