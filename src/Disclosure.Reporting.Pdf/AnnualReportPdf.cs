using System.Globalization;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Reporting.Pdf;

/// <summary>
/// Builds the flat PDF document model from one report version, in the official layout: the title on two lines, the
/// preamble, the six sections, tables 二/三/四 with the official merged cells, and the signature when the report
/// carries its publication date. The tables are drawn from their <see cref="PrintedTable"/> like the web page
/// (<see cref="PrintedTablePdf"/>); the narrative is split as on the web page (<see cref="NarrativeText"/>), and a
/// section without text says so in the web page's words. A corrected version names its correction under the title
/// and lists every 更正说明 at the end.
/// </summary>
public static class AnnualReportPdf
{
    public const string Subject = "政府信息公开工作年度报告";

    /// <summary>The heading over the list of corrections at the end of a corrected version.</summary>
    public const string CorrectionsHeading = "更正说明";

    /// <param name="report">The report version.</param>
    /// <param name="documentDate">The date of the document when the report carries no publication date.</param>
    /// <param name="isDraft">Print 「草稿」 across every page.</param>
    /// <param name="corrections">The corrections published up to this version, oldest first; none for a first version.</param>
    public static PdfReportDocument Build(AnnualReport report, DateOnly documentDate, bool isDraft = false, IReadOnlyList<ReportCorrection>? corrections = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        corrections ??= [];
        var suffix = $"{report.Year}年政府信息公开工作年度报告";
        var titleLines = report.Title.EndsWith(suffix, StringComparison.Ordinal) && report.Title.Length > suffix.Length
            ? new[] { report.Title[..^suffix.Length], suffix }
            : [report.Title];

        var note = corrections.Count > 0 ? $"（{DateText(corrections[^1].Date)}更正）" : null;
        var blocks = new List<PdfBlock> { new PdfTitle(titleLines, note) };
        AddNarrative(blocks, report.Sections.Preamble, emptyText: null);

        blocks.Add(new PdfHeading(1, ReportSections.Headings.Overview));
        if (report.Sections.Overview.Count == 0)
        {
            blocks.Add(new PdfParagraph([new PdfRun(ReportSections.EmptySectionText)]));
        }

        foreach (var part in report.Sections.Overview)
        {
            if (!string.IsNullOrWhiteSpace(part.Heading))
            {
                blocks.Add(new PdfHeading(2, NarrativeText.SubHeadingText(part.Heading)));
            }

            AddNarrative(blocks, part.Body, emptyText: null);
        }

        foreach (var table in report.Tables)
        {
            blocks.Add(new PdfHeading(1, table.Layout.Title));
            blocks.Add(PrintedTablePdf.From(table));
        }

        blocks.Add(new PdfHeading(1, ReportSections.Headings.Problems));
        AddNarrative(blocks, report.Sections.Problems, ReportSections.EmptySectionText);
        blocks.Add(new PdfHeading(1, ReportSections.Headings.Other));
        AddNarrative(blocks, report.Sections.Other, ReportSections.EmptySectionText);
        if (report.PublishedOn is { } publishedOn)
        {
            blocks.Add(new PdfSignature(report.Agency.Name, publishedOn));
        }

        if (corrections.Count > 0)
        {
            blocks.Add(new PdfHeading(2, CorrectionsHeading, Bookmark: true));
            blocks.AddRange(corrections.Select(c => new PdfParagraph([new PdfRun($"{DateText(c.Date)}更正：", Bold: true), new PdfRun(c.Note.Trim())])));
        }

        var metadata = new PdfMetadata(report.Title, report.Agency.Name, Subject, report.PublishedOn ?? documentDate);
        return new PdfReportDocument(metadata, blocks, isDraft);
    }

    private static string DateText(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    private static void AddNarrative(List<PdfBlock> blocks, string text, string? emptyText)
    {
        var parts = NarrativeText.Blocks(text);
        if (parts.Count == 0 && emptyText is not null)
        {
            blocks.Add(new PdfParagraph([new PdfRun(emptyText)]));
        }

        foreach (var block in parts)
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

/// <summary>A published correction: the day the corrected version was published and its 更正说明.</summary>
/// <param name="Date">Publication date of the corrected version (China Standard Time).</param>
/// <param name="Note">The 更正说明 as the disclosure office wrote it.</param>
public sealed record ReportCorrection(DateOnly Date, string Note);
