using System.Globalization;
using Disclosure.Data;
using Disclosure.Data.Summaries;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;
using Disclosure.Web.Features.Reports;
using Disclosure.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;
using P = Disclosure.Domain.Reports.Layouts.ProactiveLayout;
using V = Disclosure.Domain.Reports.Layouts.ReviewsLayout;

namespace Disclosure.Web.Features.Statistics;

/// <summary>
/// The totals of a year across all current published versions, read from the summary tables that publication keeps
/// current (<see cref="YearCellTotal"/>: every cell summed per format; <see cref="ReportSummary"/>: each report's key
/// figures). A page reads a few hundred total rows and one row per report; nothing is summed per request.
/// </summary>
public sealed class StatisticsQuery(DisclosureDbContext db, YearSummaries summaries)
{
    public const int RankingSize = 10;

    public async Task<IReadOnlyList<int>> YearsAsync(CancellationToken cancellationToken) =>
        await db.ReportVersions.AsNoTracking()
            .Current()
            .Select(v => v.Report.Year)
            .Distinct()
            .OrderByDescending(y => y)
            .ToListAsync(cancellationToken);

    public async Task<StatisticsViewModel?> GetAsync(int year, CancellationToken cancellationToken)
    {
        var years = await YearsAsync(cancellationToken);
        if (!years.Contains(year))
        {
            return null;
        }

        await summaries.EnsureAsync(year, cancellationToken);
        var versions = db.ReportVersions.AsNoTracking().CurrentOf(year);
        var sums = await db.YearCellTotals.AsNoTracking()
            .Where(t => t.Year == year && t.Count > 0)
            .Select(t => new FormatCellSum(t.Format, t.Table, t.Row, t.Column, t.Sum, t.Derived))
            .ToListAsync(cancellationToken);
        var reports = await (
                from v in versions
                join s in db.ReportSummaries on v.Id equals s.ReportVersionId
                select new
                {
                    v.Format,
                    v.Report.Agency.Slug,
                    v.Report.Agency.Name,
                    v.Report.Agency.Level,
                    ParentSlug = v.Report.Agency.Parent!.Slug,
                    ParentName = v.Report.Agency.Parent.Name,
                    s.New,
                    s.Processed,
                    s.Granted,
                    s.Reviews,
                    s.Suits,
                    s.Derived,
                })
            .ToListAsync(cancellationToken);
        var formatCounts = reports.GroupBy(r => r.Format).ToDictionary(g => g.Key, g => g.Count());
        var figures = reports.Select(r => WithDerived(
                new ReportFigures(r.Slug, r.Name, r.Level, r.ParentSlug, r.ParentName, r.New, r.Processed, r.Granted, r.Reviews, r.Suits),
                r.Derived))
            .ToList();

        var notPublished = await db.Agencies.AsNoTracking()
            .Where(a => !versions.Any(v => v.Report.AgencyId == a.Id))
            .OrderBy(a => a.Level).ThenBy(a => a.Name)
            .Select(a => new MissingAgency(a.Slug, a.Name, a.Level, a.Parent!.Name))
            .ToListAsync(cancellationToken);

        return Build(year, years, formatCounts, sums, figures, notPublished);
    }

    /// <summary>The report's figures with what its summary says is derived from parts (ADR 0016).</summary>
    private static ReportFigures WithDerived(ReportFigures figures, string derived)
    {
        var keys = derived.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var tables = keys.GroupBy(k => k[..k.IndexOf('.', StringComparison.Ordinal)])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{TableNumbers.Name((ReportTableId)int.Parse(g.Key, CultureInfo.InvariantCulture))} {g.Count()} 处")
            .ToList();
        return figures with { Derived = DerivedCells.KeyFigures(derived), DerivedCount = keys.Length, DerivedTables = tables };
    }

