using System.Net;
using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Data.Identity;
using Disclosure.Domain.Audit;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Account;

/// <summary>What a sign-in attempt came to (the page says the same for every failure but a wait).</summary>
public enum SignInOutcome
{
    SignedIn,
    MustChangePassword,
    Refused,
    Wait,
}

/// <summary>
/// A sign-in with the same work and the same answer whether the address exists or not: an unknown or disabled
/// address still has a password hash checked (against a hash made at start-up), failures are counted per address and
/// client by <see cref="SignInThrottle"/> (never an account lockout someone else can hold), and every success and
/// failure goes into the audit trail.
/// </summary>
public sealed class StaffSignIn(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    IPasswordHasher<PortalUser> hasher,
    SignInThrottle throttle,
    DisclosureDbContext db,
    TimeProvider clock,
    ILogger<StaffSignIn> logger)
{
    /// <summary>A hash of a random password, to verify against when the address has no usable account.</summary>
    private static string? _decoy;

    public async Task<(SignInOutcome Outcome, TimeSpan Wait)> SignInAsync(string email, string password, IPAddress? client)
    {
        var wait = throttle.Wait(email, client);
        if (wait > TimeSpan.Zero)
        {
            logger.LogInformation("Sign-in refused: too many failures from this client for this address; wait {Seconds} s", (int)wait.TotalSeconds);
            Audit(null, AuditAction.SignInFailed, $"{Shorten(email)}：失败次数过多，须等待 {Math.Ceiling(wait.TotalMinutes)} 分钟");
            await db.SaveChangesAsync();
            return (SignInOutcome.Wait, wait);
        }

        var user = await users.FindByEmailAsync(email);
        var usable = user is { IsDisabled: false, PasswordHash: not null } && !await users.IsLockedOutAsync(user);
        var verified = usable
            ? hasher.VerifyHashedPassword(user!, user!.PasswordHash!, password)
            : VerifyDecoy(password);
        if (verified == PasswordVerificationResult.Failed)
        {
            throttle.Failed(email, client);
            logger.LogInformation("Sign-in failed for {Account}", user is null ? "an unknown address" : "user " + user.Id);
            Audit(user, AuditAction.SignInFailed, user is null ? $"{Shorten(email)}：账号不存在" : usable ? "密码错误" : "账号已停用或锁定");
            await db.SaveChangesAsync();
            return (SignInOutcome.Refused, TimeSpan.Zero);
        }

        throttle.Succeeded(email, client);
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user!.PasswordHash = hasher.HashPassword(user, password);
            await users.UpdateAsync(user);
        }

        await signIn.SignInAsync(user!, isPersistent: false);
        logger.LogInformation("User {UserId} signed in", user!.Id);
        Audit(user, AuditAction.SignedIn, null);
        await db.SaveChangesAsync();
        return (await PasswordPolicy.MustChangeAsync(users, user) ? SignInOutcome.MustChangePassword : SignInOutcome.SignedIn, TimeSpan.Zero);
    }

    /// <summary>Ends this session and every other one of the account (a new security stamp), then records it.</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is not null)
        {
            // The store saves the new stamp and, in the same save, the audit entry tracked before it.
            Audit(user, AuditAction.SignedOut, null);
            await users.UpdateSecurityStampAsync(user);
            await db.SaveChangesAsync();
            logger.LogInformation("User {UserId} signed out; every session of the account ended", user.Id);
        }

        await signIn.SignOutAsync();
    }

    /// <summary>
    /// Changes the signed-in person's password. The new hash, the end of a required change (the Administrator's
    /// password no longer has to be replaced) and the audit entry commit together, in one transaction inside the
    /// provider's execution strategy; then this session continues under the new security stamp and every other one ends.
    /// </summary>
    public async Task<IdentityResult> ChangePasswordAsync(ClaimsPrincipal principal, string current, string replacement, CancellationToken cancellationToken)
    {
        var id = users.GetUserId(principal) ?? throw new InvalidOperationException("Only a signed-in person changes a password.");
        var forced = principal.HasClaim(c => c.Type == PasswordPolicy.MustChangeClaim);
        var (result, user) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            // A retried attempt starts from the stored account, not from one the failed attempt changed.
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = await users.FindByIdAsync(id) ?? throw new InvalidOperationException("The signed-in account no longer exists.");
            var changed = await users.ChangePasswordAsync(user, current, replacement);
            if (!changed.Succeeded)
            {
                return (await WithNewPasswordProblemsAsync(changed, user, replacement), user);
            }

            await PasswordPolicy.ClearAsync(users, user);
            db.AuditEntries.Add(ActingStaff.Audit(principal, clock, AuditAction.PasswordChanged, forced ? "更换了管理员设置的初始密码" : null));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (changed, user);
        });

        if (result.Succeeded)
        {
            await signIn.RefreshSignInAsync(user);
            logger.LogInformation("User {UserId} changed their password", user.Id);
        }

        return result;
    }

    /// <summary>
    /// Identity stops at a wrong current password; the new one's problems (too short, no digit…) are named beside it,
    /// so one submission says everything.
    /// </summary>
    private async Task<IdentityResult> WithNewPasswordProblemsAsync(IdentityResult refused, PortalUser user, string replacement)
    {
        if (!refused.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            return refused;
        }

        var problems = refused.Errors.ToList();
        foreach (var validator in users.PasswordValidators)
        {
            problems.AddRange((await validator.ValidateAsync(users, user, replacement)).Errors);
        }

        return problems.Count == refused.Errors.Count() ? refused : IdentityResult.Failed([.. problems]);
    }

    /// <summary>The same work as a real check; always a failure.</summary>
    private PasswordVerificationResult VerifyDecoy(string password)
    {
        hasher.VerifyHashedPassword(new PortalUser(), Decoy(), password);
        return PasswordVerificationResult.Failed;
    }

    private string Decoy() => _decoy ??= hasher.HashPassword(new PortalUser(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));

    private void Audit(PortalUser? user, AuditAction action, string? details) =>
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow(), user?.Id, user?.Email ?? "（未知账号）", action, details));

    private static string Shorten(string email) => email.Length > 100 ? email[..100] + "…" : email;
}
