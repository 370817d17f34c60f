using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;

namespace Disclosure.Web.Features.Reports;

/// <summary>The findings that concern one table, for the 数据核对提示 under it.</summary>
public sealed class TableFindings(ReportViewModel model, ReportTableId table)
{
    public string Id { get; } = IdFor(table);

    public static string IdFor(ReportTableId table) => $"t{(int)table}-findings";

    public IReadOnlyList<string> Sentences { get; } = Describe(model, table);

    private static string[] Describe(ReportViewModel model, ReportTableId table)
    {
        var findings = model.FindingsFor(table).ToList();
        var sentences = findings
            .Where(f => f.RuleId != ConsistencyRules.S1)
            .OrderBy(f => f.Severity)
            .Select(f => FindingText.Describe(f, model.Report.Layout))
            .ToList();
        var blanks = findings.Count(f => f.RuleId == ConsistencyRules.S1);
        if (blanks > 0)
        {
            sentences.Add(model.DraftUrl is null ? FindingText.DescribeBlanks(blanks) : FindingText.DescribeDraftBlanks(blanks));
        }

        return [.. sentences];
    }
}
