using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Disclosure.Web.Infrastructure.Security;

/// <summary>
/// The absolute limit of a staff session: the cookie carries the moment of sign-in (in its protected properties,
/// kept when the cookie is renewed or refreshed), and a cookie older than <see cref="StaffRegistration.AbsoluteLifetime"/>
/// is refused and removed, however active the session was. Then Identity's security-stamp check runs.
/// </summary>
public static class SessionLifetime
{
    public static void Attach(CookieAuthenticationEvents events)
    {
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = context =>
        {
            if (!context.Properties.Items.ContainsKey(StaffRegistration.SignedInAtItem))
            {
                var now = Clock(context.HttpContext).GetUtcNow();
                context.Properties.Items[StaffRegistration.SignedInAtItem] = now.ToString("O", CultureInfo.InvariantCulture);
            }

            return signingIn(context);
        };

        var validate = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            if (Expired(context.Properties, Clock(context.HttpContext).GetUtcNow()))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            await validate(context);
        };
    }

    /// <summary>A cookie without the moment of sign-in (made before this rule) counts as expired.</summary>
    public static bool Expired(AuthenticationProperties properties, DateTimeOffset now) =>
        !properties.Items.TryGetValue(StaffRegistration.SignedInAtItem, out var at)
        || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
        || now - signedIn > StaffRegistration.AbsoluteLifetime;

    /// <summary>
    /// When the signed-in session of this request ends if the user makes no further request: the idle timeout from
    /// now, or the absolute lifetime from sign-in, whichever comes first. Null when no one is signed in.
    /// </summary>
    public static async Task<DateTimeOffset?> EndsAtAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!result.Succeeded || result.Properties is null)
        {
            return null;
        }

        var now = Clock(context).GetUtcNow();
        var idle = now + StaffRegistration.IdleTimeout;
        return result.Properties.Items.TryGetValue(StaffRegistration.SignedInAtItem, out var at)
            && DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedIn)
            && signedIn + StaffRegistration.AbsoluteLifetime < idle
                ? signedIn + StaffRegistration.AbsoluteLifetime
                : idle;
    }

    private static TimeProvider Clock(HttpContext context) => context.RequestServices.GetRequiredService<TimeProvider>();
}
