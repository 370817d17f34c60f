using System.Globalization;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Reporting.Pdf;

namespace Disclosure.Web.Features.Reports;

/// <summary>
/// Builds the flat PDF document model from one report version, in the official layout: the title on two lines, the
/// preamble, the six sections, tables 二/三/四 with the official merged cells, and the signature when the report
/// carries its publication date. The same narrative splitting as the web page (<see cref="NarrativeText"/>).
/// </summary>
public static class ReportPdfDocument
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

        blocks.Add(new PdfHeading(1, ProactiveLayout.Title));
        blocks.Add(ProactiveTable(report.Proactive));
        blocks.Add(new PdfHeading(1, ApplicationsLayout.Title));
        blocks.Add(ApplicationsTable(report.Applications));
        blocks.Add(new PdfHeading(1, ReviewsLayout.Title));
        blocks.Add(ReviewsTable(report.Reviews));
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

    private static PdfTable ProactiveTable(ReportTable table)
    {
        const int valueColumns = 3;
        var shaded = PdfCellStyle.Header with { Shaded = true, Bold = true };
        var bold = PdfCellStyle.Header with { Bold = true };
        var rows = new List<PdfTableRow>();
        foreach (var block in table.Layout.Rows.GroupBy(r => r.Group ?? ""))
        {
            var columns = block.First().Columns;
            rows.Add(new PdfTableRow([new PdfTableCell(block.Key, ColSpan: valueColumns + 1, Style: shaded)]));
            rows.Add(new PdfTableRow([
                new PdfTableCell(ProactiveLayout.ContentHeader, Style: bold),
                .. columns.Select((c, i) => new PdfTableCell(c.Label, ColSpan: Span(i, columns.Count), Style: bold)),
            ]));
            foreach (var row in block)
            {
                rows.Add(new PdfTableRow([
                    new PdfTableCell(row.Label),
                    .. row.Columns.Select((c, i) => new PdfTableCell(table[row.Key, c.Key].Format(c.Kind), ColSpan: Span(i, row.Columns.Count), Style: PdfCellStyle.Number)),
                ]));
            }
        }

        return new PdfTable(rows, [1.6, 1, 1, 1], 0);

        static int Span(int index, int count) => index == count - 1 ? valueColumns - count + 1 : 1;
    }

    private static PdfTable ApplicationsTable(ReportTable table)
    {
        var header = PdfCellStyle.Header;
        var columns = ApplicationsLayout.DataColumns;
        var rows = new List<PdfTableRow>
        {
            new([
                new PdfTableCell(ApplicationsLayout.BalanceNote, RowSpan: 3, ColSpan: 3, Style: header),
                new PdfTableCell(ApplicationsLayout.ApplicantHeader, ColSpan: 7, Style: header),
            ]),
            new([
                new PdfTableCell(columns[0].Label, RowSpan: 2, Style: header),
                new PdfTableCell(ApplicationsLayout.OrganisationHeader, ColSpan: 5, Style: header),
                new PdfTableCell(columns[6].Label, RowSpan: 2, Style: header),
            ]),
            new([.. columns.Skip(1).Take(5).Select(c => new PdfTableCell(c.Label, Style: header))]),
        };

        var layoutRows = table.Layout.Rows;
        var resultRows = layoutRows.Count(r => r.Group == ApplicationsLayout.ResultsGroup);
        var bold = PdfCellStyle.Label with { Bold = true };
        for (var i = 0; i < layoutRows.Count; i++)
        {
            var row = layoutRows[i];
            var cells = new List<PdfTableCell>();
            if (row.Group is null)
            {
                cells.Add(new PdfTableCell(row.Label, ColSpan: 3, Style: bold));
            }
            else
            {
                if (layoutRows[i - 1].Group != row.Group)
                {
                    cells.Add(new PdfTableCell(row.Group, RowSpan: resultRows, Style: PdfCellStyle.Header with { Bold = true, Vertical = true }));
                }

                if (row.Subgroup is null)
                {
                    cells.Add(new PdfTableCell(row.Label, ColSpan: 2));
                }
                else
                {
                    if (layoutRows[i - 1].Subgroup != row.Subgroup)
                    {
                        cells.Add(new PdfTableCell(row.Subgroup, RowSpan: layoutRows.Count(r => r.Subgroup == row.Subgroup)));
                    }

                    cells.Add(new PdfTableCell(row.Label));
                }
            }

            cells.AddRange(columns.Select(c => new PdfTableCell(table[row.Key, c.Key].Format(c.Kind), Style: PdfCellStyle.Number)));
            rows.Add(new PdfTableRow(cells));
        }

        return new PdfTable(rows, [0.45, 1.2, 2.45, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85], 3);
    }

    private static PdfTable ReviewsTable(ReportTable table)
    {
        var header = PdfCellStyle.Header;
        var groups = table.Layout.Rows;
        var fields = ReviewsLayout.GroupFields;
        var rows = new List<PdfTableRow>
        {
            new([
                new PdfTableCell(ReviewsLayout.ReviewHeader, ColSpan: 5, Style: header),
                new PdfTableCell(ReviewsLayout.LitigationHeader, ColSpan: 10, Style: header),
            ]),
            new([
                .. fields.Select(f => new PdfTableCell(f.Label, RowSpan: 2, Style: header)),
                .. groups.Skip(1).Select(g => new PdfTableCell(g.Label, ColSpan: 5, Style: header)),
            ]),
            new([.. groups.Skip(1).SelectMany(_ => fields).Select(f => new PdfTableCell(f.Label, Style: header))]),
            new([.. groups.SelectMany(g => fields.Select(f => new PdfTableCell(table[g.Key, f.Key].Format(f.Kind), Style: PdfCellStyle.Number)))]),
        };
        return new PdfTable(rows, Enumerable.Repeat(1.0, 15).ToList(), 3);
    }

    /// <summary>The download name: <c>&lt;机关&gt;&lt;年&gt;年政府信息公开工作年度报告.pdf</c>.</summary>
    public static string FileName(string agencyName, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{agencyName}{year}年政府信息公开工作年度报告.pdf");
}
