using System.Net;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Security;

/// <summary>
/// A session ends on the server: a copy of the sign-in cookie is worthless after sign-out, disabling the account or
/// a new password — at once, not within a minute — and every session ends 12 hours after sign-in however active.
/// </summary>
public sealed class SessionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static async Task<bool> IsSignedInAsync(HttpClient client)
    {
        // A page every signed-in staff member may open (reviewers' /admin redirects to the year).
        using var response = await client.GetAsync(new Uri("/account/password", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task SignOut_EndsACopiedSessionToo()
    {
        var session = await Staff.SignInAsync(portal, "reviewer@demo.local");
        using var browser = session.Client(portal);
        using var copy = session.Client(portal);
        Assert.True(await IsSignedInAsync(copy));

        using var logout = await browser.PostFormAsync("/account/logout", [], session.Token);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        using var after = await copy.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.Headers.Location!.AbsolutePath);
        await portal.WithDbAsync(async db =>
            Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == Domain.Audit.AuditAction.SignedOut && e.UserName == "reviewer@demo.local")));
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsOpenSessionAtOnce()
    {
        var admin = await Staff.SignInAsync(portal, "admin@demo.local");
        var editor = await Staff.SignInAsync(portal, "editor@demo.local");
        using var editorClient = editor.Client(portal);
        Assert.True(await IsSignedInAsync(editorClient));
        var id = "";
        await portal.WithDbAsync(async db => id = (await db.Users.SingleAsync(u => u.Email == "editor@demo.local")).Id);

        using var adminClient = admin.Client(portal);
        using var disabled = await adminClient.PostFormAsync($"/admin/users/{id}/disable", [], admin.Token);
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        Assert.False(await IsSignedInAsync(editorClient));
        using var enabled = await adminClient.PostFormAsync($"/admin/users/{id}/enable", [], admin.Token);
    }
}

/// <summary>The 12-hour limit, on a clock the test moves (the 8-hour sliding limit alone let an active session live for ever).</summary>
public sealed class SessionLifetimeTests : IDisposable
{
    private readonly TestPortal _portal = new(fakeClock: true);

    [Fact]
    public async Task ActiveSession_EndsTwelveHoursAfterSignIn()
    {
        var session = await Staff.SignInAsync(_portal, "reviewer@demo.local");
        using var client = session.Client(_portal);
        await client.GetDocumentAsync("/account/password");

        _portal.Time.Advance(TimeSpan.FromHours(7));
        await client.GetDocumentAsync("/account/password");
        _portal.Time.Advance(TimeSpan.FromHours(4.5));
        await client.GetDocumentAsync("/account/password");

        _portal.Time.Advance(TimeSpan.FromHours(1));
        using var after = await client.GetAsync(new Uri("/account/password", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.Headers.Location!.AbsolutePath);
    }

    public void Dispose() => _portal.Dispose();
}