    private static StatisticsViewModel Build(
        int year,
        IReadOnlyList<int> years,
        Dictionary<ReportFormat, int> formatCounts,
        List<FormatCellSum> sums,
        List<ReportFigures> figures,
        List<MissingAgency> notPublished)
    {
        // Which cells of which format add up to which figure: the domain's rule.
        var yearTotals = YearTotals.Add(year, formatCounts, sums);
        var totals = yearTotals.Totals;

        var findings = ConsistencyRules.Check(totals).Where(f => f.RuleId != ConsistencyRules.S1).ToList();
        var sentences = findings.Select(f => FindingText.Describe(f, totals.Layout)).ToList();
        bool Flagged(ReportTableId table, string row, string column) =>
            findings.Any(f => f.Table == table && f.RowKey == row && f.ColumnKey == column);
        GridCell Summed(ReportTable table, string row, string column) =>
            yearTotals.DerivedIn(table.Id, row, column) is var n and > 0
                ? new GridCell(Statistics.N(table.Number(row, column)), Flagged(table.Id, row, column),
                    $"其中 {n} 份报告的这一总计未填写或与分项之和不符，计入的是其分项之和", "含按分项推算", "#derived")
                : new GridCell(Statistics.N(table.Number(row, column)), Flagged(table.Id, row, column));

        var proactive2019 = yearTotals.Totals2019 is not { } totals2019
            ? null
            : ProactiveGrid("t2-totals-2019", $"表二 主动公开政府信息情况（{yearTotals.Proactive2019Reports} 份采用2019年试行格式的报告合计；采购总金额按原文记载，不作加总）", totals2019.Proactive);

        // A table of zero reports is not a total: when every report of the year uses the 2019 table 二, only that one shows.
        var proactive = yearTotals.ProactiveReports == 0 && proactive2019 is not null
            ? null
            : ProactiveGrid("t2-totals", $"表二 主动公开政府信息情况（{yearTotals.ProactiveReports} 份采用2021年版表二的报告合计）", totals.Proactive);

        var t3 = totals.Applications;
        var applications = new GridTable("t3-totals", $"表三 收到和处理政府信息公开申请情况（{figures.Count} 份报告合计）",
            A.DataColumns.Select(c => c.Label).ToList(),
            t3.Layout.Rows.Select(r => new GridRow(
                    r.Subgroup is null ? r.Label : $"{r.Subgroup} {r.Label}",
                    A.DataColumns.Select(c => Summed(t3, r.Key, c.Key)).ToList(),
                    Key: r.Key))
                .ToList());
        var t4 = totals.Reviews;
        var reviews = new GridTable("t4-totals", $"表四 行政复议、行政诉讼情况（{figures.Count} 份报告合计）",
            V.GroupFields.Select(c => c.Label).ToList(),
            t4.Layout.Rows.Select(r => new GridRow(
                    r.Key == V.Groups.AdministrativeReview ? r.Label : $"行政诉讼 · {r.Label}",
                    V.GroupFields.Select(c => Summed(t4, r.Key, c.Key)).ToList(),
                    Key: r.Key))
                .ToList());

        var feeFen = totals.Proactive.Number(P.Rows.Fees, P.Columns.AmountWanYuan) ?? 0;

        var missingByLevel = notPublished.GroupBy(m => m.Level).ToDictionary(g => g.Key, g => g.Count());
        var byLevel = figures.GroupBy(f => f.Level).Select(g => g.Key).Union(missingByLevel.Keys).Order()
            .Select(level => Group(level.DisplayName(), figures.Where(f => f.Level == level).ToList(), missingByLevel.GetValueOrDefault(level)))
            .ToList();
        const string NoParent = "（无上级机关）";
        var missingByParent = notPublished.GroupBy(m => m.ParentName ?? NoParent).ToDictionary(g => g.Key, g => g.Count());
        var byParent = figures.Select(f => f.ParentName ?? NoParent).Union(missingByParent.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(parent => Group(parent, figures.Where(f => (f.ParentName ?? NoParent) == parent).ToList(), missingByParent.GetValueOrDefault(parent)))
            .ToList();

        return new StatisticsViewModel(year, years, figures.Count, formatCounts, totals, findings, sentences,
            proactive, proactive2019, applications, reviews, new WanYuan(feeFen).ToString(), feeFen,
            notPublished, byLevel, byParent, Rankings(year, figures),
            figures.Where(f => f.DerivedCount > 0).OrderBy(f => f.Slug, StringComparer.Ordinal)
                .Select(f => new DerivedReport(f.Slug, f.Name, f.FindingsHref(year, FirstDerivedTable(f)),
                    string.Join("、", f.DerivedTables ?? []) + "总计未填写或与分项之和不符，按分项推算"))
                .ToList());
    }

    private static ReportTableId FirstDerivedTable(ReportFigures f) =>
        f.Derived.New || f.Derived.Processed || f.Derived.Granted || !(f.Derived.Reviews || f.Derived.Suits)
            ? ReportTableId.Applications
            : ReportTableId.Reviews;

    /// <summary>A group's sums of effective figures (unknown ones left out, never counted as 0); the share only over reports with both figures.</summary>
    private static Breakdown Group(string label, List<ReportFigures> figures, int missing)
    {
        var shared = figures.Where(f => f.Processed is > 0 && f.Granted is not null).ToList();
        return new(
            label, figures.Count, missing,
            figures.Sum(f => f.New ?? 0), figures.Sum(f => f.Processed ?? 0), figures.Sum(f => f.Granted ?? 0), figures.Sum(f => f.ReviewsAndSuits ?? 0),
            shared.Sum(f => f.Granted!.Value), shared.Sum(f => f.Processed!.Value),
            figures.Any(f => f.Derived.Any));
    }

    private static GridTable ProactiveGrid(string id, string caption, ReportTable table) =>
        new(id, caption, ["合计"],
            table.Layout.Rows.SelectMany(r => r.Columns.Select(c => new GridRow(
                    $"{r.Label} · {c.Label}",
                    [new GridCell(c.Kind == CellKind.Text ? "—" : table[r.Key, c.Key].Format(c.Kind))],
                    r.Group,
                    $"{r.Key}.{c.Key}")))
                .ToList());

    /// <summary>
    /// The three rankings, of effective figures (ADR 0016): a derived figure is ranked and marked, linking to the
    /// report's finding; a report whose figure is unknown (未填写) is left out and named with the reason; a ranking with
    /// no line says why it is empty.
    /// </summary>
    public static List<Ranking> Rankings(int year, List<ReportFigures> figures)
    {
        var allNew = figures.Sum(f => f.New ?? 0);
        var allReviews = figures.Sum(f => f.ReviewsAndSuits ?? 0);
        const string Mark = EffectiveFigure.DerivedMark;
        (string?, string?, string?) Derived(ReportFigures f, bool derived, ReportTableId table, string what) =>
            derived ? (Mark, f.FindingsHref(year, table), $"{what}的总计原表未填写或与分项之和不符，按分项推算；见该报告的数据核对提示") : (null, null, null);

        var mostApplications = figures.Where(f => f.New is > 0)
            .OrderByDescending(f => f.New).ThenBy(f => f.Slug, StringComparer.Ordinal)
            .Take(RankingSize)
            .Select((f, i) =>
            {
                var (mark, href, title) = Derived(f, f.Derived.New, ReportTableId.Applications, "新收申请");
                return new RankingLine(i + 1, f.Slug, f.Name, Statistics.N(f.New),
                    $"占全部 {Statistics.N(allNew)} 件的 {Statistics.Share(f.New!.Value, allNew)}", mark, href, title);
            })
            .ToList();
        var grantedShare = figures.Where(f => f.Processed is > 0 && f.Granted is not null)
            .OrderByDescending(f => (decimal)f.Granted!.Value / f.Processed!.Value).ThenByDescending(f => f.Processed).ThenBy(f => f.Slug, StringComparer.Ordinal)
            .Take(RankingSize)
            .Select((f, i) =>
            {
                var (mark, href, title) = Derived(f, f.Derived.Granted || f.Derived.Processed, ReportTableId.Applications,
                    f.Derived.Granted ? "予以公开" : "办理结果");
                return new RankingLine(i + 1, f.Slug, f.Name, Statistics.Share(f.Granted!.Value, f.Processed!.Value),
                    $"予以公开 {Statistics.N(f.Granted)} ÷ 办理结果总计 {Statistics.N(f.Processed)}", mark, href, title);
            })
            .ToList();
        var mostReviews = figures.Where(f => f.ReviewsAndSuits is > 0)
            .OrderByDescending(f => f.ReviewsAndSuits).ThenBy(f => f.Slug, StringComparer.Ordinal)
            .Take(RankingSize)
            .Select((f, i) =>
            {
                var (mark, href, title) = Derived(f, f.Derived.Reviews || f.Derived.Suits, ReportTableId.Reviews, "行政复议、行政诉讼");
                return new RankingLine(i + 1, f.Slug, f.Name, Statistics.N(f.ReviewsAndSuits),
                    $"行政复议 {Statistics.N(f.Reviews ?? 0)} + 行政诉讼 {Statistics.N(f.Suits ?? 0)}；占全部 {Statistics.N(allReviews)} 件的 {Statistics.Share(f.ReviewsAndSuits!.Value, allReviews)}", mark, href, title);
            })
            .ToList();

        var newUnknown = figures.Where(f => f.New is null).Select(f => $"{f.Name}（新收申请总计及各类申请人均未填写）").ToList();
        var shareLeftOut = figures.Where(f => f.Processed is null || (f.Processed > 0 && f.Granted is null))
            .Select(f => f.Processed is null ? $"{f.Name}（办理结果总计未填写，不能作分母）" : $"{f.Name}（予以公开未填写）").ToList();
        var reviewsUnknown = figures.Where(f => f.ReviewsAndSuits is null).Select(f => $"{f.Name}（表四总计及分项均未填写）").ToList();

        return
        [
            new("most-applications", "本年新收申请最多", $"按表三“一、本年新收政府信息公开申请数量”的总计排序；分母为全部报告合计 {Statistics.N(allNew)} 件。", "新收申请（件）",
                mostApplications, newUnknown,
                Empty(mostApplications, figures.Count(f => f.New == 0), newUnknown.Count, "本年新收申请为 0")),
            new("granted-share", "予以公开比例最高", "予以公开比例 = 表三“（一）予以公开”总计 ÷ “（七）总计”总计；只计办理结果总计大于 0 的报告。", "予以公开比例",
                grantedShare, shareLeftOut,
                Empty(grantedShare, figures.Count(f => f.Processed == 0), shareLeftOut.Count, "办理结果总计为 0（无法计算比例）")),
            new("most-reviews", "行政复议、行政诉讼最多", $"表四三项总计之和（行政复议、未经复议直接起诉、复议后起诉）；分母为全部报告合计 {Statistics.N(allReviews)} 件。", "复议和诉讼（件）",
                mostReviews, reviewsUnknown,
                Empty(mostReviews, figures.Count(f => f.ReviewsAndSuits == 0), reviewsUnknown.Count, "行政复议、行政诉讼均为 0")),
        ];

        string? Empty(List<RankingLine> lines, int zero, int unknown, string zeroText)
        {
            if (lines.Count > 0)
            {
                return null;
            }

            var reasons = new List<string>();
            if (zero > 0)
            {
                reasons.Add($"{zero} 份{zeroText}");
            }

            if (unknown > 0)
            {
                reasons.Add($"{unknown} 份未填写，不计为 0");
            }

            return $"本年度没有可排名的报告：{figures.Count} 份报告中，" + (reasons.Count == 0 ? "没有一份填写了该项" : string.Join("，", reasons)) + "。";
        }
    }
}
