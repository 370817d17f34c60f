using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using P = Disclosure.Domain.Reports.Layouts.ProactiveLayout;

namespace Disclosure.Domain.Rules;

/// <summary>
/// The 勾稽关系 of official-format.md §6 as pure functions. Each returns its findings; none changes the report.
/// Sums count a blank cell as 0, but a rule never compares with a blank as if it were 0: a total none of whose parts is
/// filled is not checked (nothing to compare with — the 上海 2019 总计 column), nor is this year's 上年结转 when last
/// year's figure is blank; a total that is blank while its parts add up to 0 is not reported either. Rule S1 reports
/// every blank itself. A total that is blank while its parts hold numbers is reported (expected the sum, actual null).
/// </summary>
public static class ConsistencyRules
{
    public const string R0 = "R0";
    public const string R1 = "R1";
    public const string R2 = "R2";
    public const string R3 = "R3";
    public const string R4 = "R4";
    public const string R5 = "R5";
    public const string S1 = "S1";
    public const string S3 = "S3";

    /// <summary>
    /// The plain Chinese name of each rule, shown to readers before its code (the code is for cross-reference, as in
    /// the API): "申请人合计（R3）".
    /// </summary>
    public static string Name(string ruleId) => ruleId switch
    {
        R0 => "数值不能为负",
        R1 => "表三勾稽关系",
        R2 => "办理结果合计",
        R3 => "申请人合计",
        R4 => "复议诉讼合计",
        R5 => "上年结转衔接",
        S1 => "未填写的单元格",
        S3 => "现行有效件数衔接",
        _ => ruleId,
    };

    /// <summary>Every rule that needs only this report, then the cross-year rules when last year's report is given.</summary>
    public static IReadOnlyList<RuleViolation> Check(AnnualReport report, AnnualReport? previousYear = null)
    {
        var findings = new List<RuleViolation>();
        findings.AddRange(NonNegativeCounts(report));
        findings.AddRange(ApplicationsBalance(report));
        findings.AddRange(ResultsTotal(report));
        findings.AddRange(ApplicantTotal(report));
        findings.AddRange(ReviewTotals(report));
        if (previousYear is not null)
        {
            findings.AddRange(CarryOver(report, previousYear));
            findings.AddRange(InForceContinuity(report, previousYear));
        }

        findings.AddRange(BlankCells(report));
        return findings;
    }

    /// <summary>R0: counts and fees are not negative; only 2019's 本年增/减 may be.</summary>
    public static IEnumerable<RuleViolation> NonNegativeCounts(AnnualReport report) =>
        from table in report.Tables
        from row in table.Layout.Rows
        from column in row.Columns
        where column.Kind is CellKind.Count or CellKind.WanYuan
        let value = table.Number(row.Key, column.Key)
        where value < 0
        select new RuleViolation(R0, RuleSeverity.Error, table.Id, row.Key, column.Key, null, value);

    /// <summary>R1: 一 + 二 = （七）总计 + 四, in each of the 7 columns of table 三 (the table's <see cref="TableLayout.Balances"/>).</summary>
    public static IEnumerable<RuleViolation> ApplicationsBalance(AnnualReport report)
    {
        var t = report.Applications;
        foreach (var balance in t.Layout.Balances)
        {
            var received = Sum(balance.Received.Select(c => t.Number(c.Row, c.Column))) ?? 0;
            var settled = Sum(balance.Settled.Select(c => t.Number(c.Row, c.Column))) ?? 0;
            if (received != settled)
            {
                // Reported at （七）总计: the figure a publisher most often types wrong. Expected is what balances 一 + 二.
                var others = Sum(balance.Settled.Where(c => c != balance.ReportedAt).Select(c => t.Number(c.Row, c.Column))) ?? 0;
                var reported = t.Number(balance.ReportedAt.Row, balance.ReportedAt.Column);
                yield return new RuleViolation(balance.RuleId, RuleSeverity.Error, t.Id, balance.ReportedAt.Row,
                    balance.ReportedAt.Column, received - others, reported);
            }
        }
    }

