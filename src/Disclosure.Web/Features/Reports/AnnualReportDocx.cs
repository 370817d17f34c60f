using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Disclosure.Web.Features.Reports;

/// <summary>
/// One report as a Word document in the official layout, for offices that circulate the report in Word for 领导审签:
/// the same order and wording as the PDF (title on two lines, preamble, 一 to 六, tables 二/三/四 drawn from their
/// <see cref="PrintedTable"/> with the official merged cells, the signature), on an A4 page with the GB/T 9704 margins,
/// in the fonts GB/T 9704 names and government PCs have (仿宋_GB2312 body, 黑体 headings, 楷体_GB2312 sub-headings,
/// 方正小标宋简体 title; Word substitutes where one is missing). An empty 五 or 六 says so, as on the web page.
/// Headings use Word's Heading 1/2 styles so that the navigation pane lists them. DocumentFormat.OpenXml writes it.
/// </summary>
public static class AnnualReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(string agencyName, int year, bool draft) => $"{agencyName}{year}年政府信息公开工作年度报告{(draft ? "（草稿）" : "")}.docx";

    public static byte[] Write(AnnualReport report, bool draft)
    {
        using var output = new MemoryStream();
        using (var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var body = new Body();
            main.Document = new Document(body);
            document.PackageProperties.Title = report.Title;
            document.PackageProperties.Creator = report.Agency.Name;
            document.PackageProperties.Subject = "政府信息公开工作年度报告";
            document.PackageProperties.Language = "zh-CN";

            if (draft)
            {
                body.Append(Paragraph("草稿（尚未公开，供审签）", "Note"));
            }

            var suffix = $"{report.Year}年政府信息公开工作年度报告";
            var titleLines = report.Title.EndsWith(suffix, StringComparison.Ordinal) && report.Title.Length > suffix.Length
                ? new[] { report.Title[..^suffix.Length], suffix }
                : [report.Title];
            foreach (var line in titleLines)
            {
                body.Append(Paragraph(line, "Title"));
            }

            var empty = draft ? "（本部分尚未填写）" : ReportSections.EmptySectionText;
            Narrative(body, report.Sections.Preamble, null);
            body.Append(Paragraph(ReportSections.Headings.Overview, "Heading1"));
            foreach (var part in report.Sections.Overview)
            {
                if (!string.IsNullOrWhiteSpace(part.Heading))
                {
                    body.Append(Paragraph(part.Heading.Trim(), "Heading2"));
                }

                Narrative(body, part.Body, null);
            }

            foreach (var table in report.Tables)
            {
                body.Append(Paragraph(table.Layout.Title, "Heading1"));
                body.Append(Table(table));
            }

            body.Append(Paragraph(ReportSections.Headings.Problems, "Heading1"));
            Narrative(body, report.Sections.Problems, empty);
            body.Append(Paragraph(ReportSections.Headings.Other, "Heading1"));
            Narrative(body, report.Sections.Other, empty);
            if (report.PublishedOn is { } date)
            {
                body.Append(Paragraph(report.Agency.Name, "Signature"));
                body.Append(Paragraph($"{date.Year}年{date.Month}月{date.Day}日", "Signature"));
            }

            // A4, GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (1 mm = 56.7 twips).
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992 }));
        }

        return output.ToArray();
    }

    /// <summary>Paragraphs as the web page splits them; **bold** markers become bold runs; a line that is a sub-heading is one.</summary>
    private static void Narrative(Body body, string text, string? whenEmpty)
    {
        var blocks = NarrativeText.Blocks(text);
        if (blocks.Count == 0)
        {
            if (whenEmpty is not null)
            {
                body.Append(Paragraph(whenEmpty, "Normal"));
            }

            return;
        }

        foreach (var block in blocks)
        {
            if (block.IsSubHeading)
            {
                body.Append(Paragraph(block.Lines[0], "Heading2"));
                continue;
            }

            foreach (var line in block.Lines)
            {
                var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Normal" }));
                var parts = line.Split("**");
                for (var i = 0; i < parts.Length; i++)
                {
                    if (parts[i].Length > 0)
                    {
                        var bold = i % 2 == 1 && i < parts.Length - 1;
                        paragraph.Append(Run(bold || i % 2 == 0 ? parts[i] : "**" + parts[i], bold));
                    }
                }

                body.Append(paragraph);
            }
        }
    }

    /// <summary>A printed table as a Word table: merged cells as in the official form (gridSpan across, vMerge down).</summary>
    private static Table Table(ReportTable table)
    {
        var printed = table.Layout.Printed;
        var placed = PrintedGrid.Place(printed);
        var rowCount = PrintedGrid.RowCount(printed);
        var width = printed.Columns.Count;
        var total = printed.Columns.Sum(c => c.Width);
        const int TextWidth = 11906 - 1588 - 1474;
        var grid = new TableGrid(printed.Columns.Select(c => new GridColumn { Width = ((int)(TextWidth * c.Width / total)).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        // The schema's orders: tblStyle, tblW, tblBorders, tblLayout; top, left, bottom, right, insideH, insideV.
        var result = new Table(
            new TableProperties(
                new TableStyle { Val = "TableGrid" },
                new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new DocumentFormat.OpenXml.Wordprocessing.TableLayout { Type = TableLayoutValues.Fixed }),
            grid);

        // Which placed cell starts at (row, column), and which cell covers each slot below its first row.
        var starts = placed.ToDictionary(p => (p.Row, p.Column));
        var continues = new Dictionary<(int, int), PlacedCell>();
        foreach (var p in placed.Where(p => p.Cell.RowSpan > 1))
        {
            for (var r = p.Row + 1; r < p.Row + p.Cell.RowSpan; r++)
            {
                continues[(r, p.Column)] = p;
            }
        }

        var headerRows = printed.Sections.Count == 1 ? printed.Sections[0].HeaderRows.Count() : 0;
        for (var r = 0; r < rowCount; r++)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            if (r < headerRows)
            {
                row.TableRowProperties!.Append(new TableHeader());
            }

            for (var c = 0; c < width;)
            {
                if (starts.TryGetValue((r, c), out var place))
                {
                    row.Append(Cell(place.Cell, table, place.Cell.RowSpan > 1 ? MergedCellValues.Restart : null));
                    c += place.Cell.ColSpan;
                }
                else if (continues.TryGetValue((r, c), out var above))
                {
                    row.Append(Cell(null, table, MergedCellValues.Continue, above.Cell.ColSpan));
                    c += above.Cell.ColSpan;
                }
                else
                {
                    row.Append(Cell(null, table, null));
                    c++;
                }
            }

            result.Append(row);
        }

        return result;
    }

    private static TableCell Cell(PrintedCell? cell, ReportTable table, MergedCellValues? merge, int span = 1)
    {
        // The schema's order: gridSpan, vMerge, shd, vAlign. The group cell 「三、本年度办理结果」 is narrow, so its
        // characters stack as in the printed form without a text direction (which not every program renders).
        var properties = new TableCellProperties();
        var columns = cell?.ColSpan ?? span;
        if (columns > 1)
        {
            properties.Append(new GridSpan { Val = columns });
        }

        if (merge is { } m)
        {
            properties.Append(new VerticalMerge { Val = m });
        }

        if (cell is HeadingCell { Role: HeadingRole.Block })
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "F2F2F2" });
        }

        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var (text, style, bold) = cell switch
        {
            DataCell data => (table[data.Ref.Row, data.Ref.Column].Format(data.Kind), "TableFigure", false),
            HeadingCell { Role: HeadingRole.Group or HeadingRole.Row or HeadingRole.Item or HeadingRole.Subgroup } heading => (heading.Text, "TableLabel", heading.Strong),
            HeadingCell heading => (heading.Text, "TableHeading", true),
            NoteCell note => (note.Text, "TableLabel", false),
            _ => ("", "TableFigure", false),
        };

        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        if (text.Length > 0)
        {
            paragraph.Append(Run(text, bold));
        }

        return new TableCell(properties, paragraph);
    }

    private static Paragraph Paragraph(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), Run(text, false));

    private static Run Run(string text, bool bold)
    {
        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return run;
    }

    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, string font, int halfPoints, bool bold = false, JustificationValues? align = null, bool indent = false, int? outline = null, string? basedOn = "Normal")
        {
            // The schema's order: rFonts, b, sz, szCs, lang.
            var run = new StyleRunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font });
            if (bold)
            {
                run.Append(new Bold());
            }

            run.Append(
                new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Languages { EastAsia = "zh-CN" });

            var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
            // The schema's order: spacing, ind, jc, outlineLvl.
            if (indent)
            {
                paragraph.Append(new Indentation { FirstLineChars = 200, FirstLine = "640" });
            }

            if (align is { } a)
            {
                paragraph.Append(new Justification { Val = a });
            }

            if (outline is { } level)
            {
                paragraph.Append(new OutlineLevel { Val = level });
            }

            var style = new Style(new StyleName { Val = name }, paragraph, run) { Type = StyleValues.Paragraph, StyleId = id };
            if (basedOn is not null && id != "Normal")
            {
                style.InsertAfter(new BasedOn { Val = basedOn }, style.GetFirstChild<StyleName>());
            }

            return style;
        }

        // Table text: single spacing and no first-line indent (Normal has both).
        Style InTable(Style style)
        {
            var paragraph = style.StyleParagraphProperties!;
            paragraph.SpacingBetweenLines = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" };
            paragraph.Indentation = new Indentation { FirstLine = "0", FirstLineChars = 0, Left = "0", Right = "0" };
            return style;
        }

        var tableFigure = InTable(Paragraph("TableFigure", "表格数字", "宋体", 24, align: JustificationValues.Center));
        var tableLabel = InTable(Paragraph("TableLabel", "表格文字", "宋体", 21, align: JustificationValues.Left));
        var tableHeading = InTable(Paragraph("TableHeading", "表头", "宋体", 21, bold: true, align: JustificationValues.Center));
        return new Styles(
            Paragraph("Normal", "Normal", "仿宋_GB2312", 32, align: JustificationValues.Both, indent: true, basedOn: null),
            Paragraph("Title", "Title", "方正小标宋简体", 44, align: JustificationValues.Center),
            Paragraph("Heading1", "heading 1", "黑体", 32, indent: true, outline: 0),
            Paragraph("Heading2", "heading 2", "楷体_GB2312", 32, indent: true, outline: 1),
            Paragraph("Signature", "署名", "仿宋_GB2312", 32, align: JustificationValues.Right),
            Paragraph("Note", "草稿说明", "黑体", 24, align: JustificationValues.Left),
            tableFigure,
            tableLabel,
            tableHeading,
            new Style(new StyleName { Val = "Table Grid" }) { Type = StyleValues.Table, StyleId = "TableGrid" });
    }
}
