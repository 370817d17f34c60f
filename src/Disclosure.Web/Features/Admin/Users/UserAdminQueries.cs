using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Users;

public sealed record UserRow(string Id, string DisplayName, string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Agencies, bool Disabled, bool LockedOut);

public sealed record AgencyChoice(int Id, string Name, AgencyLevel Level);

/// <summary>The account page: the account (null when creating), its forms, and the agencies to assign.</summary>
public sealed record UserPage(UserRow? User, UserAccessForm Form, IReadOnlyList<AgencyChoice> AgencyChoices, PasswordResetForm? Reset = null);

public sealed class UserAdminQueries(DisclosureDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken, string? id = null)
    {
        var users = await db.Users.AsNoTracking()
            .Where(u => id == null || u.Id == id)
            .OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.IsDisabled, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var roles = (await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken)).ToLookup(r => r.UserId, r => r.Name ?? "");
        var agencies = (await db.UserAgencies.AsNoTracking()
            .Join(db.Agencies, ua => ua.AgencyId, a => a.Id, (ua, a) => new { ua.UserId, a.Name })
            .ToListAsync(cancellationToken)).ToLookup(a => a.UserId, a => a.Name);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", roles[u.Id].Order(StringComparer.Ordinal).ToList(),
            agencies[u.Id].Order(StringComparer.Ordinal).ToList(), u.IsDisabled, !u.IsDisabled && u.LockoutEnd > now)).ToList();
    }

    public async Task<UserRow?> FindAsync(string id, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken, id)).SingleOrDefault();

    public async Task<UserEditForm?> FormAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        var agencies = await db.UserAgencies.AsNoTracking().Where(a => a.UserId == id).Select(a => a.AgencyId).ToListAsync(cancellationToken);
        return new UserEditForm { DisplayName = user.DisplayName, Roles = roles, Agencies = agencies };
    }

    public async Task<IReadOnlyList<AgencyChoice>> AgenciesAsync(CancellationToken cancellationToken)
    {
        var choices = await db.Agencies.AsNoTracking().Select(a => new AgencyChoice(a.Id, a.Name, a.Level)).ToListAsync(cancellationToken);
        return choices.OrderBy(c => c.Level).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }
}
