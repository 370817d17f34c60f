using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Data.Identity;
using Disclosure.Domain.Audit;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Disclosure.Web.Features.Admin.Users;

/// <summary>Why a form was not saved, at which field (empty: the form as a whole).</summary>
public sealed record UserRefusal(string Field, string Message);

/// <summary>
/// Accounts through Identity's <see cref="UserManager{TUser}"/> (password hashing, normalisation, security stamps) on
/// the same DbContext, so an account, its roles and its agencies are saved together or not at all. Every change that
/// affects what someone may do updates the security stamp: their cookie is refused at their next request (the stamp is checked on every request).
/// Audit entries say what changed, never a password.
/// </summary>
public sealed class UserCommands(
    DisclosureDbContext db,
    UserManager<PortalUser> users,
    SignInManager<PortalUser> signIn,
    TimeProvider clock,
    ILogger<UserCommands> logger)
{
    public async Task<(string? Id, IReadOnlyList<UserRefusal> Refusals)> CreateAsync(UserCreateForm form, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var agencies = await AgencyNamesAsync(form.Agencies, cancellationToken);
        if (agencies.Count != form.Agencies.Distinct().Count())
        {
            return (null, [new UserRefusal(nameof(form.Agencies), "所选机关不存在，请重新选择。")]);
        }

        var email = form.Email!.Trim();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = form.DisplayName!.Trim() };
        return await InTransactionAsync(async transaction => await CreateInTransactionAsync(user, email, form, agencies, actor, transaction, cancellationToken));
    }

    private async Task<(string? Id, IReadOnlyList<UserRefusal> Refusals)> CreateInTransactionAsync(
        PortalUser user, string email, UserCreateForm form, Dictionary<int, string> agencies, ClaimsPrincipal actor, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var created = await users.CreateAsync(user, form.Password!);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => new UserRefusal(FieldOf(e, nameof(UserCreateForm.Password)), e.Description)).ToList());
        }

        var roles = form.Roles.Distinct().ToList();
        Check(await users.AddToRolesAsync(user, roles));
        await PasswordPolicy.RequireChangeAsync(users, user);
        foreach (var agencyId in agencies.Keys)
        {
            db.UserAgencies.Add(new UserAgency { UserId = user.Id, AgencyId = agencyId });
        }

        Audit(actor, AuditAction.UserCreated, $"{user.DisplayName}（{email}）：角色 {RoleNames(roles)}" + (agencies.Count > 0 ? $"；机关 {string.Join("、", agencies.Values)}" : ""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserId} created with roles {Roles} and {Count} agencies", user.Id, string.Join(",", roles), agencies.Count);
        return (user.Id, []);
    }

    /// <summary>Null when the account does not exist.</summary>
    public async Task<IReadOnlyList<UserRefusal>?> UpdateAsync(string id, UserEditForm form, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        var roles = form.Roles.Distinct().ToList();
        if (IsSelf(actor, user) && !roles.Contains(PortalRoles.Administrator))
        {
            return [new UserRefusal(nameof(form.Roles), "不能取消自己的管理员角色：请由另一位管理员操作。")];
        }

        var agencies = await AgencyNamesAsync(form.Agencies, cancellationToken);
        if (agencies.Count != form.Agencies.Distinct().Count())
        {
            return [new UserRefusal(nameof(form.Agencies), "所选机关不存在，请重新选择。")];
        }

        return await InTransactionAsync(async transaction => await UpdateInTransactionAsync(user, form, roles, agencies, actor, transaction, cancellationToken));
    }

    private async Task<IReadOnlyList<UserRefusal>?> UpdateInTransactionAsync(
        PortalUser user, UserEditForm form, List<string> roles, Dictionary<int, string> agencies, ClaimsPrincipal actor, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        var name = form.DisplayName!.Trim();
        if (name != user.DisplayName)
        {
            changes.Add($"姓名 {user.DisplayName}→{name}");
            user.DisplayName = name;
        }

        var currentRoles = await users.GetRolesAsync(user);
        if (!currentRoles.ToHashSet().SetEquals(roles))
        {
            changes.Add($"角色 {RoleNames(currentRoles)}→{RoleNames(roles)}");
            Check(await users.RemoveFromRolesAsync(user, currentRoles.Except(roles)));
            Check(await users.AddToRolesAsync(user, roles.Except(currentRoles)));
        }

        var assigned = await db.UserAgencies.Where(a => a.UserId == user.Id).ToListAsync(cancellationToken);
        var removed = assigned.Where(a => !agencies.ContainsKey(a.AgencyId)).ToList();
        var added = agencies.Keys.Where(a => assigned.All(x => x.AgencyId != a)).ToList();
        if (removed.Count > 0 || added.Count > 0)
        {
            var names = await AgencyNamesAsync(removed.Select(r => r.AgencyId), cancellationToken);
            db.UserAgencies.RemoveRange(removed);
            db.UserAgencies.AddRange(added.Select(a => new UserAgency { UserId = user.Id, AgencyId = a }));
            changes.Add("机关" + (added.Count > 0 ? " 增加 " + string.Join("、", added.Select(a => agencies[a])) : "")
                + (removed.Count > 0 ? " 取消 " + string.Join("、", names.Values) : ""));
        }

        if (changes.Count == 0)
        {
            return [];
        }

        // New stamp: the person's cookie is re-issued (or refused) at the next check, with the new roles and agencies.
        Check(await users.UpdateSecurityStampAsync(user));
        Audit(actor, AuditAction.UserUpdated, $"{user.Email}：" + string.Join("；", changes));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await RefreshSelfAsync(actor, user);
        logger.LogInformation("User {UserId} updated", user.Id);
        return [];
    }

    /// <summary>Disables (or enables) an account. Null when it does not exist; a refusal when someone tries to disable themself.</summary>
    public async Task<UserRefusal?> SetDisabledAsync(string id, bool disabled, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id) ?? throw new KeyNotFoundException();
        if (disabled && IsSelf(actor, user))
        {
            return new UserRefusal("", "不能停用自己的账号。");
        }

        if (user.IsDisabled == disabled)
        {
            return null;
        }

        return await InTransactionAsync(async transaction => await SetDisabledInTransactionAsync(user, disabled, actor, transaction, cancellationToken));
    }

    private async Task<UserRefusal?> SetDisabledInTransactionAsync(PortalUser user, bool disabled, ClaimsPrincipal actor, IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        user.IsDisabled = disabled;
        if (disabled)
        {
            // Locked out for good and a new stamp: sign-in is refused, and an open session ends at the next stamp check.
            Check(await users.SetLockoutEnabledAsync(user, true));
            Check(await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));
        }
        else
        {
            Check(await users.SetLockoutEndDateAsync(user, null));
            Check(await users.ResetAccessFailedCountAsync(user));
        }

        Check(await users.UpdateSecurityStampAsync(user));
        Audit(actor, disabled ? AuditAction.UserDisabled : AuditAction.UserEnabled, $"{user.DisplayName}（{user.Email}）");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("User {UserId} {Outcome}", user.Id, disabled ? "disabled" : "enabled");
        return null;
    }

    /// <summary>
    /// Runs one unit of work in a transaction inside the provider's execution strategy: SQL Server's retrying strategy
    /// refuses a transaction begun outside it, and retries the whole unit after a transient failure. The unit commits
    /// itself; a unit that returns without committing is rolled back.
    /// </summary>
    private Task<T> InTransactionAsync<T>(Func<IDbContextTransaction, Task<T>> work) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            return await work(transaction);
        });

    /// <summary>Sets a new password typed by an Administrator. Identity's password rules apply; its messages come back at the field.</summary>
    public async Task<IReadOnlyList<UserRefusal>> ResetPasswordAsync(string id, string newPassword, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id) ?? throw new KeyNotFoundException();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, newPassword);
        if (!reset.Succeeded)
        {
            return reset.Errors.Select(e => new UserRefusal(nameof(PasswordResetForm.NewPassword), e.Description)).ToList();
        }

        // ResetPasswordAsync has updated the security stamp: every session of this account ends at once. The owner
        // chooses their own password at the next sign-in (unless the Administrator set their own).
        if (!IsSelf(actor, user))
        {
            await PasswordPolicy.RequireChangeAsync(users, user);
        }

        Audit(actor, AuditAction.UserUpdated, $"{user.Email}：管理员重置了密码");
        await db.SaveChangesAsync(cancellationToken);
        await RefreshSelfAsync(actor, user);
        logger.LogInformation("Password of user {UserId} reset by an Administrator", user.Id);
        return [];
    }

    public static bool IsSelf(ClaimsPrincipal actor, PortalUser user) => ActingStaff.Id(actor) == user.Id;

    private async Task RefreshSelfAsync(ClaimsPrincipal actor, PortalUser user)
    {
        // An Administrator who changed their own account keeps their session (with the new claims).
        if (IsSelf(actor, user))
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private async Task<Dictionary<int, string>> AgencyNamesAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Agencies.AsNoTracking().Where(a => wanted.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
    }

    private void Audit(ClaimsPrincipal actor, AuditAction action, string details) =>
        db.AuditEntries.Add(ActingStaff.Audit(actor, clock, action, details));

    private static string RoleNames(IEnumerable<string> roles) => string.Join("、", roles.Order(StringComparer.Ordinal).Select(PortalRoles.DisplayName));

    private static string FieldOf(IdentityError error, string passwordField) =>
        error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
        : error.Code is "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" ? nameof(UserCreateForm.Email)
        : "";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused an account change: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
