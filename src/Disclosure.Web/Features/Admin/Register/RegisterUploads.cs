using Disclosure.Data;
using Disclosure.Data.Register;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>
/// Holds an uploaded register file between the preview and "确认导入" (<see cref="PendingUpload"/>, in the database, so
/// that any instance of the portal can take the confirmation): the file is sent once and what is applied is exactly
/// what was previewed. A file is found only by its random token, and only for the person and office that uploaded
/// it; it is taken (deleted) when it is applied, so a second confirmation finds nothing, and dropped
/// <see cref="Expiry"/> after the upload.
/// </summary>
public sealed class RegisterUploads(DisclosureDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(30);

    /// <summary>Keeps the file and returns its token; expired uploads of anyone are deleted on the way.</summary>
    public async Task<string> KeepAsync(int agencyId, string? userId, string fileName, byte[] bytes, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.PendingUploads.Where(u => u.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var upload = new PendingUpload(agencyId, userId, fileName, bytes, now + Expiry);
        db.PendingUploads.Add(upload);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(upload).State = EntityState.Detached; // the bytes are not kept in the context
        return upload.Token;
    }

    /// <summary>The upload of <paramref name="token"/>, if it is this person's for this office and has not expired.</summary>
    public async Task<PendingUpload?> FindAsync(string? token, int agencyId, string? userId, CancellationToken cancellationToken)
    {
        if (token is not { Length: PendingUpload.TokenLength })
        {
            return null;
        }

        var now = clock.GetUtcNow();
        return await db.PendingUploads.AsNoTracking()
            .SingleOrDefaultAsync(u => u.Token == token && u.AgencyId == agencyId && u.UserId == userId && u.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Deletes the upload; false when it was already gone (another confirmation took it).</summary>
    public async Task<bool> TakeAsync(string token, CancellationToken cancellationToken) =>
        await db.PendingUploads.Where(u => u.Token == token).ExecuteDeleteAsync(cancellationToken) > 0;
}
