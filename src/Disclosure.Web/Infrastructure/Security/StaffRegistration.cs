using System.Threading.RateLimiting;
using Disclosure.Data;
using Disclosure.Data.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Disclosure.Web.Infrastructure.Security;

public static class StaffRegistration
{
    public const string LoginRateLimit = "login";

    /// <summary>The sign-in cookie; a request that carries it is never served from the public page cache.</summary>
    public const string StaffCookie = "disclosure.staff";

    /// <summary>Maximum sign-in attempts per client address per minute (the lockout per account is separate).</summary>
    public const int LoginAttemptsPerMinute = 10;

    /// <summary>
    /// Secure cookies (sent over HTTPS only) unless <c>Security:RequireHttps</c> is false — by default only in
    /// Development, where <c>dotnet run</c> serves http://localhost. Elsewhere turn it off only for a trial over plain
    /// HTTP: the sign-in cookie then travels unencrypted.
    /// </summary>
    public static bool RequireHttps(IHostEnvironment environment, IConfiguration configuration) =>
        configuration.GetValue<bool?>("Security:RequireHttps") ?? !environment.IsDevelopment();

    /// <summary>The staff area: sign-in and the workspace (never cached, never compressed, HTTPS only).</summary>
    public static bool IsStaffPath(PathString path) =>
        path.StartsWithSegments("/account", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/admin", StringComparison.OrdinalIgnoreCase);

    public static CookieSecurePolicy SecurePolicy(IHostEnvironment environment, IConfiguration configuration) =>
        RequireHttps(environment, configuration) ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public static IServiceCollection AddStaffAccounts(this IServiceCollection services)
    {
        services
            .AddIdentity<PortalUser, IdentityRole>(identity =>
            {
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequiredUniqueChars = 5;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<DisclosureDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrors>();

        // Assignments and disabling take effect within a minute, without waiting for the cookie to expire.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.Name = StaffCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "disclosure.af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Secure cookies unless Security:RequireHttps is off (Development); then a staff page requested over plain
        // HTTP is redirected or refused (StaffHttps).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment, IConfiguration>((cookie, environment, configuration) => cookie.Cookie.SecurePolicy = SecurePolicy(environment, configuration));
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IHostEnvironment, IConfiguration>((antiforgery, environment, configuration) => antiforgery.Cookie.SecurePolicy = SecurePolicy(environment, configuration));

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireRole(PortalRoles.All))
            .AddPolicy(StaffPolicies.Review, policy => policy.RequireRole(PortalRoles.Reviewer, PortalRoles.Administrator))
            .AddPolicy(StaffPolicies.Administer, policy => policy.RequireRole(PortalRoles.Administrator));
        services.AddSingleton<IAuthorizationHandler, AgencyAuthorizationHandler>();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(LoginRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = LoginAttemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }
}

/// <summary>Identity's messages, in Chinese, for the forms that show them.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少 {length} 位。" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含数字。" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码须包含小写字母。" };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码须包含至少 {uniqueChars} 个不同的字符。" };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"邮箱 {email} 已被其他账号使用。" };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"账号 {userName} 已存在。" };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"邮箱格式不正确：{email}" };
}
