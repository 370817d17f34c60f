using Disclosure.Domain.Import.Text;

namespace Disclosure.Domain.Tests.Import;

/// <summary>The segmenter cuts copied text into the front lines and the six sections by their headings.</summary>
public sealed class ReportSegmenterTests
{
    [Fact]
    public void Segment_SamplePage_FindsTheSixHeadingsOnTheirLines()
    {
        var text = ReportSegmenter.Segment(Samples.PageText(Samples.Zhongwei2023));

        Assert.Equal(
            [(TextSegment.Overview, 9), (TextSegment.Proactive, 35), (TextSegment.Applications, 52), (TextSegment.Reviews, 83), (TextSegment.Problems, 90), (TextSegment.Other, 96)],
            text.Headings.OrderBy(h => h.Value).Select(h => (h.Key, h.Value)));
    }

    [Fact]
    public void Segment_SamplePage_KeepsTheTitleInTheFrontAndTheTableRowsWithTheirTabs()
    {
        var text = ReportSegmenter.Segment(Samples.PageText(Samples.Zhongwei2023));

        Assert.Equal(["中卫市商务局", "2023 年政府信息公开工作年度报告"], text.Lines(TextSegment.Front).Where(l => l.Text is not null).Take(2).Select(l => l.Text));
        var newApplications = Assert.Single(text.Lines(TextSegment.Applications), l => l.Number == 57);
        Assert.StartsWith("一、本年新收政府信息公开申请数量\t", newApplications.Text, StringComparison.Ordinal);
        Assert.All(text.Lines(TextSegment.Applications), l => Assert.False(string.IsNullOrWhiteSpace(l.Text)));
    }

    [Fact]
    public void Segment_Narrative_KeepsBlankLinesAsParagraphBreaksAndTrimsLines()
    {
        var text = ReportSegmenter.Segment("一、总体情况\n  第一段。 \n\n第二段。\n二、主动公开政府信息情况\n\n信息内容\t本年制发件数\n");

        Assert.Equal([(2, "第一段。"), (3, null), (4, "第二段。")], text.Lines(TextSegment.Overview).Select(l => (l.Number, l.Text)));
        Assert.Equal([(7, "信息内容\t本年制发件数")], text.Lines(TextSegment.Proactive).Select(l => (l.Number, l.Text)));
    }

    [Fact]
    public void Segment_HeadingRepeatedInALaterSection_StaysText()
    {
        var text = ReportSegmenter.Segment("一、总体情况\n正文\n五、存在的主要问题及改进情况\n一、总体情况\n六、其他需要报告的事项\n无");

        Assert.Equal(3, text.Headings[TextSegment.Problems]);
        Assert.Equal(["一、总体情况"], text.Lines(TextSegment.Problems).Select(l => l.Text));
        Assert.Equal(1, text.Headings[TextSegment.Overview]);
    }

    [Theory]
    [InlineData("一、总体情况", nameof(TextSegment.Overview))]
    [InlineData("一. 总体情况", nameof(TextSegment.Overview))]
    [InlineData("二、主动公开政府信息情况", nameof(TextSegment.Proactive))]
    [InlineData("三、收到和处理政府信息公开申请情况", nameof(TextSegment.Applications))]
    [InlineData("三、依申请公开政府信息申请情况", nameof(TextSegment.Applications))]
    [InlineData("四、政府信息公开行政复议、行政诉讼情况", nameof(TextSegment.Reviews))]
    [InlineData("五、存在的主要问题及改进情况", nameof(TextSegment.Problems))]
    [InlineData("五、存在问题和改进措施", nameof(TextSegment.Problems))]
    [InlineData("五、 存在的问题及改进情况", nameof(TextSegment.Problems))]
    [InlineData("六、其他需要报告的事项", nameof(TextSegment.Other))]
    public void Heading_TheSixSectionsInTheirWordings_AreRecognised(string line, string expected) =>
        Assert.Equal(Enum.Parse<TextSegment>(expected), ReportSegmenter.Heading(line));

    [Theory]
    [InlineData("一、本年新收政府信息公开申请数量\t\t1\t0")]
    [InlineData("二、政府信息管理")]
    [InlineData("五、工作成效")]
    [InlineData("（一）总体情况")]
    [InlineData("一、总体情况：我局坚持以公开为常态、不公开为例外，全面落实政府信息公开条例，深化政务公开，加强政务服务，丰富政府信息公开方式和载体，积极回应社会关切。")]
    public void Heading_TableRowsLongLinesAndOtherNumbers_AreNotHeadings(string line) =>
        Assert.Null(ReportSegmenter.Heading(line));
}
