using Disclosure.Web.Features.Admin.Register;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Disclosure.Web.Tests.Register;

/// <summary>
/// An uploaded register file waits for its confirmation in the database: any instance of the portal finds it, only for
/// the person and office that uploaded it, for 30 minutes, and only one confirmation takes it.
/// </summary>
[Collection(PortalCollections.Staff)]
public sealed class RegisterUploadsTests(PortalFactory shared) : PortalTest(shared)
{
    [Fact]
    public async Task AnUpload_IsFoundByAnotherInstance_ForItsPersonAndOfficeOnly_TakenOnce_AndGoneAfterItExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var agencyId = 0;
        string kept = "", expiring = "";
        await Portal.WithDbAsync(async db =>
        {
            agencyId = await db.Agencies.Where(a => a.Slug == "zhongwei-commerce").Select(a => a.Id).SingleAsync();
            var uploads = new RegisterUploads(db, clock);
            kept = await uploads.KeepAsync(agencyId, "editor-1", "台账.csv", [1, 2, 3], CancellationToken.None);
            expiring = await uploads.KeepAsync(agencyId, "editor-1", "台账2.csv", [4], CancellationToken.None);
        });
        Assert.Matches("^[0-9a-f]{32}$", kept);
        Assert.NotEqual(kept, expiring);

        // Another instance: a context of its own, nothing shared in memory.
        await using var other = Portal.OtherProcessContext();
        var elsewhere = new RegisterUploads(other, clock);
        var found = await elsewhere.FindAsync(kept, agencyId, "editor-1", CancellationToken.None);
        Assert.Equal("台账.csv", found!.FileName);
        Assert.Equal([1, 2, 3], found.Bytes);
        Assert.Null(await elsewhere.FindAsync(kept, agencyId, "editor-2", CancellationToken.None));
        Assert.Null(await elsewhere.FindAsync(kept, agencyId + 1000, "editor-1", CancellationToken.None));
        Assert.Null(await elsewhere.FindAsync(kept.ToUpperInvariant(), agencyId, "editor-1", CancellationToken.None));
        Assert.Null(await elsewhere.FindAsync(kept[..31], agencyId, "editor-1", CancellationToken.None));

        Assert.True(await elsewhere.TakeAsync(kept, CancellationToken.None));
        Assert.False(await elsewhere.TakeAsync(kept, CancellationToken.None));
        Assert.Null(await elsewhere.FindAsync(kept, agencyId, "editor-1", CancellationToken.None));

        clock.Advance(RegisterUploads.Expiry + TimeSpan.FromSeconds(1));
        Assert.Null(await elsewhere.FindAsync(expiring, agencyId, "editor-1", CancellationToken.None));
        await elsewhere.KeepAsync(agencyId, "editor-1", "台账3.csv", [5], CancellationToken.None);
        Assert.False(await other.PendingUploads.AnyAsync(u => u.Token == expiring), "an expired upload was not deleted");
    }
}
