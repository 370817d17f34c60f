using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Disclosure.Testing;

namespace Disclosure.Reporting.Pdf.Tests;

/// <summary>
/// Builds the flat document model of a report in the canonical JSON (tests/Fixtures/*.json), the way the web layer
/// will build it from the domain: title, preamble, the six sections, tables 二/三/四 and a signature.
/// </summary>
public static partial class ZhongweiReport
{
    public static readonly DateOnly PublicationDate = new(2024, 1, 31);

    public static PdfReportDocument Load(bool isDraft = false) =>
        Build(Fixtures.Json(Fixtures.Zhongwei2023), isDraft);

    public static PdfReportDocument Build(string json, bool isDraft = false)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var agency = root.GetProperty("agency").GetProperty("name").GetString()!;
        var year = root.GetProperty("year").GetInt32();
        var sections = root.GetProperty("sections");
        var blocks = new List<PdfBlock>
        {
            new PdfTitle([agency, string.Create(CultureInfo.InvariantCulture, $"{year}年政府信息公开工作年度报告")]),
        };
        AddText(blocks, sections.GetProperty("preamble").GetString()!);

        blocks.Add(new PdfHeading(1, "一、总体情况"));
        foreach (var item in sections.GetProperty("overview").EnumerateArray())
        {
            var heading = item.GetProperty("heading").GetString();
            if (!string.IsNullOrWhiteSpace(heading))
            {
                blocks.Add(new PdfHeading(2, heading));
            }

            AddText(blocks, item.GetProperty("body").GetString()!);
        }

        blocks.Add(new PdfHeading(1, "二、主动公开政府信息情况"));
        blocks.Add(ProactiveTable(root.GetProperty("proactive")));
        blocks.Add(new PdfHeading(1, "三、收到和处理政府信息公开申请情况"));
        blocks.Add(ApplicationsTable(ReadApplications(root.GetProperty("applications"))));
        blocks.Add(new PdfHeading(1, "四、政府信息公开行政复议、行政诉讼情况"));
        blocks.Add(ReviewsTable(ReadReviews(root.GetProperty("reviews"))));
        blocks.Add(new PdfHeading(1, "五、存在的主要问题及改进情况"));
        AddText(blocks, sections.GetProperty("problems").GetString()!);
        blocks.Add(new PdfHeading(1, "六、其他需要报告的事项"));
        AddText(blocks, sections.GetProperty("other").GetString()!);
        blocks.Add(new PdfSignature(agency, PublicationDate));

