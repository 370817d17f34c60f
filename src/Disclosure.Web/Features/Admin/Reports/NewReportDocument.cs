using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;
using A = Disclosure.Domain.Reports.Layouts.ApplicationsLayout;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>The first draft of a year's report (format 2021), prefilled from what the portal already knows.</summary>
public static class NewReportDocument
{
    /// <summary>The usual sub-headings of 一、总体情况 (30号's five topics).</summary>
    public static readonly IReadOnlyList<string> UsualOverviewHeadings =
    [
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "（三）政府信息管理情况",
        "（四）政府信息公开平台建设情况",
        "（五）监督保障情况",
    ];

    public static AnnualReport Create(Agency agency, int year, AnnualReport? previousYear)
    {
        var scope = agency.Level is AgencyLevel.ProvincialGovernment or AgencyLevel.CityGovernment or AgencyLevel.CountyGovernment
            ? ReportScope.Jurisdiction
            : ReportScope.Agency;
        var report = new AnnualReport(new AgencyRef(agency.Name, agency.Slug), year, ReportFormat.Format2021, scope, $"{agency.Name}{year}年政府信息公开工作年度报告")
        {
            Sections = new ReportSections(
                $"根据《中华人民共和国政府信息公开条例》和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，编制本报告。本报告统计数据从{year}年1月1日至12月31日。",
                UsualOverviewHeadings.Select(h => new OverviewPart(h, "")).ToArray(),
                "",
                // Stored as the sections form saves text (trimmed), so that saving the untouched form changes nothing.
                "（一）政府信息处理费收取情况"),
        };

        // Rule R5: this year's 上年结转 is last year's 结转下年度继续办理.
        if (previousYear is not null)
        {
            foreach (var column in A.DataColumns)
            {
                report.Applications[A.Rows.CarriedOver, column.Key] =
                    CellValue.OfNullable(previousYear.Applications.Number(A.Rows.CarriedForward, column.Key));
            }
        }

        ReportTotals.Apply(report);
        return report;
    }
}
