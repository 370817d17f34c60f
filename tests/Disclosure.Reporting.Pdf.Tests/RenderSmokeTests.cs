namespace Disclosure.Reporting.Pdf.Tests;

public class RenderSmokeTests
{
    [Fact]
    public void Render_ZhongweiReport_WritesFile()
    {
        var result = new ReportPdfRenderer().Render(ZhongweiReport.Load());
        var outDir = Environment.GetEnvironmentVariable("DISCLOSURE_PDF_OUT");
        if (!string.IsNullOrEmpty(outDir))
        {
            File.WriteAllBytes(Path.Combine(outDir, "zhongwei.pdf"), result.Bytes);
            File.WriteAllBytes(Path.Combine(outDir, "zhongwei-draft.pdf"), new ReportPdfRenderer().Render(ZhongweiReport.Load(isDraft: true)).Bytes);
        }

        Assert.True(result.PageCount >= 3);
    }
}
