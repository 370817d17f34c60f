using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Register;
using Disclosure.Domain.Reports;
using Disclosure.Domain.Reports.Layouts;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>What 从台账生成 did: no draft to fill, someone saved in between, or the draft filled (with what changed).</summary>
public abstract record FromRegisterOutcome
{
    public sealed record NoDraft : FromRegisterOutcome;

    public sealed record Conflict : FromRegisterOutcome;

    public sealed record Filled(FromRegisterPage Page) : FromRegisterOutcome;
}

/// <summary>
/// The tables counted from the registers: table 三 of a year with its cells' applications, the published table beside
/// it, and 从台账生成 — a draft's table 三 (from the application register) or 四 (from the case register) replaced by
/// the count, saved with its audit entries in one save.
/// </summary>
public sealed class RegisterTables(DisclosureDbContext db, ReportCommands reportCommands, TimeProvider clock)
{
    public async Task<RegisterTablePage> TablePageAsync(RegisterOffice office, int year, CancellationToken cancellationToken)
    {
        var table = await RegisterQueries.TableAsync(db, office.Id, year, cancellationToken);
        var published = await PublishedTableAsync(db, office.Id, year, cancellationToken: cancellationToken);
        return new RegisterTablePage(office, year, table, published?.Table, published?.Number);
    }

    public async Task<RegisterCellPage> CellPageAsync(RegisterOffice office, int year, string row, string column, CancellationToken cancellationToken)
    {
        var layout = RegisterCount.LayoutFor(year);
        var ids = (await RegisterQueries.InCellAsync(db, office.Id, year, row, column, cancellationToken)).Select(i => i.Id).ToList();
        var items = await db.RegisterApplications.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .OrderBy(a => a.ReceivedOn).ThenBy(a => a.Number)
            .Select(a => new RegisterCellItem(a.Id, a.Number, a.ReceivedOn, a.AnsweredOn, a.Outcome))
            .ToListAsync(cancellationToken);
        var table = await RegisterQueries.TableAsync(db, office.Id, year, cancellationToken);
        return new RegisterCellPage(office, year, CellLabels.Row(layout, row), CellLabels.Column(layout, column), table.Number(row, column), items);
    }

    /// <summary>从台账生成 for table 三 (<see cref="ReportTableId.Applications"/>) or 四 (<see cref="ReportTableId.Reviews"/>).</summary>
    public async Task<FromRegisterOutcome> FillDraftAsync(RegisterOffice office, int year, ReportTableId id, int revision, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var workspace = await ReportWorkspace.LoadAsync(db, office.Slug, year, cancellationToken);
        if (workspace?.Open is not { } version || !version.IsEditable)
        {
            return new FromRegisterOutcome.NoDraft();
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
        var (name, unit) = id == ReportTableId.Applications ? ("三", "申请") : ("四", "案件");
        var applied = ActingStaff.Audit(user, clock, id == ReportTableId.Applications ? AuditAction.RegisterTableApplied : AuditAction.CaseTableApplied,
            $"{year} 年度表{name}从台账生成：{changes.Count} 格改变，计入 {counted} 件{unit}").ForAgency(office.Id);
        return await reportCommands.SaveAsync(workspace, version, document, revision, user, applied, cancellationToken) is not null
            ? new FromRegisterOutcome.Conflict()
            : new FromRegisterOutcome.Filled(new FromRegisterPage(office, year, id, changes, counted));
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
