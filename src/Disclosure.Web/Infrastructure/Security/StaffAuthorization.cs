using System.Security.Claims;
using Disclosure.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Disclosure.Web.Infrastructure.Security;

/// <summary>The policies staff pages use, and the agency claims behind resource-based checks.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member.</summary>
    public const string Staff = "Staff";

    /// <summary>Reviewers and Administrators.</summary>
    public const string Review = "Review";

    /// <summary>Administrators only.</summary>
    public const string Administer = "Administer";

    /// <summary>A claim per agency an Editor is assigned to (the agency id).</summary>
    public const string AgencyClaim = "disclosure:agency";
}

/// <summary>What someone wants to do with an agency's reports.</summary>
public enum AgencyOperation
{
    /// <summary>Read drafts and their history.</summary>
    Read,

    /// <summary>Start, edit and submit the agency's report.</summary>
    Edit,
}

/// <summary>A resource-based requirement: the resource is the agency id.</summary>
public sealed record AgencyRequirement(AgencyOperation Operation) : IAuthorizationRequirement;

/// <summary>
/// Administrators may do anything; Reviewers may read every agency's drafts; Editors may read and edit only the
/// agencies assigned to them (claims issued at sign-in, refreshed when assignments change).
/// </summary>
public sealed class AgencyAuthorizationHandler : AuthorizationHandler<AgencyRequirement, int>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AgencyRequirement requirement, int agencyId)
    {
        var user = context.User;
        if (user.IsInRole(PortalRoles.Administrator)
            || (requirement.Operation == AgencyOperation.Read && user.IsInRole(PortalRoles.Reviewer))
            || (user.IsInRole(PortalRoles.Editor) && IsAssigned(user, agencyId)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public static bool IsAssigned(ClaimsPrincipal user, int agencyId) =>
        user.FindAll(StaffPolicies.AgencyClaim).Any(c => c.Value == agencyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>Adds the display name and the agency assignments to the sign-in cookie.</summary>
public sealed class PortalClaimsFactory(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    Data.DisclosureDbContext db)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", string.IsNullOrEmpty(user.DisplayName) ? user.Email ?? user.UserName ?? "" : user.DisplayName));
        var agencies = await db.UserAgencies.AsNoTracking().Where(a => a.UserId == user.Id).Select(a => a.AgencyId).ToListAsync();
        foreach (var agency in agencies)
        {
            identity.AddClaim(new Claim(StaffPolicies.AgencyClaim, agency.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
