using Disclosure.Domain.Register;
using Disclosure.Domain.Register.Cases;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>A counted cell's place in words: 「（三）不予公开 4.保护第三方合法权益 · 自然人」, 「行政诉讼·复议后起诉 · 结果纠正」.</summary>
public static class CellLabels
{
    public static string Row(TableLayout layout, string row) =>
        layout.Id == ReportTableId.Reviews
            ? Enum.GetValues<CaseKind>().Where(k => k.GroupKey() == row).Select(k => k.Label()).FirstOrDefault() ?? row
            : layout.Row(row) is { } r ? (r.Subgroup is null ? r.Label : $"{r.Subgroup} {r.Label}") : row;

    public static string Column(TableLayout layout, string column) =>
        layout.Id == ReportTableId.Reviews
            ? ReviewsLayout.GroupFields.FirstOrDefault(f => f.Key == column)?.Label ?? column
            : ApplicationsLayout.DataColumns.FirstOrDefault(c => c.Key == column) is { } c
                ? (column is ApplicationsLayout.Columns.NaturalPerson or ApplicationsLayout.Columns.Total ? c.Label : $"{ApplicationsLayout.OrganisationHeader}·{c.Label}")
                : column;
}

/// <summary>Table 三 of a year from the register, with the published table beside it when there is one.</summary>
public sealed record RegisterTablePage(RegisterOffice Office, int Year, ReportTable Table, ReportTable? Published, int? PublishedVersion);

/// <summary>The applications one cell counts.</summary>
public sealed record RegisterCellPage(RegisterOffice Office, int Year, string RowLabel, string ColumnLabel, long? Count, IReadOnlyList<RegisterCellItem> Items);

public sealed record RegisterCellItem(int Id, string Number, DateOnly ReceivedOn, DateOnly? AnsweredOn, string? Outcome);

/// <summary>One cell that 从台账生成 changed in the draft.</summary>
public sealed record TableChange(string Row, string Column, string RowLabel, string ColumnLabel, string Before, string After);

/// <summary>What 从台账生成 did to a draft's table 三 (from the application register) or 四 (from the case register).</summary>
public sealed record FromRegisterPage(RegisterOffice Office, int Year, ReportTableId Table, IReadOnlyList<TableChange> Changes, int Counted);

/// <summary>
/// Table 三 from the register: the staff view of a year's table with every cell linked to the applications it
/// counts (the same rule as the count, <see cref="RegisterCount.IsCountedIn"/>), and 从台账生成 — the draft's table
/// 三 (or 四, from the case register) replaced by the register's count, with what changed, cell by cell. The reads and
/// the use case are <see cref="RegisterTables"/>'s.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class RegisterTableController(RegisterAccess access, RegisterTables tables) : Controller
{
    [HttpGet("admin/register/{slug:slug}/table/{year:int:reportyear}")]
    public async Task<IActionResult> Table(string slug, int year, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        return office is null ? denied! : View(await tables.TablePageAsync(office, year, cancellationToken));
    }

    [HttpGet("admin/register/{slug:slug}/table/{year:int:reportyear}/cell")]
    public async Task<IActionResult> Cell(string slug, int year, string? row, string? column, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        return row is null || column is null || !RegisterCount.LayoutFor(year).Contains(row, column)
            ? NotFound()
            : View(await tables.CellPageAsync(office, year, row, column, cancellationToken));
    }

    /// <summary>
    /// 从台账生成: replaces the draft's table 三 with the application register's count, or (<paramref name="table"/> = 4)
    /// its table 四 with the case register's (a separate action beside the report editor).
    /// </summary>
    [HttpPost("admin/reports/{slug:slug}/{year:int:reportyear}/from-register")]
    public async Task<IActionResult> FromRegister(string slug, int year, int revision, int table = 3, CancellationToken cancellationToken = default)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        if (table is not (3 or 4))
        {
            return NotFound();
        }

        var outcome = await tables.FillDraftAsync(office, year, table == 3 ? ReportTableId.Applications : ReportTableId.Reviews, revision, User, cancellationToken);
        switch (outcome)
        {
            case FromRegisterOutcome.NoDraft:
                TempData["Error"] = "没有可修改的草稿：请先新建草稿，或等退回后再从台账生成。";
                return Redirect($"/admin/reports/{slug}/{year}");
            case FromRegisterOutcome.Conflict:
                TempData["Error"] = "报告刚被他人保存，未从台账生成。请核对最新内容后再试。";
                return Redirect($"/admin/reports/{slug}/{year}/table/{table}");
            default:
                return View(((FromRegisterOutcome.Filled)outcome).Page);
        }
    }
}
