using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.Register;

/// <summary>The retention rule for personal information: blank 申请人 and 联系方式 of applications closed long ago.</summary>
public static class RegisterRetention
{
    /// <summary>
    /// Blanks the personal fields of every application answered or voided before <paramref name="closedBefore"/>
    /// that still holds them; returns how many (with <paramref name="dryRun"/>, only counts).
    /// </summary>
    public static async Task<int> ErasePersonalDataAsync(DisclosureDbContext db, DateOnly closedBefore, DateTimeOffset now, bool dryRun, CancellationToken cancellationToken = default)
    {
        var query = db.RegisterApplications
            .Where(a => (a.AnsweredOn < closedBefore || a.VoidedOn < closedBefore) && (a.ApplicantName != null || a.ApplicantContact != null));
        if (dryRun)
        {
            return await query.CountAsync(cancellationToken);
        }

        var erased = 0;
        while (true)
        {
            var batch = await query.OrderBy(a => a.Id).Take(1000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return erased;
            }

            erased += batch.Count(a => a.ErasePersonalData(now));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
