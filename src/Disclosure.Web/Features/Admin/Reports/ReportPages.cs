using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Domain.Rules;
using Disclosure.Web.Features.Reports;

namespace Disclosure.Web.Features.Admin.Reports;

/// <summary>A part's form with the workspace around it.</summary>
public sealed record PartPage<TForm>(ReportWorkspace Workspace, TForm Form);

/// <summary>A table's form: the typed cells and the document they go into (for labels, computed totals and findings).</summary>
public sealed record TablePage(ReportWorkspace Workspace, TableForm Form, ReportTableId Table, AnnualReport Document)
{
    public TableLayout Layout => Document.Table(Table).Layout;

    /// <summary>This table's findings, checked once per page (every cell's input asks).</summary>
    public IReadOnlyList<RuleViolation> Findings { get; } =
        ConsistencyRules.Check(Document, Workspace.PreviousYear).Where(f => f.Table == Table && f.RuleId != ConsistencyRules.S1).ToList();

    /// <summary>The clerk's view of <see cref="Findings"/>: what to check and the cell to go to.</summary>
    public IReadOnlyList<StaffFinding> StaffFindings => Reports.StaffFindings.For(Findings, Document);

    /// <summary>
    /// What rule R5 expects in a cell of table 三's 二、上年结转 (last year's 四、结转下年度继续办理), for the live check; null
    /// when there is nothing to compare with or the office has explained the difference.
    /// </summary>
    public long? CarryOverExpected(string row, string column) =>
        Table == ReportTableId.Applications && row == ApplicationsLayout.Rows.CarriedOver && Workspace.Open?.CarryOverOverride is null
            ? Workspace.PreviousYear?.Applications.Number(ApplicationsLayout.Rows.CarriedForward, column)
            : null;

    /// <summary>What each cell's field is called in the error summary: its printed label (「表三 （三）不予公开1.属于国家秘密·商业企业」).</summary>
    public IReadOnlyDictionary<string, string> FieldLabels =>
        Layout.Printed.DataCells.ToDictionary(c => TableForm.FieldName(c.Ref.Row, c.Ref.Column), c => c.Label);
}

/// <summary>The check page: every finding, with the tables drawn as the public will see them and the offending cells marked.</summary>
public sealed record CheckPage(ReportWorkspace Workspace, ReportViewModel Report)
{
    public IReadOnlyList<RuleViolation> Blocking => Workspace.Open?.SubmissionBlockers(Workspace.PreviousYear) ?? [];
}
