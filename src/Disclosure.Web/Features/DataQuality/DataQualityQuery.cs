using Disclosure.Data;
using Disclosure.Data.Summaries;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;
using Disclosure.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using P = Disclosure.Domain.Reports.Layouts.ProactiveLayout;

namespace Disclosure.Web.Features.DataQuality;

/// <summary>
/// Every current published report's findings, filtered by rule, year and agency. The findings were worked out when
/// each report was published (<see cref="ReportSummary"/>); the filter, the counts and the page are queries over one
/// summary row per report, and only the page's 50 reports have their findings read.
/// </summary>
public sealed class DataQualityQuery(DisclosureDbContext db, YearSummaries summaries)
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<(string Rule, string Description)> Rules =
    [
        (ConsistencyRules.R0, "数值为负"),
        (ConsistencyRules.R1, "表三各列：一 + 二 ≠ （七）总计 + 四"),
        (ConsistencyRules.R2, "表三（七）总计 ≠ 各项办理结果之和"),
        (ConsistencyRules.R3, "表三总计 ≠ 各类申请人之和"),
        (ConsistencyRules.R4, "表四总计 ≠ 四种结果之和"),
        (ConsistencyRules.R5, "上年结转 ≠ 上一年度报告的结转下年度继续办理"),
        (ConsistencyRules.S3, "现行有效件数与上年数据不衔接（仅供参考）"),
        (ConsistencyRules.S1, "有空白单元格"),
    ];

    public static bool IsKnownRule(string rule) => Rules.Any(r => r.Rule == rule);

    public Task<List<int>> YearsAsync(CancellationToken cancellationToken) =>
        db.ReportVersions.AsNoTracking().Current().Select(v => v.Report.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    public async Task<DataQualityViewModel> GetAsync(DataQualityFilter filter, IReadOnlyList<int> years, string? agencyName, CancellationToken cancellationToken)
    {
        if (filter.Year is { } year)
        {
            await summaries.EnsureAsync(year, cancellationToken);
        }
        else
        {
            await summaries.EnsureAllAsync(cancellationToken);
        }

        var current = db.ReportVersions.AsNoTracking().Current();
        if (filter.Agency is { } slug)
        {
            current = current.Where(v => v.Report.Agency.Slug == slug);
        }

        if (filter.Year is { } y)
        {
            current = current.Where(v => v.Report.Year == y);
        }

        var checkedReports = from v in current
                             join s in db.ReportSummaries on v.Id equals s.ReportVersionId
                             select new { v.Report.Year, v.Report.Agency.Slug, v.Report.Agency.Name, v.Format, s.Rules, s.Findings, s.Blanks, s.Errors, s.Warnings };

        // How many reports break each rule: one pass over the summaries with a conditional count per rule.
        var counts = await checkedReports.GroupBy(r => 1).Select(g => new
        {
            All = g.Count(),
            R0 = g.Sum(r => r.Rules.Contains(" R0 ") ? 1 : 0),
            R1 = g.Sum(r => r.Rules.Contains(" R1 ") ? 1 : 0),
            R2 = g.Sum(r => r.Rules.Contains(" R2 ") ? 1 : 0),
            R3 = g.Sum(r => r.Rules.Contains(" R3 ") ? 1 : 0),
            R4 = g.Sum(r => r.Rules.Contains(" R4 ") ? 1 : 0),
            R5 = g.Sum(r => r.Rules.Contains(" R5 ") ? 1 : 0),
            S3 = g.Sum(r => r.Rules.Contains(" S3 ") ? 1 : 0),
            S1 = g.Sum(r => r.Rules.Contains(" S1 ") ? 1 : 0),
        }).SingleOrDefaultAsync(cancellationToken);
        var byRule = new Dictionary<string, int>
        {
            [ConsistencyRules.R0] = counts?.R0 ?? 0,
            [ConsistencyRules.R1] = counts?.R1 ?? 0,
            [ConsistencyRules.R2] = counts?.R2 ?? 0,
            [ConsistencyRules.R3] = counts?.R3 ?? 0,
            [ConsistencyRules.R4] = counts?.R4 ?? 0,
            [ConsistencyRules.R5] = counts?.R5 ?? 0,
            [ConsistencyRules.S3] = counts?.S3 ?? 0,
            [ConsistencyRules.S1] = counts?.S1 ?? 0,
        };
        var ruleCounts = Rules.Select(r => new RuleCount(r.Rule, r.Description, byRule[r.Rule])).ToList();

        var pattern = filter.Rule is { } rule ? ReportSummary.RulePattern(rule) : null;
        var withFindings = pattern is null ? checkedReports.Where(r => r.Rules != " ") : checkedReports.Where(r => r.Rules.Contains(pattern));
        var total = await withFindings.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = await withFindings
            .OrderByDescending(r => r.Year).ThenBy(r => r.Slug)
            .Skip((Math.Min(filter.Page, pageCount) - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        var reports = page
            .Select(r => Describe(r.Slug, r.Name, r.Year, r.Format, FindingsJson.Read(r.Findings), r.Blanks, r.Errors, r.Warnings, filter.Rule))
            .ToList();
        return new DataQualityViewModel(filter, agencyName, years, counts?.All ?? 0, total, ruleCounts, reports, pageCount);
    }

    private static QualityReport Describe(string slug, string name, int year, ReportFormat format, IReadOnlyList<RuleViolation> findings, int blanks, int errors, int warnings, string? rule)
    {
        var layout = ReportLayout.For(format);
        var shown = findings.Where(f => rule is null || f.RuleId == rule).OrderBy(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        var sentences = shown.Select(f => $"表{TableNumber(f.Table)}·{ConsistencyRules.Name(f.RuleId)}（{f.RuleId}）：{FindingText.Describe(f, layout)}").ToList();
        if (blanks > 0 && (rule is null || rule == ConsistencyRules.S1))
        {
            sentences.Add($"{ConsistencyRules.Name(ConsistencyRules.S1)}（{ConsistencyRules.S1}）：{blanks} 个单元格未填写（未填写不等于 0）。");
        }

        return new QualityReport(slug, name, year, errors, warnings + (blanks > 0 ? 1 : 0), blanks, sentences);
    }

    private static string TableNumber(ReportTableId table) => table switch
    {
        ReportTableId.Proactive => "二",
        ReportTableId.Applications => "三",
        _ => "四",
    };
}
