using System.Globalization;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Reporting.Pdf;

/// <summary>
/// Builds the flat PDF document model from one report version, in the official layout: the title on two lines, the
/// preamble, the six sections, tables 二/三/四 with the official merged cells, and the signature when the report
/// carries its publication date. The tables are drawn from their <see cref="PrintedTable"/> like the web page
/// (<see cref="PrintedTablePdf"/>); the narrative is split as on the web page (<see cref="NarrativeText"/>).
/// </summary>
public static class AnnualReportPdf
{
    public const string Subject = "政府信息公开工作年度报告";

    public static PdfReportDocument Build(AnnualReport report, DateOnly documentDate, bool isDraft = false)
    {
        var suffix = $"{report.Year}年政府信息公开工作年度报告";
        var titleLines = report.Title.EndsWith(suffix, StringComparison.Ordinal) && report.Title.Length > suffix.Length
            ? new[] { report.Title[..^suffix.Length], suffix }
            : [report.Title];

        var blocks = new List<PdfBlock> { new PdfTitle(titleLines) };
        AddNarrative(blocks, report.Sections.Preamble);

        blocks.Add(new PdfHeading(1, ReportSections.Headings.Overview));
        foreach (var part in report.Sections.Overview)
        {
            if (!string.IsNullOrWhiteSpace(part.Heading))
            {
                blocks.Add(new PdfHeading(2, part.Heading.Trim()));
            }

            AddNarrative(blocks, part.Body);
        }

        foreach (var table in report.Tables)
        {
            blocks.Add(new PdfHeading(1, table.Layout.Title));
            blocks.Add(PrintedTablePdf.From(table));
        }

        blocks.Add(new PdfHeading(1, ReportSections.Headings.Problems));
        AddNarrative(blocks, report.Sections.Problems);
        blocks.Add(new PdfHeading(1, ReportSections.Headings.Other));
        AddNarrative(blocks, report.Sections.Other);
        if (report.PublishedOn is { } publishedOn)
        {
            blocks.Add(new PdfSignature(report.Agency.Name, publishedOn));
        }

        var metadata = new PdfMetadata(report.Title, report.Agency.Name, Subject, report.PublishedOn ?? documentDate);
        return new PdfReportDocument(metadata, blocks, isDraft);
    }

    private static void AddNarrative(List<PdfBlock> blocks, string text)
    {
        foreach (var block in NarrativeText.Blocks(text))
        {
            if (block.IsSubHeading)
            {
                blocks.Add(new PdfHeading(2, block.Lines[0]));
                continue;
            }

            blocks.AddRange(block.Lines.Select(line => PdfParagraph.FromMarkedText(line)));
        }
    }

    /// <summary>The download name: <c>&lt;机关&gt;&lt;年&gt;年政府信息公开工作年度报告.pdf</c>.</summary>
    public static string FileName(string agencyName, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{agencyName}{year}年政府信息公开工作年度报告.pdf");
}
