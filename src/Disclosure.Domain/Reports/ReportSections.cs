namespace Disclosure.Domain.Reports;

/// <summary>One sub-headed part of 一、总体情况. The heading is free text and may be empty (an opening paragraph).</summary>
public sealed record OverviewPart(string Heading, string Body)
{
    public const int HeadingMaxLength = 200;
}

/// <summary>The narrative of a report. Paragraphs are separated by a blank line; <c>**bold**</c> marks bold runs.</summary>
public sealed record ReportSections(string Preamble, IReadOnlyList<OverviewPart> Overview, string Problems, string Other)
{
    /// <summary>Longest narrative section accepted (characters); generous, a 40-page report fits.</summary>
    public const int SectionMaxLength = 100_000;

    public const int MaxOverviewParts = 30;

    public static readonly ReportSections Empty = new("", [], "", "");

    /// <summary>What the web page and the PDF print under a section that has no text (never a bare heading).</summary>
    public const string EmptySectionText = "（原报告此部分无内容）";

    public static class Headings
    {
        public const string Overview = "一、总体情况";
        public const string Problems = "五、存在的主要问题及改进情况";
        public const string Other = "六、其他需要报告的事项";
    }
}
