using System.Net;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Security;

/// <summary>
/// Demo mode creates an Administrator whose password is in the source code: it runs only in Development, only into
/// an empty database, and a start without it disables any demo account left behind (and says so in the log).
/// </summary>
public sealed class DemoModeTests
{
    [Fact]
    public void DemoMode_OutsideDevelopment_RefusesToStart_WithAClearMessage()
    {
        using var portal = new TestPortal("Production", new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });

        var refused = Assert.ThrowsAny<Exception>(() => portal.CreateClient());

        var message = refused.GetBaseException().Message;
        Assert.Contains("Demo:Enabled", message, StringComparison.Ordinal);
        Assert.Contains("Development", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoMode_OnADatabaseThatHoldsData_CreatesNoDemoAccount()
    {
        using var file = new SharedDatabaseFile();
        using (var real = new TestPortal(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }, sqliteFile: file.Path))
        {
            real.CreateClient().Dispose();
            await real.WithDbAsync(async db =>
            {
                db.Agencies.Add(new Domain.Agencies.Agency("real-office", "某市真实机关", Domain.Agencies.AgencyLevel.CityDepartment, null, null, null));
                await db.SaveChangesAsync();
            });
        }

        using var demo = new TestPortal(sqliteFile: file.Path);
        demo.CreateClient().Dispose();

        await demo.WithDbAsync(async db => Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.local"))));
    }

    [Fact]
    public async Task StartWithoutDemoMode_DisablesTheDemoAccounts_AndLogsIt()
    {
        using var file = new SharedDatabaseFile();
        using (var demo = new TestPortal(sqliteFile: file.Path))
        {
            await Staff.SignInAsync(demo, "admin@demo.local");
        }

        using var real = new TestPortal(settings: new Dictionary<string, string?> { ["Demo:Enabled"] = "false" }, sqliteFile: file.Path);
        using var client = Staff.NewClient(real);
        using var refused = await client.TrySignInAsync("admin@demo.local");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        await real.WithDbAsync(async db =>
            Assert.All(await db.Users.Where(u => u.Email!.EndsWith("@demo.local")).ToListAsync(), user => Assert.True(user.IsDisabled, user.Email)));
        Assert.Contains(real.Logs.Messages(), m => m.Contains("Demo account admin@demo.local disabled", StringComparison.Ordinal));
    }
}
