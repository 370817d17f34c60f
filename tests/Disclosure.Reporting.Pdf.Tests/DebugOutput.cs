namespace Disclosure.Reporting.Pdf.Tests;

public class DebugOutput
{
    [Fact]
    public void Write()
    {
        var outDir = Environment.GetEnvironmentVariable("DISCLOSURE_PDF_OUT");
        if (string.IsNullOrEmpty(outDir))
        {
            return;
        }

        var r = new ReportPdfRenderer();
        File.WriteAllBytes(Path.Combine(outDir, "zhongwei.pdf"), r.Render(ZhongweiReport.Load()).Bytes);
        File.WriteAllBytes(Path.Combine(outDir, "zhongwei-draft.pdf"), r.Render(ZhongweiReport.Load(isDraft: true)).Bytes);
        File.WriteAllBytes(Path.Combine(outDir, "zhongwei-draft2.pdf"), r.Render(ZhongweiReport.Load(isDraft: true)).Bytes);
        File.WriteAllBytes(Path.Combine(outDir, "seven.pdf"), r.Render(Documents.Of(Documents.ReviewsWithSevenDigits(), Documents.ApplicationsWithSevenDigits())).Bytes);
        File.WriteAllBytes(Path.Combine(outDir, "missing.pdf"), r.Render(Documents.Of(new PdfParagraph([new PdfRun("生僻字㐀与𠀀在此，㐀再次出现。")]))).Bytes);
        File.WriteAllBytes(Path.Combine(outDir, "long.pdf"), r.Render(Documents.Of(new PdfHeading(1, "三、收到和处理政府信息公开申请情况"), Documents.LongTable(90))).Bytes);
        File.WriteAllBytes(Path.Combine(outDir, "narrative.pdf"), r.Render(Documents.LongNarrative()).Bytes);
    }
}
