using System.Globalization;
using System.Net;
using Disclosure.Domain.Audit;
using Disclosure.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Tests.Admin;

public sealed class UserAdminTests(AdminPortalFixture portal) : IClassFixture<AdminPortalFixture>
{
    private const string Password = "new-editor-pass-77";

    /// <summary>What the person sets at their first sign-in (the Administrator's password must be replaced).</summary>
    private const string OwnPassword = "own-choice-pass-88";

    private async Task<int> AgencyIdAsync(string slug)
    {
        var id = 0;
        await portal.Factory.WithDbAsync(async db => id = (await db.Agencies.SingleAsync(a => a.Slug == slug)).Id);
        return id;
    }

    private async Task<string> UserIdAsync(string email)
    {
        var id = "";
        await portal.Factory.WithDbAsync(async db => id = (await db.Users.SingleAsync(u => u.Email == email)).Id);
        return id;
    }

    private async Task<HttpResponseMessage> CreateEditorAsync(HttpClient admin, string email, string password, params int[] agencies) =>
        await admin.PostFormAsync("/admin/users/new",
            new KeyValuePair<string, string>[] { new("Email", email), new("DisplayName", "平潭填报人"), new("Roles", "Editor"), new("Password", password) }
                .Concat(agencies.Select(a => new KeyValuePair<string, string>("Agencies", a.ToString(CultureInfo.InvariantCulture)))),
            portal.Admin.Token);

