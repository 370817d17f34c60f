using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Register;
using Disclosure.Domain.Register.Cases;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>A counted cell's place in words: 「（三）不予公开 4.保护第三方合法权益 · 自然人」, 「行政诉讼·复议后起诉 · 结果纠正」.</summary>
public static class CellLabels
{
    public static string Row(TableLayout layout, string row) =>
        layout.Id == ReportTableId.Reviews && Enum.GetValues<CaseKind>().FirstOrDefault(k => k.GroupKey() == row) is { } kind && kind != default ? kind.Label()
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
/// 三 replaced by the register's count, with what changed, cell by cell.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class RegisterTableController(DisclosureDbContext db, RegisterAccess access, ReportCommands reportCommands, TimeProvider clock) : Controller
{
    [HttpGet("admin/register/{slug:slug}/table/{year:int:reportyear}")]
    public async Task<IActionResult> Table(string slug, int year, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        var table = await RegisterQueries.TableAsync(db, office.Id, year, cancellationToken);
        var published = await PublishedTableAsync(db, office.Id, year, cancellationToken: cancellationToken);
        return View(new RegisterTablePage(office, year, table, published?.Table, published?.Number));
    }

    [HttpGet("admin/register/{slug:slug}/table/{year:int:reportyear}/cell")]
    public async Task<IActionResult> Cell(string slug, int year, string? row, string? column, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        var layout = RegisterCount.LayoutFor(year);
        if (row is null || column is null || !layout.Contains(row, column))
        {
            return NotFound();
        }

        var ids = (await RegisterQueries.InCellAsync(db, office.Id, year, row, column, cancellationToken)).Select(i => i.Id).ToList();
        var items = await db.RegisterApplications.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.ReceivedOn).ThenBy(a => a.Number)
            .Select(a => new RegisterCellItem(a.Id, a.Number, a.ReceivedOn, a.AnsweredOn, a.Outcome))
            .ToListAsync(cancellationToken);
        var table = await RegisterQueries.TableAsync(db, office.Id, year, cancellationToken);
        return View(new RegisterCellPage(office, year, CellLabels.Row(layout, row), CellLabels.Column(layout, column), table.Number(row, column), items));
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

        var id = table == 3 ? ReportTableId.Applications : ReportTableId.Reviews;
        var workspace = await ReportWorkspace.LoadAsync(db, slug, year, cancellationToken);
        if (workspace?.Open is not { } version || !version.IsEditable)
        {
            TempData["Error"] = "没有可修改的草稿：请先新建草稿，或等退回后再从台账生成。";
            return Redirect($"/admin/reports/{slug}/{year}");
        }

        var document = workspace.WorkingDocument!;
        var register = id == ReportTableId.Applications
            ? await RegisterQueries.TableAsync(db, office.Id, year, cancellationToken)
            : await CaseQueries.TableAsync(db, office.Id, year, cancellationToken);
        var target = document.Table(id);
        var changes = new List<TableChange>();
        foreach (var cell in target.Cells)
        {
            var after = register.Layout.Contains(cell.Row, cell.Column) ? register[cell.Row, cell.Column] : CellValue.Blank;
            if (after != cell.Value)
            {
                changes.Add(new TableChange(cell.Row, cell.Column, CellLabels.Row(target.Layout, cell.Row), CellLabels.Column(target.Layout, cell.Column),
                    Show(cell.Value), Show(after)));
                target[cell.Row, cell.Column] = after;
            }
        }

        var counted = id == ReportTableId.Applications
            ? await RegisterQueries.CountedInYear(db, office.Id, year).CountAsync(cancellationToken)
            : await CaseQueries.CountedInYear(db, office.Id, year).CountAsync(cancellationToken);

        // The draft, its 保存 entry and this entry are one save: all of it happened, or none.
        var applied = ActingStaff.Audit(User, clock, id == ReportTableId.Applications ? AuditAction.RegisterTableApplied : AuditAction.CaseTableApplied,
            $"{year} 年度表{(table == 3 ? "三" : "四")}从台账生成：{changes.Count} 格改变，计入 {counted} 件{(table == 3 ? "申请" : "案件")}").ForAgency(office.Id);
        var conflict = await reportCommands.SaveAsync(workspace, version, document, revision, User, cancellationToken, applied);
        if (conflict is not null)
        {
            TempData["Error"] = "报告刚被他人保存，未从台账生成。请核对最新内容后再试。";
            return Redirect($"/admin/reports/{slug}/{year}/table/{table}");
        }

        return View(new FromRegisterPage(office, year, id, changes, counted));
    }

    /// <summary>A table (三 by default) of the published (current) version of a year, if the office published one.</summary>
    public static async Task<(ReportTable Table, int Number)?> PublishedTableAsync(
        DisclosureDbContext db, int agencyId, int year, ReportTableId table = ReportTableId.Applications, CancellationToken cancellationToken = default)
    {
        var version = await db.ReportVersions.AsNoTracking()
            .Include(v => v.Cells).Include(v => v.Report).ThenInclude(r => r.Agency)
            .CurrentOf(year).SingleOrDefaultAsync(v => v.Report.AgencyId == agencyId, cancellationToken);
        return version is null ? null : (version.ToDocument(version.Report.Agency.Slug).Table(table), version.Number);
    }

    private static string Show(CellValue value) => value.IsBlank ? "空白" : value.Format(CellKind.Count);
}
