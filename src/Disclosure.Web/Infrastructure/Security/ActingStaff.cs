using System.Security.Claims;
using Disclosure.Domain.Audit;

namespace Disclosure.Web.Infrastructure.Security;

/// <summary>
/// The staff member a request acts as, named the same way everywhere: the account id, and 「姓名（邮箱）」 for the
/// audit trail and conflict notices. Every staff write records its <see cref="AuditEntry"/> through <see cref="Audit"/>.
/// </summary>
public static class ActingStaff
{
    public static string? Id(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string Name(ClaimsPrincipal user) =>
        $"{user.FindFirstValue("name")}（{user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name}）";

    /// <summary>An audit entry of what <paramref name="user"/> did, to be added to the same save as the change.</summary>
    public static AuditEntry Audit(ClaimsPrincipal user, TimeProvider clock, AuditAction action, string? details = null) =>
        new(clock.GetUtcNow(), Id(user), Name(user), action, details);
}
