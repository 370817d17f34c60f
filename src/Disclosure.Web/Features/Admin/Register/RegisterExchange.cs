using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain;
using Disclosure.Domain.Audit;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>
/// The register's exchange files as use cases for the browser: check an uploaded file against the register (nothing
/// written), apply a checked file with its audit entry in the same save, and read a year for export with the export
/// recorded in the audit trail. The command line's <c>register</c> command uses <see cref="RegisterImport"/> and
/// <see cref="RegisterExport"/> directly, as the operator it is.
/// </summary>
public sealed class RegisterExchange(DisclosureDbContext db, TimeProvider clock)
{
    /// <summary>What <paramref name="bytes"/> would do to the office's register, or why the file cannot be read.</summary>
    public async Task<(RegisterImportPreview? Preview, string? Error)> PreviewAsync(RegisterOffice office, byte[] bytes, CancellationToken cancellationToken)
    {
        RegisterSheet sheet;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            sheet = RegisterSheetReader.Read(stream);
        }
        catch (RegisterFileException ex)
        {
            return (null, ex.Message);
        }

        return (await RegisterImport.PreviewAsync(db, office.Id, sheet, BeijingTime.Today(clock), cancellationToken), null);
    }

    /// <summary>
    /// Applies a preview without problems, all or nothing, with its RegisterImported entry in the same save. False
    /// when an application it updates was changed by someone else since the preview: nothing is written.
    /// </summary>
    public async Task<bool> ApplyAsync(RegisterOffice office, string fileName, RegisterImportPreview preview, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var calendar = await RegisterCalendar.LoadAsync(db, cancellationToken);
        try
        {
            await RegisterImport.ApplyAsync(db, office.Id, preview, calendar, BeijingTime.Today(clock),
                ActingStaff.Audit(user, clock, AuditAction.RegisterImported, $"{fileName}：{preview.Summary}").ForAgency(office.Id), cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Year <paramref name="year"/>'s rows for export; who took them, and how many, goes into the audit trail.</summary>
    public async Task<IReadOnlyList<string[]>> ExportAsync(RegisterOffice office, int year, string format, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var rows = await RegisterExport.RowsAsync(db, office.Id, year, BeijingTime.Today(clock), cancellationToken);
        db.AuditEntries.Add(ActingStaff.Audit(user, clock, AuditAction.RegisterExported, $"{year}年度，{rows.Count} 件（{format.ToUpperInvariant()}）").ForAgency(office.Id));
        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }
}
