using Disclosure.Domain.Reports;

namespace Disclosure.Domain.Tests;

public sealed class NarrativeTextTests
{
    [Theory]
    [InlineData("(一) 政务公开工作要点落实情况", "（一）政务公开工作要点落实情况")]
    [InlineData("（二）政府信息处理费收取情况", "（二）政府信息处理费收取情况")]
    [InlineData("（三)平台建设", "（三）平台建设")]
    [InlineData("( 十二 ) 其他", "（十二）其他")]
    public void Blocks_SubHeadingWithEitherBrackets_IsASubHeadingPrintedWithFullWidthBrackets(string line, string printed)
    {
        var block = Assert.Single(NarrativeText.Blocks(line));

        Assert.True(block.IsSubHeading);
        Assert.Equal([printed], block.Lines);
    }

    [Fact]
    public void Blocks_SiblingsTypedWithDifferentBrackets_AreTheSameLevelAndLookAlike()
    {
        var blocks = NarrativeText.Blocks("(一) 政务公开工作要点落实情况\n\n一是严格执行公开制度。\n\n（二）政府信息处理费收取情况\n\n未收取费用。");

        Assert.Equal([true, false, true, false], blocks.Select(b => b.IsSubHeading));
        Assert.Equal(["（一）政务公开工作要点落实情况", "（二）政府信息处理费收取情况"], blocks.Where(b => b.IsSubHeading).Select(b => b.Lines[0]));
    }

    [Theory]
    [InlineData("(一) 我局严格执行公开制度。")] // a sentence, not a heading
    [InlineData("一是严格执行公开制度")]
    [InlineData("（一）")] // a number that heads nothing
    [InlineData("【一】政务公开")] // brackets no sample uses for a heading
    public void Blocks_NumberedSentenceOrPlainLine_IsAParagraphKeptAsTyped(string line)
    {
        var block = Assert.Single(NarrativeText.Blocks(line));

        Assert.False(block.IsSubHeading);
        Assert.Equal([line], block.Lines);
    }

    [Fact]
    public void SubHeadingText_OfAnOverviewPartHeading_NormalisesItsBrackets() =>
        Assert.Equal("（一）主动公开情况", NarrativeText.SubHeadingText(" (一)主动公开情况 "));
}