    /// <summary>R2: （七）总计 = the sum of the leaf result rows (21 in 2021, 19 with the single （六） row; the spec's "22" counts （七） itself), in each column.</summary>
    public static IEnumerable<RuleViolation> ResultsTotal(AnnualReport report) => Totals(report.Applications, R2);

    /// <summary>R3: 总计 = the six applicant columns, in each row of table 三.</summary>
    public static IEnumerable<RuleViolation> ApplicantTotal(AnnualReport report) => Totals(report.Applications, R3);

    /// <summary>R4: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, in each group of table 四.</summary>
    public static IEnumerable<RuleViolation> ReviewTotals(AnnualReport report) => Totals(report.Reviews, R4);

    /// <summary>The totals of <paramref name="table"/> that <paramref name="rule"/> checks, as the layout defines them.</summary>
    private static IEnumerable<RuleViolation> Totals(ReportTable table, string rule) =>
        from total in table.Layout.Totals
        where total.RuleId == rule
        let parts = Sum(total.Parts.Select(p => table.Number(p.Row, p.Column)))
        where parts is not null
        let finding = CompareTotal(rule, table.Id, total.Total.Row, total.Total.Column, parts, table.Number(total.Total.Row, total.Total.Column))
        where finding is not null
        select finding;

    /// <summary>R5: 上年结转 this year = 结转下年度继续办理 last year, in each column where last year's is filled. Needs an override after a reorganisation.</summary>
    public static IEnumerable<RuleViolation> CarryOver(AnnualReport report, AnnualReport previousYear)
    {
        if (previousYear.Year != report.Year - 1)
        {
            yield break;
        }

        foreach (var column in A.DataColumns)
        {
            // Last year's blank says nothing about this year's figure: no comparison (S1 reported it last year).
            if (previousYear.Applications.Number(A.Rows.CarriedForward, column.Key) is not { } expected)
            {
                continue;
            }

            var actual = report.Applications.Number(A.Rows.CarriedOver, column.Key);
            if (expected != (actual ?? 0))
            {
                yield return new RuleViolation(R5, RuleSeverity.Error, ReportTableId.Applications, A.Rows.CarriedOver,
                    column.Key, expected, actual);
            }
        }
    }

    /// <summary>S3: 现行有效件数 ≈ last year's + 本年制发 − 本年废止 (table 二, 2021 layout in both years). Plausibility only.</summary>
    public static IEnumerable<RuleViolation> InForceContinuity(AnnualReport report, AnnualReport previousYear)
    {
        if (previousYear.Year != report.Year - 1
            || report.Layout.Proactive != P.Format2021 || previousYear.Layout.Proactive != P.Format2021)
        {
            yield break;
        }

        foreach (var row in new[] { P.Rows.Regulations, P.Rows.NormativeDocuments })
        {
            var before = previousYear.Proactive.Number(row, P.Columns.InForce);
            var issued = report.Proactive.Number(row, P.Columns.Issued);
            var repealed = report.Proactive.Number(row, P.Columns.Repealed);
            var now = report.Proactive.Number(row, P.Columns.InForce);
            if (before is null || now is null)
            {
                continue;
            }

            var expected = before.Value + (issued ?? 0) - (repealed ?? 0);
            if (expected != now)
            {
                yield return new RuleViolation(S3, RuleSeverity.Warning, ReportTableId.Proactive, row, P.Columns.InForce,
                    expected, now);
            }
        }
    }

    /// <summary>S1: a blank cell in a table. Blank is not zero: the publisher left it empty.</summary>
    public static IEnumerable<RuleViolation> BlankCells(AnnualReport report) =>
        from cell in report.Cells
        where cell.Value.IsBlank
        select new RuleViolation(S1, RuleSeverity.Warning, cell.Table, cell.Row, cell.Column, null, null);

    private static RuleViolation? CompareTotal(string rule, ReportTableId table, string row, string column, long? parts, long? total)
    {
        if ((parts ?? 0) == (total ?? 0))
        {
            return null;
        }

        return new RuleViolation(rule, RuleSeverity.Error, table, row, column, parts ?? 0, total);
    }

    private static long? Sum(params long?[] values) => Blanks.Sum(values);

    private static long? Sum(IEnumerable<long?> values) => Blanks.Sum(values);
}
