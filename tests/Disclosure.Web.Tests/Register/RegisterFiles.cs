using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Disclosure.Web.Tests.Register;

/// <summary>
/// The two-year register of the command tests, written as an office would have it: 2024 as an XLSX (dates as Excel
/// serials, as typed text in the other allowed forms), 2025 as a CSV that closes three of 2024's open applications.
/// </summary>
internal static class RegisterFiles
{
    public static readonly string[] Header =
    [
        "申请编号", "收到申请日期", "申请人类型", "申请内容", "申请方式", "申请人", "联系方式", "补正告知日期", "补正收到日期",
        "征求意见日期", "意见收到日期", "延期工作日", "答复日期", "办理结果", "备注",
    ];

    /// <summary>2024. A value starting with '#' is written as the Excel serial of that date.</summary>
    public static readonly string[][] Year2024 =
    [
        ["Z2024-001", "#2024-01-08", "自然人", "2023年招商引资项目清单", "网络", "张三", "13800000001", "", "", "", "", "", "#2024-01-25", "予以公开", ""],
        ["Z2024-002", "2024/3/4", "商业企业", "商贸流通企业扶持资金分配结果", "邮寄", "", "", "", "", "", "", "", "2024-03-20", "部分公开", ""],
        ["Z2024-003", "2024年5月6日", "自然人", "某超市的经营许可材料", "当面", "李四", "", "#2024-05-08", "#2024-05-15", "", "", "", "#2024-06-05", "本机关不掌握相关政府信息", "补正后重新计算期限"],
        ["Z2024-004", "#2024-09-27", "自然人", "国庆期间市场保供方案", "网络", "", "", "", "", "", "", "", "#2024-10-30", "予以公开", ""],
        ["Z2024-005", "#2024-11-18", "科研机构", "外资企业名录及联系人", "网络", "", "", "", "", "#2024-11-25", "#2024-12-10", "", "", "", "征求第三方意见"],
        ["Z2024-006", "#2024-12-16", "自然人", "电商产业园入驻企业名单", "网络", "王五", "", "", "", "", "", "10", "", "", ""],
        ["Z2024-007", "#2024-12-27", "法律服务机构", "商务统计年鉴", "邮寄", "", "", "", "", "", "", "", "", "", ""],
        ["Z2024-008", "#2024-12-30", "其他", "成品油零售经营批准证书发放情况", "传真", "", "", "", "", "", "", "", "", "", ""],
    ];

    /// <summary>2025, with an extra column 经办人 the template does not know.</summary>
    public static readonly string[][] Year2025 =
    [
        ["Z2024-005", "2024-11-18", "科研机构", "外资企业名录及联系人", "网络", "", "", "", "", "2024-11-25", "2024-12-10", "", "2025-01-06", "保护第三方合法权益", "征求第三方意见", "赵"],
        ["Z2024-006", "2024-12-16", "自然人", "电商产业园入驻企业名单", "网络", "王五", "", "", "", "", "", "10", "2025-01-20", "予以公开", "", "赵"],
        ["Z2024-007", "2024-12-27", "法律服务机构", "商务统计年鉴", "邮寄", "", "", "", "", "", "", "", "2025-01-24", "要求提供公开出版物", "", "钱"],
        ["Z2025-001", "2025-02-10", "自然人", "家电以旧换新补贴发放情况", "网络", "孙六", "", "", "", "", "", "", "2025-03-03", "予以公开", "", "钱"],
        ["Z2025-002", "2025-06-09", "社会公益组织", "商务领域信用评价结果", "网络", "", "", "", "", "", "", "", "2025-06-30", "重复申请", "", "钱"],
        ["Z2025-003", "2025-12-29", "自然人", "2026年消费券发放计划", "当面", "周七", "", "", "", "", "", "", "", "", "", "钱"],
    ];

    public static byte[] Xlsx(string[] header, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var r = 1u;
            foreach (var values in new[] { header }.Concat(rows))
            {
                var row = new Row { RowIndex = r };
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c].Length == 0)
                    {
                        continue;
                    }

                    var reference = (char)('A' + c) + r.ToString(CultureInfo.InvariantCulture);
                    row.Append(values[c].StartsWith('#')
                        ? new Cell { CellReference = reference, CellValue = new CellValue(Serial(values[c][1..]).ToString(CultureInfo.InvariantCulture)) }
                        : int.TryParse(values[c], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                            ? new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) }
                            : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(values[c])) });
                }

                data.Append(row);
                r++;
            }

            sheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "台账" });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    public static byte[] Csv(string[] header, IEnumerable<string[]> rows, bool bom = true)
    {
        static string Field(string value) => value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
        var text = new StringBuilder();
        foreach (var values in new[] { header }.Concat(rows))
        {
            text.Append(string.Join(',', values.Select(Field))).Append("\r\n");
        }

        return new UTF8Encoding(bom).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    /// <summary>Excel's serial of a date (days since 1899-12-30).</summary>
    public static int Serial(string date) =>
        DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - new DateOnly(1899, 12, 30).DayNumber;
}
