using Disclosure.Reporting.Pdf.Fonts;
using Disclosure.Reporting.Pdf.Layout;

namespace Disclosure.Reporting.Pdf.Tests;

public class TextLayoutTests
{
    private static readonly TextLayout _layout = new(ReportFonts.Instance, new MissingCharacters(null));

    private static List<string> Break(string text, double widthInEm)
    {
        var atoms = _layout.Shape(text, new TextStyle(Face.Serif, 10));
        return _layout.BreakLines(atoms, widthInEm * 10, widthInEm * 10).Select(l => string.Concat(l.Atoms.Select(a => a.Text))).ToList();
    }

    [Fact]
    public void BreakLines_WhenCommaWouldStartALine_CarriesTheCharacterBeforeItOver()
    {
        Assert.Equal(["政府信", "息，公", "开。"], Break("政府信息，公开。", 3));
    }

    [Fact]
    public void BreakLines_WhenOpeningBracketWouldEndALine_MovesItToTheNextLine()
    {
        Assert.Equal(["政府", "《条例"], Break("政府《条例", 3));
    }

    [Fact]
    public void BreakLines_KeepsLatinLettersAndDigitsTogether()
    {
        var lines = Break("共收到申请2023件abc", 6);

        Assert.Equal(["共收到申请", "2023件abc"], lines);
    }

    [Fact]
    public void BreakLines_WhenANumberIsWiderThanTheLine_SplitsIt()
    {
        var lines = Break("12345678", 2);

        Assert.True(lines.Count > 1);
        Assert.Equal("12345678", string.Concat(lines));
    }

    [Fact]
    public void BreakLines_HardLineBreak_EndsTheLine()
    {
        Assert.Equal(["地址", "电话"], Break("地址\n电话", 10));
    }

    [Fact]
    public void FromMarkedText_MakesBoldRunsOfStarredText()
    {
        var paragraph = PdfParagraph.FromMarkedText("但仍存在不足：**一是**时效性。**二是**质量。");

        Assert.Equal(
            [new PdfRun("但仍存在不足："), new PdfRun("一是", true), new PdfRun("时效性。"), new PdfRun("二是", true), new PdfRun("质量。")],
            paragraph.Runs);
    }
}
