using Disclosure.Data;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;
using Disclosure.Web.Features.Reports;
using Microsoft.EntityFrameworkCore;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using P = Disclosure.Domain.Reports.Layouts.ProactiveLayout;

namespace Disclosure.Web.Features.DataQuality;

/// <summary>
/// Every current published report's findings, filtered by rule, year and agency. The cells of the reports not yet
/// checked are loaded in one query (and the few cells of last year's reports the cross-year rules need in another),
/// the rules run in memory, and each result is kept in <see cref="FindingsCache"/>.
/// </summary>
public sealed class DataQualityQuery(DisclosureDbContext db, FindingsCache cache)
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
        db.ReportVersions.AsNoTracking().Where(v => v.IsCurrent).Select(v => v.Report.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken);

    public Task<string?> AgencyNameAsync(string slug, CancellationToken cancellationToken) =>
        db.Agencies.AsNoTracking().Where(a => a.Slug == slug).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);

    public async Task<DataQualityViewModel> GetAsync(DataQualityFilter filter, IReadOnlyList<int> years, string? agencyName, CancellationToken cancellationToken)
    {
        var current = db.ReportVersions.AsNoTracking().Where(v => v.IsCurrent);
        if (filter.Agency is { } slug)
        {
            current = current.Where(v => v.Report.Agency.Slug == slug);
        }

        var versions = await (filter.Year is { } year ? current.Where(v => v.Report.Year == year) : current)
            .Select(v => new VersionRow(v.Id, v.Report.AgencyId, v.Report.Year, v.Report.Agency.Slug, v.Report.Agency.Name, v.Format))
            .ToListAsync(cancellationToken);

        // Last year's current versions of the same agencies, for R5 and S3.
        var previousRows = await (filter.Year is { } y ? current.Where(v => v.Report.Year == y - 1) : current)
            .Select(v => new { v.Id, v.Report.AgencyId, v.Report.Year, v.Format })
            .ToListAsync(cancellationToken);
        var previousByAgencyYear = previousRows.ToDictionary(p => (p.AgencyId, p.Year));

        var checks = new Dictionary<int, ReportCheck>();
        var missing = new List<(VersionRow Version, int? Previous)>();
        foreach (var v in versions)
        {
            int? previous = previousByAgencyYear.TryGetValue((v.AgencyId, v.Year - 1), out var p) ? p.Id : null;
            if (cache.TryGet(v.Id, previous, out var check))
            {
                checks[v.Id] = check;
            }
            else
            {
                missing.Add((v, previous));
            }
        }

        if (missing.Count > 0)
        {
            var ids = missing.Select(m => m.Version.Id).ToList();
            var cells = (await db.ReportCells.AsNoTracking()
                    .Where(c => ids.Contains(c.ReportVersionId))
                    .Select(c => new { c.ReportVersionId, c.Table, c.Row, c.Column, c.Number, c.Text })
                    .ToListAsync(cancellationToken))
                .ToLookup(c => c.ReportVersionId);
            var previousIds = missing.Where(m => m.Previous is not null).Select(m => m.Previous!.Value).Distinct().ToList();
            var previousCells = previousIds.Count == 0
                ? Enumerable.Empty<(int, ReportTableId, string, string, long?)>().ToLookup(c => c.Item1)
                : (await db.ReportCells.AsNoTracking()
                        .Where(c => previousIds.Contains(c.ReportVersionId)
                            && ((c.Table == ReportTableId.Applications && c.Row == A.Rows.CarriedForward)
                                || (c.Table == ReportTableId.Proactive && c.Column == P.Columns.InForce)))
                        .Select(c => new { c.ReportVersionId, c.Table, c.Row, c.Column, c.Number })
                        .ToListAsync(cancellationToken))
                    .Select(c => (c.ReportVersionId, c.Table, c.Row, c.Column, c.Number))
                    .ToLookup(c => c.Item1);
            var previousById = previousRows.ToDictionary(p => p.Id);

            foreach (var (version, previous) in missing)
            {
                var document = new AnnualReport(new AgencyRef(version.Name, version.Slug), version.Year, version.Format, ReportScope.Agency, "");
                foreach (var c in cells[version.Id])
                {
                    if (document.Layout.Table(c.Table).Contains(c.Row, c.Column))
                    {
                        document.Table(c.Table)[c.Row, c.Column] = new CellValue(c.Number, c.Text);
                    }
                }

                AnnualReport? last = null;
                if (previous is { } pid && previousById.TryGetValue(pid, out var prow))
                {
                    last = new AnnualReport(new AgencyRef(version.Name, version.Slug), prow.Year, prow.Format, ReportScope.Agency, "");
                    foreach (var c in previousCells[pid])
                    {
                        if (last.Layout.Table(c.Item2).Contains(c.Item3, c.Item4) && c.Item5 is not null)
                        {
                            last.Table(c.Item2)[c.Item3, c.Item4] = CellValue.Of(c.Item5.Value);
                        }
                    }
                }

                var all = ConsistencyRules.Check(document, last);
                var check = new ReportCheck(all.Where(f => f.RuleId != ConsistencyRules.S1).ToList(), all.Count(f => f.RuleId == ConsistencyRules.S1));
                cache.Add(version.Id, previous, check);
                checks[version.Id] = check;
            }
        }

        var ruleCounts = Rules.Select(r => new RuleCount(r.Rule, r.Description, checks.Values.Count(c => c.Has(r.Rule)))).ToList();
        var withFindings = versions
            .Where(v => filter.Rule is { } rule ? checks[v.Id].Has(rule) : checks[v.Id].Findings.Count > 0 || checks[v.Id].Blanks > 0)
            .OrderByDescending(v => v.Year).ThenBy(v => v.Slug, StringComparer.Ordinal)
            .ToList();
        var pageCount = Math.Max(1, (withFindings.Count + PageSize - 1) / PageSize);
        var reports = withFindings
            .Skip((Math.Min(filter.Page, pageCount) - 1) * PageSize)
            .Take(PageSize)
            .Select(v => Describe(v, checks[v.Id], filter.Rule))
            .ToList();
        return new DataQualityViewModel(filter, agencyName, years, versions.Count, withFindings.Count, ruleCounts, reports, pageCount);
    }

    private static QualityReport Describe(VersionRow version, ReportCheck check, string? rule)
    {
        var layout = ReportLayout.For(version.Format);
        var shown = check.Findings.Where(f => rule is null || f.RuleId == rule).OrderBy(f => f.Severity).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToList();
        var sentences = shown.Select(f => $"{f.RuleId}（表{TableNumber(f.Table)}）：{FindingText.Describe(f, layout)}").ToList();
        if (check.Blanks > 0 && (rule is null || rule == ConsistencyRules.S1))
        {
            sentences.Add($"S1：{check.Blanks} 个单元格空白（空白不等于 0）。");
        }

        return new QualityReport(version.Slug, version.Name, version.Year,
            check.Findings.Count(f => f.Severity == RuleSeverity.Error),
            check.Findings.Count(f => f.Severity == RuleSeverity.Warning) + (check.Blanks > 0 ? 1 : 0),
            check.Blanks, sentences);
    }

    private static string TableNumber(ReportTableId table) => table switch
    {
        ReportTableId.Proactive => "二",
        ReportTableId.Applications => "三",
        _ => "四",
    };

    private sealed record VersionRow(int Id, int AgencyId, int Year, string Slug, string Name, ReportFormat Format);
}