    [Fact]
    public async Task CreatedEditor_CanOpenTheAssignedAgencysWorkspace_AndNoOther()
    {
        using var admin = portal.AdminClient();
        var pingtan = await AgencyIdAsync("pingtan");

        using var created = await CreateEditorAsync(admin, "pt.editor@test.local", Password, pingtan);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await admin.GetDocumentAsync("/admin/users");
        var row = list.QuerySelectorAll("table.list tbody tr").Single(r => r.Text().Contains("pt.editor@test.local", StringComparison.Ordinal));
        Assert.Contains("填报人", row.Text(), StringComparison.Ordinal);
        Assert.Contains("平潭综合实验区管理委员会", row.Text(), StringComparison.Ordinal);

        var editor = await Staff.FirstSignInAsync(portal.Factory, "pt.editor@test.local", Password, OwnPassword);
        using var client = editor.Client(portal.Factory);
        await client.GetDocumentAsync("/admin/reports/pingtan/2024");
        using var other = await client.GetAsync(new Uri("/admin/reports/zhongwei-commerce/2024", UriKind.Relative));
        Assert.Contains("/account/denied", other.Headers.Location!.OriginalString, StringComparison.Ordinal);

        await portal.Factory.WithDbAsync(async db =>
        {
            var audit = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.UserCreated && e.Details!.Contains("pt.editor@test.local"));
            Assert.DoesNotContain(Password, audit.Details, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task CreateUser_WithAWeakPassword_ShowsIdentitysMessageAtThePasswordAndSavesNothing()
    {
        using var admin = portal.AdminClient();

        using var response = await CreateEditorAsync(admin, "weak@test.local", "short1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("密码至少 12 位", page.QuerySelector("#f-Password-error")!.Text(), StringComparison.Ordinal);
        Assert.Equal("weak@test.local", page.QuerySelector("#f-Email")!.GetAttribute("value"));
        await portal.Factory.WithDbAsync(async db => Assert.False(await db.Users.AnyAsync(u => u.Email == "weak@test.local")));
    }

    [Fact]
    public async Task CreateUser_WithAgenciesButNotEditor_IsRefusedAtTheAgencies()
    {
        using var admin = portal.AdminClient();

        using var response = await admin.PostFormAsync("/admin/users/new",
            [new("Email", "rev2@test.local"), new("DisplayName", "审核人二"), new("Roles", "Reviewer"), new("Password", Password), new("Agencies", "1")], portal.Admin.Token);

        var page = await response.ParseAsync();
        Assert.Contains("只有填报人需要分配机关", page.QuerySelector("#f-Agencies .error-message")!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisabledAccount_CannotSignIn_AndItsOpenSessionLosesAccess_UntilEnabled()
    {
        using var admin = portal.AdminClient();
        using var created = await CreateEditorAsync(admin, "leaver@test.local", Password, await AgencyIdAsync("pingtan"));
        var id = await UserIdAsync("leaver@test.local");
        var session = await Staff.FirstSignInAsync(portal.Factory, "leaver@test.local", Password, OwnPassword);
        using (var before = session.Client(portal.Factory))
        {
            await before.GetDocumentAsync("/admin/reports/pingtan/2024");
        }

        using var disabled = await admin.PostFormAsync($"/admin/users/{id}/disable", [], portal.Admin.Token);

        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        using (var open = session.Client(portal.Factory))
        using (var after = await open.GetAsync(new Uri("/admin/reports/pingtan/2024", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
            Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var anonymous = Staff.NewClient(portal.Factory))
        using (var refused = await anonymous.TrySignInAsync("leaver@test.local", OwnPassword))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("邮箱或密码不正确", (await refused.ParseAsync()).QuerySelector(".error-summary")!.Text(), StringComparison.Ordinal);
        }

        var list = await admin.GetDocumentAsync("/admin/users");
        Assert.Contains("已停用", list.QuerySelectorAll("tr").Single(r => r.Text().Contains("leaver@test.local", StringComparison.Ordinal)).Text(), StringComparison.Ordinal);

        using var enabled = await admin.PostFormAsync($"/admin/users/{id}/enable", [], portal.Admin.Token);
        await Staff.SignInAsync(portal.Factory, "leaver@test.local", OwnPassword);
        await portal.Factory.WithDbAsync(async db =>
        {
            var actions = await db.AuditEntries.Where(e => e.Details!.Contains("leaver@test.local")).Select(e => e.Action).ToListAsync();
            Assert.Contains(AuditAction.UserDisabled, actions);
            Assert.Contains(AuditAction.UserEnabled, actions);
        });
    }

    [Fact]
    public async Task Administrator_CannotDisableThemself_OrDropTheirOwnAdministratorRole()
    {
        using var admin = portal.AdminClient();
        var self = await UserIdAsync("admin@demo.local");

        using var disable = await admin.PostFormAsync($"/admin/users/{self}/disable", [], portal.Admin.Token);
        var page = await admin.GetDocumentAsync(disable.Headers.Location!.OriginalString);
        Assert.Contains("不能停用自己的账号", page.QuerySelector(".flash--error")!.Text(), StringComparison.Ordinal);

        using var demote = await admin.PostFormAsync($"/admin/users/{self}", [new("DisplayName", "政务公开办（演示）"), new("Roles", "Reviewer")], portal.Admin.Token);
        var form = await demote.ParseAsync();
        Assert.Contains("不能取消自己的管理员角色", form.QuerySelector("#f-Roles .error-message")!.Text(), StringComparison.Ordinal);

        // Still an Administrator, still signed in.
        await admin.GetDocumentAsync("/admin/users");
    }

    [Fact]
    public async Task ChangingAnEditorsAgencies_EndsTheirSession_AndTheNextSignInHasTheNewAgencies()
    {
        using var admin = portal.AdminClient();
        var editorId = await UserIdAsync("editor@demo.local");
        var session = await Staff.SignInAsync(portal.Factory, "editor@demo.local");

        using var moved = await admin.PostFormAsync($"/admin/users/{editorId}",
            [new("DisplayName", "中卫市商务局填报人（演示）"), new("Roles", "Editor"), new("Agencies", (await AgencyIdAsync("pingtan")).ToString(CultureInfo.InvariantCulture))], portal.Admin.Token);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        using (var stale = session.Client(portal.Factory))
        using (var response = await stale.GetAsync(new Uri("/admin/reports/zhongwei-commerce/2024", UriKind.Relative)))
        {
            // The security stamp changed: the old cookie no longer works, whatever claims it carried.
            Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var client = (await Staff.SignInAsync(portal.Factory, "editor@demo.local")).Client(portal.Factory);
        await client.GetDocumentAsync("/admin/reports/pingtan/2024");
        using var old = await client.GetAsync(new Uri("/admin/reports/zhongwei-commerce/2024", UriKind.Relative));
        Assert.Contains("/account/denied", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResetPassword_LetsThePersonSignInWithTheNewOne()
    {
        using var admin = portal.AdminClient();
        var reviewer = await UserIdAsync("reviewer@demo.local");

        using var weak = await admin.PostFormAsync($"/admin/users/{reviewer}/password", [new("NewPassword", "abc")], portal.Admin.Token);
        Assert.Contains("密码至少 12 位", (await weak.ParseAsync()).QuerySelector("#f-NewPassword-error")!.Text(), StringComparison.Ordinal);

        using var reset = await admin.PostFormAsync($"/admin/users/{reviewer}/password", [new("NewPassword", "reviewer-new-2025")], portal.Admin.Token);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await Staff.SignInAsync(portal.Factory, "reviewer@demo.local", "reviewer-new-2025");
    }
}
