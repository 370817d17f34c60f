using System.Diagnostics;

namespace Disclosure.Reporting.Pdf.Tests;

/// <summary>
/// Poppler's pdftotext is what most search indexers and command-line users get: it must give back the original
/// characters (no look-alike Kangxi radicals) and the figures as printed. Runs wherever pdftotext is installed
/// (Debian poppler-utils; .ci/run installs it) and is required under CI=true.
/// </summary>
public class PdftotextTests
{
    [Fact]
    public void Render_TextExtractedByPdftotext_IsTheOriginalChineseAndFigures()
    {
        var text = Pdftotext(new ReportPdfRenderer().Render(SampleReport.Load()).Bytes);
        if (text is null)
        {
            Assert.False(string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase), "pdftotext is required under CI");
            return;
        }

        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        string[] expected =
        [
            "中卫市商务局", "2023年政府信息公开工作年度报告", "一、总体情况",
            "我局坚持“以公开为常态，不公开为例外”原则", "（一）主动公开政府信息情况",
            "第二十条第（一）项", "行政许可", "本年收费金额（单位：万元）",
            "三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加",
            "一、本年新收政府信息公开申请数量", "四、结转下年度继续办理", "行政复议", "复议后起诉",
            "五、存在的主要问题及改进情况", "一是政府信息公开的时效性还需提升", "六、其他需要报告的事项",
            "2024年1月31日",
        ];
        Assert.All(expected, e => Assert.Contains(e, compact, StringComparison.Ordinal));
        Assert.Contains("13", text, StringComparison.Ordinal);
        Assert.DoesNotContain(compact, c => c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF');
    }

    private static string? Pdftotext(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"disclosure-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // not installed
        }
        finally
        {
            File.Delete(file);
        }
    }
}