        var metadata = new PdfMetadata(root.GetProperty("title").GetString()!, agency, "政府信息公开工作年度报告", PublicationDate);
        return new PdfReportDocument(metadata, blocks, isDraft);
    }

    /// <summary>Splits narrative into paragraphs (one per line); a short line like 「（一）政府信息处理费收取情况」 becomes a level-2 heading.</summary>
    public static void AddText(List<PdfBlock> blocks, string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var heading = SubHeading().Match(line);
            if (heading.Success && line.Length <= 30 && !line.Contains('。', StringComparison.Ordinal))
            {
                blocks.Add(new PdfHeading(2, "（" + heading.Groups[1].Value + "）" + heading.Groups[2].Value.Trim()));
                continue;
            }

            blocks.Add(PdfParagraph.FromMarkedText(line));
        }
    }

    public static PdfTable ProactiveTable(JsonElement p)
    {
        static string N(JsonElement e, string a, string b) => e.GetProperty(a).GetProperty(b).ToString();
        var shaded = PdfCellStyle.Header with { Shaded = true };
        var bold = PdfCellStyle.Header with { Bold = true };
        PdfTableRow Block(string text) => new([new PdfTableCell(text, ColSpan: 4, Style: shaded)]);
        PdfTableRow Row(string label, params string[] values) =>
            new([new PdfTableCell(label), .. values.Select(v => new PdfTableCell(v, ColSpan: values.Length == 1 ? 3 : 1, Style: PdfCellStyle.Number))]);
        PdfTableRow HeaderRow(params string[] texts) =>
            new([new PdfTableCell(texts[0], Style: bold), .. texts.Skip(1).Select(t => new PdfTableCell(t, ColSpan: texts.Length == 2 ? 3 : 1, Style: bold))]);

        var rows = new List<PdfTableRow>
        {
            Block("第二十条第（一）项"),
            HeaderRow("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
            Row("规章", N(p, "regulations", "issued"), N(p, "regulations", "repealed"), N(p, "regulations", "in_force")),
            Row("行政规范性文件", N(p, "normative_documents", "issued"), N(p, "normative_documents", "repealed"), N(p, "normative_documents", "in_force")),
            Block("第二十条第（五）项"),
            HeaderRow("信息内容", "本年处理决定数量"),
            Row("行政许可", N(p, "licensing", "decisions")),
            Block("第二十条第（六）项"),
            HeaderRow("信息内容", "本年处理决定数量"),
            Row("行政处罚", N(p, "penalty", "decisions")),
            Row("行政强制", N(p, "enforcement", "decisions")),
            Block("第二十条第（八）项"),
            HeaderRow("信息内容", "本年收费金额（单位：万元）"),
            Row("行政事业性收费", p.GetProperty("fees").GetProperty("amount_wan_yuan").GetString()!),
        };
        return new PdfTable(rows, [1.6, 1, 1, 1], 0);
    }

    public static readonly (string Key, string Label)[] ApplicationRows =
    [
        ("new", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量"),
        ("granted", "（一）予以公开"), ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("deny_1", "1.属于国家秘密"), ("deny_2", "2.其他法律行政法规禁止公开"), ("deny_3", "3.危及“三安全一稳定”"),
        ("deny_4", "4.保护第三方合法权益"), ("deny_5", "5.属于三类内部事务信息"), ("deny_6", "6.属于四类过程性信息"),
        ("deny_7", "7.属于行政执法案卷"), ("deny_8", "8.属于行政查询事项"),
        ("unable_1", "1.本机关不掌握相关政府信息"), ("unable_2", "2.没有现成信息需要另行制作"), ("unable_3", "3.补正后申请内容仍不明确"),
        ("noproc_1", "1.信访举报投诉类申请"), ("noproc_2", "2.重复申请"), ("noproc_3", "3.要求提供公开出版物"),
        ("noproc_4", "4.无正当理由大量反复申请"), ("noproc_5", "5.要求行政机关确认或重新出具已获取信息"),
        ("other_1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other_2", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), ("other_3", "3.其他"),
        ("total_processed", "（七）总计"), ("carried_forward", "四、结转下年度继续办理"),
    ];

    public static Dictionary<string, string[]> ReadApplications(JsonElement applications) =>
        applications.GetProperty("rows").EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? "" : v.ToString()).ToArray());

    /// <summary>Table 三: 3 label columns + 7 data columns, 3 header rows, nested row spans.</summary>
    public static PdfTable ApplicationsTable(IReadOnlyDictionary<string, string[]> values)
    {
        var header = PdfCellStyle.Header;
        var rows = new List<PdfTableRow>
        {
            new([
                new PdfTableCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", RowSpan: 3, ColSpan: 3, Style: header),
                new PdfTableCell("申请人情况", ColSpan: 7, Style: header),
            ]),
            new([
                new PdfTableCell("自然人", RowSpan: 2, Style: header),
                new PdfTableCell("法人或其他组织", ColSpan: 5, Style: header),
                new PdfTableCell("总计", RowSpan: 2, Style: header),
            ]),
            new(new[] { "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他" }.Select(t => new PdfTableCell(t, Style: header)).ToList()),
        };

        var groups = new Dictionary<string, (string Label, int Span)>
        {
            ["deny_1"] = ("（三）不予公开", 8),
            ["unable_1"] = ("（四）无法提供", 3),
            ["noproc_1"] = ("（五）不予处理", 5),
            ["other_1"] = ("（六）其他处理", 3),
        };
        var bold = PdfCellStyle.Label with { Bold = true };
        foreach (var (key, label) in ApplicationRows)
        {
            var cells = new List<PdfTableCell>();
            if (key == "granted")
            {
                cells.Add(new PdfTableCell("三、本年度办理结果", RowSpan: 22, Style: PdfCellStyle.Header with { Bold = true, Vertical = true }));
            }

            if (key is "new" or "carried_over" or "carried_forward")
            {
                cells.Add(new PdfTableCell(label, ColSpan: 3, Style: bold));
            }
            else if (groups.TryGetValue(key, out var group))
            {
                cells.Add(new PdfTableCell(group.Label, RowSpan: group.Span));
                cells.Add(new PdfTableCell(label));
            }
            else if (label.StartsWith('（'))
            {
                cells.Add(new PdfTableCell(label, ColSpan: 2));
            }
            else
            {
                cells.Add(new PdfTableCell(label));
            }

            var numbers = values.TryGetValue(key, out var v) ? v : new string[7];
            cells.AddRange(numbers.Select(n => new PdfTableCell(n ?? "", Style: PdfCellStyle.Number)));
            rows.Add(new PdfTableRow(cells));
        }

        return new PdfTable(rows, [0.45, 1.2, 2.45, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85, 0.85], 3);
    }

    public static string[] ReadReviews(JsonElement reviews)
    {
        string[] groups = ["administrative_review", "litigation_direct", "litigation_after_review"];
        string[] keys = ["upheld", "corrected", "other", "pending", "total"];
        return groups.SelectMany(g => keys.Select(k => reviews.GetProperty(g).GetProperty(k).ToString())).ToArray();
    }

    /// <summary>Table 四: 15 data columns under two header levels.</summary>
    public static PdfTable ReviewsTable(IReadOnlyList<string> values)
    {
        var header = PdfCellStyle.Header;
        string[] results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        var rows = new List<PdfTableRow>
        {
            new([new PdfTableCell("行政复议", ColSpan: 5, Style: header), new PdfTableCell("行政诉讼", ColSpan: 10, Style: header)]),
            new([
                .. results.Select(r => new PdfTableCell(r, RowSpan: 2, Style: header)),
                new PdfTableCell("未经复议直接起诉", ColSpan: 5, Style: header),
                new PdfTableCell("复议后起诉", ColSpan: 5, Style: header),
            ]),
            new([.. results.Concat(results).Select(r => new PdfTableCell(r, Style: header))]),
            new([.. values.Select(v => new PdfTableCell(v, Style: PdfCellStyle.Number))]),
        };
        return new PdfTable(rows, Enumerable.Repeat(1.0, 15).ToList(), 3);
    }

    [GeneratedRegex(@"^[（(]([一二三四五六七八九十]+)[）)]\s*(.+)$")]
    private static partial Regex SubHeading();
}
