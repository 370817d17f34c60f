using Disclosure.Domain.Import.Text;
using Disclosure.Domain.Reports;

namespace Disclosure.Domain.Tests.Import;

/// <summary>一's parts start at the lines the page and the PDF display as sub-headings (<see cref="NarrativeText.IsSubHeading"/>).</summary>
public sealed class NarrativeReaderTests
{
    private static List<OverviewPart> Overview(params string?[] lines) =>
        NarrativeReader.Overview([.. lines.Select((l, i) => new TextLine(i + 1, l))], new ImportLog());

    [Fact]
    public void Overview_SubHeadingsInEitherBrackets_StartParts()
    {
        var parts = Overview("我局坚持公开为常态。", null, "(一) 主动公开", "发布信息 12 条。", "（二）依申请公开", "收到申请 3 件。");

        Assert.Equal(
            [("", "我局坚持公开为常态。"), ("(一) 主动公开", "发布信息 12 条。"), ("（二）依申请公开", "收到申请 3 件。")],
            parts.Select(p => (p.Heading, p.Body)));
        Assert.All(parts.Skip(1), p => Assert.True(NarrativeText.IsSubHeading(p.Heading)));
    }

    [Fact]
    public void Overview_NumberedSentenceOrBareNumber_StaysInTheBody()
    {
        var parts = Overview("（一）主动公开", "（一）", "(二) 我局严格执行公开制度。");

        var part = Assert.Single(parts);
        Assert.Equal(("（一）主动公开", "（一）\n(二) 我局严格执行公开制度。"), (part.Heading, part.Body));
    }

    [Fact]
    public void Overview_AbridgedPart_IsStoredEmpty()
    {
        var part = Assert.Single(Overview("（一）主动公开", "（略）"));

        Assert.Equal(("（一）主动公开", ""), (part.Heading, part.Body));
    }
}
