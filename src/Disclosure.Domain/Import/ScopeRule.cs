using Disclosure.Domain.Reports;

namespace Disclosure.Domain.Import;

/// <summary>
/// 口径 from the agency name as printed in the title, when the caller does not state it. A report is
/// <see cref="ReportScope.Jurisdiction"/> (本级汇总) when the name
/// <list type="number">
/// <item>says it sums others: 「汇总」 (平潭 "管委会，汇总全区各有关单位");</item>
/// <item>says the office reports for a government: 「代表…政府」 (上海市人民政府办公厅 "代表市政府");</item>
/// <item>is a people's government or a 管委会 itself: the name without its bracketed notes ends with 人民政府,
/// 管委会 or 管理委员会 (淮安市洪泽区人民政府) — a government's report covers its whole area (spec §8.5).</item>
/// </list>
/// Otherwise it is <see cref="ReportScope.Agency"/> (本机关): a 局, 委, 办 reports on itself. The narrative is not
/// read: a department's overview often says 全市 about its own sector. When the rule is wrong, the caller passes the
/// scope (<see cref="ImportOptions.Scope"/>, the CLI's <c>--scope</c>).
/// </summary>
public static class ScopeRule
{
    public static (ReportScope Scope, string Reason) Detect(string agencyName)
    {
        if (agencyName.Contains("汇总", StringComparison.Ordinal))
        {
            return (ReportScope.Jurisdiction, "机关名称含“汇总”");
        }

        var represents = agencyName.IndexOf("代表", StringComparison.Ordinal);
        if (represents >= 0 && agencyName.IndexOf("政府", represents, StringComparison.Ordinal) is var gov && gov > represents && gov - represents <= 6)
        {
            return (ReportScope.Jurisdiction, "机关代表政府发布报告（“代表…政府”）");
        }

        var bare = WithoutBrackets(agencyName);
        if (bare.EndsWith("人民政府", StringComparison.Ordinal) || bare.EndsWith("管委会", StringComparison.Ordinal)
            || bare.EndsWith("管理委员会", StringComparison.Ordinal))
        {
            return (ReportScope.Jurisdiction, "机关为人民政府或管委会，报告覆盖本行政区域");
        }

        return (ReportScope.Agency, "机关为政府部门，报告本机关情况");
    }

    /// <summary>The name without bracketed notes: "平潭综合实验区（管委会）" → "平潭综合实验区".</summary>
    public static string WithoutBrackets(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        var depth = 0;
        foreach (var c in name)
        {
            if (c is '（' or '(')
            {
                depth++;
            }
            else if (c is '）' or ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0)
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }
}
