using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Register;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>A table 三 cell's place in words: 「（三）不予公开 4.保护第三方合法权益 · 自然人」.</summary>
public static class CellLabels
{
    public static string Row(TableLayout layout, string row) =>
        layout.Row(row) is { } r ? (r.Subgroup is null ? r.Label : $"{r.Subgroup} {r.Label}") : row;

    public static string Column(string column) =>
        ApplicationsLayout.DataColumns.FirstOrDefault(c => c.Key == column) is { } c
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

public sealed record FromRegisterPage(RegisterOffice Office, int Year, IReadOnlyList<TableChange> Changes, int Counted);

/// <summary>
/// Table 三 from the register: the staff view of a year's table with every cell linked to the applications it
/// counts (the same rule as the count, <see cref="RegisterCount.IsCountedIn"/>), and 从台账生成 — the draft's table
/// 三 replaced by the register's count, with what changed, cell by cell.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class RegisterTableController(DisclosureDbContext db, RegisterAccess access, RegisterCommands registerCommands, ReportCommands reportCommands) : Controller
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
        var published = await PublishedTableAsync(db, office.Id, year, cancellationToken);
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
        return View(new RegisterCellPage(office, year, CellLabels.Row(layout, row), CellLabels.Column(column), table.Number(row, column), items));
    }

    /// <summary>从台账生成: replaces the draft's table 三 with the register's count (a separate action beside the report editor).</summary>
    [HttpPost("admin/reports/{slug:slug}/{year:int:reportyear}/from-register")]
    public async Task<IActionResult> FromRegister(string slug, int year, int revision, CancellationToken cancellationToken)
    {
        var (office, denied) = await access.OpenAsync(this, slug);
        if (office is null)
        {
            return denied!;
        }

        var workspace = await ReportWorkspace.LoadAsync(db, slug, year, cancellationToken);
        if (workspace?.Open is not { } version || !version.IsEditable)
        {
            TempData["Error"] = "没有可修改的草稿：请先新建草稿，或等退回后再从台账生成。";
            return Redirect($"/admin/reports/{slug}/{year}");
        }

        var document = workspace.WorkingDocument!;
        var register = await RegisterQueries.TableAsync(db, office.Id, year, cancellationToken);
        var target = document.Applications;
        var changes = new List<TableChange>();
        foreach (var cell in target.Cells)
        {
            var after = register.Layout.Contains(cell.Row, cell.Column) ? register[cell.Row, cell.Column] : CellValue.Blank;
            if (after != cell.Value)
            {
                changes.Add(new TableChange(cell.Row, cell.Column, CellLabels.Row(target.Layout, cell.Row), CellLabels.Column(cell.Column),
                    Show(cell.Value), Show(after)));
                target[cell.Row, cell.Column] = after;
            }
        }

        var conflict = await reportCommands.SaveAsync(workspace, version, document, revision, User, cancellationToken);
        if (conflict is not null)
        {
            TempData["Error"] = "报告刚被他人保存，未从台账生成。请核对最新内容后再试。";
            return Redirect($"/admin/reports/{slug}/{year}/table/3");
        }

        var counted = await RegisterQueries.CountedInYear(db, office.Id, year).CountAsync(cancellationToken);
        await registerCommands.AuditAsync(User, AuditAction.RegisterTableApplied, office.Id, $"{year} 年度表三从台账生成：{changes.Count} 格改变，计入 {counted} 件申请", cancellationToken);
        return View(new FromRegisterPage(office, year, changes, counted));
    }

    /// <summary>The table 三 of the published (current) version of a year, if the office published one.</summary>
    public static async Task<(ReportTable Table, int Number)?> PublishedTableAsync(DisclosureDbContext db, int agencyId, int year, CancellationToken cancellationToken)
    {
        var version = await db.ReportVersions.AsNoTracking()
            .Include(v => v.Cells).Include(v => v.Report).ThenInclude(r => r.Agency)
            .CurrentOf(year).SingleOrDefaultAsync(v => v.Report.AgencyId == agencyId, cancellationToken);
        return version is null ? null : (version.ToDocument(version.Report.Agency.Slug).Applications, version.Number);
    }

    private static string Show(CellValue value) => value.IsBlank ? "空白" : value.Format(CellKind.Count);
}
