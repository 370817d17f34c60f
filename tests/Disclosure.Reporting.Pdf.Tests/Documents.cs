using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;

namespace Disclosure.Reporting.Pdf.Tests;

/// <summary>Synthetic documents for layout edge cases.</summary>
internal static class Documents
{
    public static readonly PdfMetadata Metadata = new("测试机关2023年政府信息公开工作年度报告", "测试机关", "政府信息公开工作年度报告", new DateOnly(2024, 1, 31));

    public static PdfReportDocument Of(params PdfBlock[] blocks) => new(Metadata, blocks);

    /// <summary>Paragraphs of realistic narrative until the document runs to well over 40 pages.</summary>
    public static PdfReportDocument LongNarrative()
    {
        const string Sentence = "我局坚持“以公开为常态、不公开为例外”原则，全面落实《中华人民共和国政府信息公开条例》，" +
            "2023年主动公开政府信息1136条，受理依申请公开21件（其中自然人申请20件），均在法定期限内答复；";
        var blocks = new List<PdfBlock> { new PdfTitle(["测试机关", "2023年政府信息公开工作年度报告"]) };
        for (var section = 0; section < 12; section++)
        {
            blocks.Add(new PdfHeading(1, $"{"一二三四五六七八九十"[section % 10]}、第{section + 1}部分情况"));
            for (var sub = 0; sub < 4; sub++)
            {
                blocks.Add(new PdfHeading(2, $"（{"一二三四"[sub]}）分项情况说明"));
                for (var p = 0; p < 5; p++)
                {
                    var text = string.Concat(Enumerable.Repeat(Sentence, 1 + ((section + sub + p) % 4))) + "Section" + (section * 100 + p) + "完。";
                    blocks.Add(new PdfParagraph([new PdfRun(text[..(text.Length - (p * 3))])]));
                }
            }
        }

        return Of([.. blocks]);
    }

    /// <summary>Table 三 with a 7-digit figure in every data cell.</summary>
    public static PdfTable ApplicationsWithSevenDigits(long value = 1234567) =>
        PrintedTablePdf.From(Filled(ReportTableId.Applications, value));

    /// <summary>Table 四 with a 7-digit figure in every cell.</summary>
    public static PdfTable ReviewsWithSevenDigits(long value = 7654321) =>
        PrintedTablePdf.From(Filled(ReportTableId.Reviews, value));

    /// <summary>One table of a 2021-format report with <paramref name="value"/> in every cell.</summary>
    public static ReportTable Filled(ReportTableId id, long value)
    {
        var table = new AnnualReport(new AgencyRef("测试机关", "test"), 2023, ReportFormat.Format2021, ReportScope.Agency, "测试").Table(id);
        foreach (var cell in table.Cells)
        {
            table[cell.Row, cell.Column] = CellValue.Of(value);
        }

        return table;
    }

    /// <summary>Table 三's header rows over <paramref name="rows"/> simple body rows.</summary>
    public static PdfTable LongTable(int rows)
    {
        var table = PrintedTablePdf.From(new AnnualReport(new AgencyRef("测试机关", "test"), 2023, ReportFormat.Format2021, ReportScope.Agency, "测试").Applications);
        var body = Enumerable.Range(1, rows).Select(i => new PdfTableRow(
            [new PdfTableCell($"第{i}行", ColSpan: 3), .. Enumerable.Range(0, 7).Select(c => new PdfTableCell((i * 10 + c).ToString(System.Globalization.CultureInfo.InvariantCulture), Style: PdfCellStyle.Number))]));
        return table with { Rows = [.. table.Rows.Take(3), .. body] };
    }
}
