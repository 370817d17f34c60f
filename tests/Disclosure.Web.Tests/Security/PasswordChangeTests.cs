using System.Net;
using Disclosure.Domain.Audit;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Security;

/// <summary>
/// Staff change their own password; a password an Administrator typed (a new account, a reset) must be replaced by
/// its owner before anything else, and a change ends the account's other sessions.
/// </summary>
public sealed class PasswordChangeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AccountCreatedByAnAdministrator_MustChooseItsOwnPassword_BeforeUsingTheWorkspace()
    {
        var admin = await Staff.SignInAsync(portal, "admin@demo.local");
        using (var adminClient = admin.Client(portal))
        using (var created = await adminClient.PostFormAsync("/admin/users/new",
            [new("Email", "new.reviewer@example.gov.cn"), new("DisplayName", "新审核人"), new("Roles", "Reviewer"), new("Password", "initial-pass-2024")], admin.Token))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var cookies = new CookieContainer();
        using var client = Staff.NewClient(portal, cookies);
        using var signIn = await client.TrySignInAsync("new.reviewer@example.gov.cn", "initial-pass-2024");
        Assert.Equal("/account/password", signIn.Headers.Location!.OriginalString);
        using var workspace = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal("/account/password", workspace.Headers.Location!.OriginalString);

        var form = await client.GetDocumentAsync("/account/password");
        Assert.NotNull(form.QuerySelector(".flash--notice"));
        var token = form.QuerySelector("form[action='/account/password'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var mismatch = await client.PostFormAsync("/account/password",
            [new("CurrentPassword", "initial-pass-2024"), new("NewPassword", "my-own-pass-2024"), new("ConfirmPassword", "my-own-pass-2025")], token);
        Assert.Contains("不一致", (await mismatch.ParseAsync()).QuerySelector("#f-ConfirmPassword-error")?.TextContent, StringComparison.Ordinal);
        using (var wrong = await client.PostFormAsync("/account/password",
            [new("CurrentPassword", "not-the-initial-2024"), new("NewPassword", "weakpass"), new("ConfirmPassword", "weakpass")], token))
        {
            // Both problems at once: the wrong current password, and what the new one lacks.
            var page = await wrong.ParseAsync();
            Assert.EndsWith("当前密码不正确。", page.QuerySelector("#f-CurrentPassword-error")?.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Contains("密码至少 12 位", page.QuerySelector("#f-NewPassword-error")?.TextContent, StringComparison.Ordinal);
            Assert.Contains("密码须包含数字", page.QuerySelector("#f-NewPassword-error")?.TextContent, StringComparison.Ordinal);
        }

        await portal.WithDbAsync(async db => Assert.False(await db.AuditEntries.AnyAsync(e => e.Action == AuditAction.PasswordChanged && e.UserName.Contains("new.reviewer@example.gov.cn"))));
        using (var stillForced = await client.GetAsync(new Uri("/admin", UriKind.Relative)))
        {
            Assert.Equal("/account/password", stillForced.Headers.Location!.OriginalString);
        }

        using var changed = await client.PostFormAsync("/account/password",
            [new("CurrentPassword", "initial-pass-2024"), new("NewPassword", "my-own-pass-2024"), new("ConfirmPassword", "my-own-pass-2024")], token);

        Assert.Equal("/admin", changed.Headers.Location!.OriginalString);
        await portal.WithDbAsync(async db => Assert.Equal("更换了管理员设置的初始密码", (await db.AuditEntries.SingleAsync(
            e => e.Action == AuditAction.PasswordChanged && e.UserName.Contains("new.reviewer@example.gov.cn"))).Details));
        using (var workspaceNow = await client.GetAsync(new Uri("/admin", UriKind.Relative)))
        {
            Assert.StartsWith("/admin/years/", workspaceNow.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var fresh = Staff.NewClient(portal);
        using var oldPassword = await fresh.TrySignInAsync("new.reviewer@example.gov.cn", "initial-pass-2024");
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode);
        using var newPassword = await fresh.TrySignInAsync("new.reviewer@example.gov.cn", "my-own-pass-2024");
        Assert.Equal("/admin", newPassword.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ChangingOnesPassword_EndsTheOtherSessions_AndKeepsThisOne()
    {
        var here = await Staff.SignInAsync(portal, "editor@demo.local");
        var elsewhere = await Staff.SignInAsync(portal, "editor@demo.local");
        using var client = here.Client(portal);
        using var other = elsewhere.Client(portal);
        var token = (await client.GetDocumentAsync("/account/password")).QuerySelector("form[action='/account/password'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var changed = await client.PostFormAsync("/account/password",
            [new("CurrentPassword", "demo-password-2024"), new("NewPassword", "editor-own-pass-77"), new("ConfirmPassword", "editor-own-pass-77")], token);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        await client.GetDocumentAsync("/admin");
        using var ended = await other.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal("/account/login", ended.Headers.Location!.AbsolutePath);
    }
}
