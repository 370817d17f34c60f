using Disclosure.Data;
using Disclosure.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.DemoData;

/// <summary>
/// One account per role for trying the portal, with a password anyone can read here. Created only in Development,
/// only together with the demo data in an empty database (<see cref="DemoMode"/>); a start without demo mode disables
/// every <c>@demo.local</c> account it finds, so a database that once ran in demo mode cannot keep them.
/// </summary>
public sealed class DemoAccounts(UserManager<PortalUser> users, DisclosureDbContext db, ILogger<DemoAccounts> logger)
{
    /// <summary>Known to anyone who reads this file: demo installs only.</summary>
    public const string Password = "demo-password-2024";

    /// <summary>The domain of every demo account.</summary>
    public const string Domain = "@demo.local";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? Agency)> Accounts =
    [
        ("admin@demo.local", "政务公开办（演示）", PortalRoles.Administrator, null),
        ("reviewer@demo.local", "审核人（演示）", PortalRoles.Reviewer, null),
        ("editor@demo.local", "中卫市商务局填报人（演示）", PortalRoles.Editor, "zhongwei-commerce"),
    ];

    /// <summary>Creates the accounts (the caller has just filled an empty database with the demo data).</summary>
    public async Task CreateAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (email, name, role, agencySlug) in Accounts)
        {
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            var created = await users.CreateAsync(user, Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("Demo account not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            }

            await users.AddToRoleAsync(user, role);
            if (agencySlug is not null && await db.Agencies.SingleOrDefaultAsync(a => a.Slug == agencySlug, cancellationToken) is { } agency)
            {
                db.UserAgencies.Add(new UserAgency { UserId = user.Id, AgencyId = agency.Id });
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        logger.LogWarning(
            "Demo accounts (password {Password}): {Accounts}. Demo mode is for Development only.",
            Password,
            string.Join(", ", Accounts.Select(a => $"{a.Email} ({a.Role})")));
    }

    /// <summary>
    /// Without demo mode: disables (and signs out) every enabled <c>@demo.local</c> account, and logs each one.
    /// </summary>
    public async Task DisableAllAsync(CancellationToken cancellationToken = default)
    {
        var suffix = users.NormalizeEmail(Domain);
        var found = await db.Users
            .Where(u => !u.IsDisabled && u.NormalizedEmail != null && u.NormalizedEmail.EndsWith(suffix))
            .ToListAsync(cancellationToken);
        foreach (var user in found)
        {
            user.IsDisabled = true;
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            logger.LogWarning("Demo account {Email} disabled: demo mode is off (Demo:Enabled=false)", user.Email);
        }
    }
}
