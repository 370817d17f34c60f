using Disclosure.Data;
using Disclosure.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.DemoData;

/// <summary>One account per role for trying the portal; only where demo data is enabled, never in production.</summary>
public sealed class DemoAccounts(UserManager<PortalUser> users, DisclosureDbContext db, ILogger<DemoAccounts> logger)
{
    /// <summary>Known to anyone who reads this file: demo installs only.</summary>
    public const string Password = "demo-password-2024";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? Agency)> Accounts =
    [
        ("admin@demo.local", "政务公开办（演示）", PortalRoles.Administrator, null),
        ("reviewer@demo.local", "审核人（演示）", PortalRoles.Reviewer, null),
        ("editor@demo.local", "中卫市商务局填报人（演示）", PortalRoles.Editor, "zhongwei-commerce"),
    ];

    public async Task EnsureAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (email, name, role, agencySlug) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

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
            "Demo accounts (password {Password}): {Accounts}. Demo data is on: never enable it in production.",
            Password,
            string.Join(", ", Accounts.Select(a => $"{a.Email} ({a.Role})")));
    }
}
