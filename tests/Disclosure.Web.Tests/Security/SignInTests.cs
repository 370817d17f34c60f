using System.Net;
using Disclosure.Data.Identity;
using Disclosure.Domain.Audit;
using Disclosure.Web.Infrastructure.Security;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Disclosure.Web.Tests.Security;

/// <summary>
/// Sign-in tells nothing about which addresses exist (same work, same message) and cannot be used to keep a known
/// person out: repeated failures slow down the client that makes them, for that address, not the account everywhere.
/// Every sign-in and failed sign-in is in the audit trail.
/// </summary>
public sealed class SignInTests : IDisposable
{
    private readonly CountingHasher _hasher = new();

    private readonly TestPortal _portal;

    public SignInTests() =>
        _portal = new TestPortal(services: s => s.AddSingleton<IPasswordHasher<PortalUser>>(_hasher));

    private async Task<HttpResponseMessage> TryFromAsync(string client, string email, string password)
    {
        using var http = Staff.NewClient(_portal);
        http.DefaultRequestHeaders.Add(TestPortal.ClientHeader, client);
        return await http.TrySignInAsync(email, password);
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response) =>
        (await response.ParseAsync()).QuerySelector(".error-summary")?.TextContent.Trim() ?? "";

    [Fact]
    public async Task UnknownAddress_ChecksAPasswordHashToo_AndGetsTheSameMessage()
    {
        _portal.CreateClient().Dispose();
        _hasher.Verifications = 0;

        using var unknown = await TryFromAsync("192.0.2.1", "nobody@example.gov.cn", "wrong-password-1");
        Assert.Equal(1, _hasher.Verifications);
        using var known = await TryFromAsync("192.0.2.1", "reviewer@demo.local", "wrong-password-1");
        Assert.Equal(2, _hasher.Verifications);

        Assert.Equal(await ErrorAsync(known), await ErrorAsync(unknown));
        Assert.Contains("邮箱或密码不正确", await ErrorAsync(unknown), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManyFailuresFromOneClient_DoNotKeepTheOwnerOut_AndLookTheSameForUnknownAddresses()
    {
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
        {
            using var failed = await TryFromAsync("198.51.100.66", "editor@demo.local", "guess-number-" + i);
            using var unknownFailed = await TryFromAsync("198.51.100.67", "nobody@example.gov.cn", "guess-number-" + i);
        }

        using var held = await TryFromAsync("198.51.100.66", "editor@demo.local", "demo-password-2024");
        using var heldUnknown = await TryFromAsync("198.51.100.67", "nobody@example.gov.cn", "demo-password-2024");
        Assert.Equal(HttpStatusCode.OK, held.StatusCode);
        Assert.Contains("分钟后再试", await ErrorAsync(held), StringComparison.Ordinal);
        Assert.Equal(await ErrorAsync(held), await ErrorAsync(heldUnknown));

        using var owner = await TryFromAsync("203.0.113.20", "editor@demo.local", "demo-password-2024");
        Assert.Equal(HttpStatusCode.Redirect, owner.StatusCode);
    }

    [Fact]
    public async Task SignInsAndFailures_AreInTheAuditTrail()
    {
        using var failed = await TryFromAsync("192.0.2.9", "reviewer@demo.local", "not-the-password-9");
        using var signedIn = await TryFromAsync("192.0.2.9", "reviewer@demo.local", "demo-password-2024");

        await _portal.WithDbAsync(async db =>
        {
            var entries = await db.AuditEntries.Where(e => e.UserName == "reviewer@demo.local").Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditAction.SignInFailed, entries);
            Assert.Contains(AuditAction.SignedIn, entries);
        });
    }

    public void Dispose() => _portal.Dispose();

    private sealed class CountingHasher : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> _inner = new();

        public int Verifications { get; set; }

        public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
