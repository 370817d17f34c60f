using System.Security.Claims;
using Disclosure.Data.Identity;
using Microsoft.AspNetCore.Identity;

namespace Disclosure.Web.Infrastructure.Security;

/// <summary>
/// A password an Administrator typed (a new account's first one, or a reset) is known to two people: the account
/// carries a claim until its owner has chosen their own, and until then every staff page leads to the change form.
/// </summary>
public static class PasswordPolicy
{
    public const string MustChangeClaim = "disclosure:must-change-password";

    public const string ChangePath = "/account/password";

    public static async Task<bool> MustChangeAsync(UserManager<PortalUser> users, PortalUser user) =>
        (await users.GetClaimsAsync(user)).Any(c => c.Type == MustChangeClaim);

    public static async Task RequireChangeAsync(UserManager<PortalUser> users, PortalUser user)
    {
        if (!await MustChangeAsync(users, user))
        {
            Check(await users.AddClaimAsync(user, new Claim(MustChangeClaim, "true")));
        }
    }

    public static async Task ClearAsync(UserManager<PortalUser> users, PortalUser user)
    {
        var claims = (await users.GetClaimsAsync(user)).Where(c => c.Type == MustChangeClaim).ToList();
        if (claims.Count > 0)
        {
            Check(await users.RemoveClaimsAsync(user, claims));
        }
    }

    /// <summary>A signed-in person who must change their password reaches only the change form (and sign-out).</summary>
    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.User.HasClaim(c => c.Type == MustChangeClaim)
                && context.Request.Path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Redirect(ChangePath);
                return Task.CompletedTask;
            }

            return next(context);
        });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Identity refused a claim change: " + string.Join(", ", result.Errors.Select(e => e.Code)));
        }
    }
}
