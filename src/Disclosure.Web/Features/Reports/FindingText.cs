using System.Globalization;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;

namespace Disclosure.Web.Features.Reports;

/// <summary>Says a consistency finding in plain Chinese for the reader (数据核对提示).</summary>
public static class FindingText
{
    public static string Describe(RuleViolation finding, ReportLayout layout)
    {
        var table = layout.Table(finding.Table);
        var row = table.Row(finding.RowKey);
        var rowLabel = row?.Label ?? finding.RowKey;
        var columnLabel = finding.ColumnKey is null ? "" : row?.Column(finding.ColumnKey)?.Label ?? finding.ColumnKey;
        var expected = Value(finding.Expected);
        var printed = finding.Actual is { } a ? $"表中为 {Value(a)}" : "表中未填写";
        return finding.RuleId switch
        {
            ConsistencyRules.R0 => $"{Q(rowLabel)}的{Q(columnLabel)}为负数（{Value(finding.Actual)}），该项不能为负。",
            ConsistencyRules.R1 => $"{Q(columnLabel)}列不符合本表注明的勾稽关系（第一项加第二项之和，等于第三项加第四项之和）：按第一、二、四项，（七）总计应为 {expected}，{printed}。",
            ConsistencyRules.R2 when finding.Actual is null => $"{Q(columnLabel)}列的（七）总计未填写；（一）至（六）各项办理结果之和为 {expected}。",
            ConsistencyRules.R2 => $"{Q(columnLabel)}列的（七）总计应等于（一）至（六）各项办理结果之和 {expected}，{printed}。",
            ConsistencyRules.R3 when finding.Actual is null => $"{Q(rowLabel)}行的总计未填写；各类申请人之和为 {expected}。",
            ConsistencyRules.R3 => $"{Q(rowLabel)}行的总计应等于各类申请人之和 {expected}，{printed}。",
            ConsistencyRules.R4 when finding.Actual is null => $"{Q(rowLabel)}的总计未填写；结果维持、结果纠正、其他结果、尚未审结之和为 {expected}。",
            ConsistencyRules.R4 => $"{Q(rowLabel)}的总计应等于结果维持、结果纠正、其他结果、尚未审结之和 {expected}，{printed}。",
            ConsistencyRules.R5 => $"{Q(columnLabel)}列的上年结转应等于上一年度报告的“结转下年度继续办理” {expected}，{printed}。",
            ConsistencyRules.S3 => $"{Q(rowLabel)}的现行有效件数：上年现行有效件数加本年制发、减本年废止为 {expected}，{printed}（清理、失效等可能造成差异，仅供参考）。",
            ConsistencyRules.S1 => $"{Q(rowLabel)}的{Q(columnLabel)}未填写。",
            _ => $"{finding.RuleId}：{rowLabel} {columnLabel} 应为 {expected}，{printed}。",
        };
    }

    /// <summary>S1 findings are many and alike: one sentence per table.</summary>
    public static string DescribeBlanks(int count) =>
        $"本表有 {count} 个单元格空白。空白不等于 0：原报告未填写这些单元格，本平台照原样显示。";

    /// <summary>The same for a draft: the blanks are the office's own to fill.</summary>
    public static string DescribeDraftBlanks(int count) =>
        $"本表有 {count} 个单元格空白。空白不等于 0：没有发生的事项请填 0，确实无法统计的可以留空。";

    /// <summary>A label in “ ” (GB/T 15834); quotation marks inside it become ‘ ’.</summary>
    private static string Q(string label) => "“" + label.Replace('“', '‘').Replace('”', '’') + "”";

    private static string Value(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "未填写";
}
