using System.Threading.RateLimiting;
using Disclosure.Data;
using Disclosure.Data.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Disclosure.Web.Infrastructure.Security;

public static class StaffRegistration
{
    public const string LoginRateLimit = "login";

    /// <summary>
    /// The sign-in cookie; a request that carries it is never served from the public page cache. Where cookies are
    /// Secure its name has the <c>__Host-</c> prefix (browsers then accept it only over HTTPS, for this host and path
    /// <c>/</c>, never set by a sibling domain); over plain HTTP in Development it cannot.
    /// </summary>
    public const string StaffCookie = "disclosure.staff";

    public const string AntiforgeryCookie = "disclosure.af";

    public const string TempDataCookie = "disclosure.msg";

    /// <summary>The prefix browsers reserve for Secure, host-only cookies of path <c>/</c>.</summary>
    public const string HostPrefix = "__Host-";

    /// <summary>A session ends this long after sign-in, however active (beside the sliding <see cref="IdleTimeout"/>).</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>A session ends after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    /// <summary>When the session began (UTC, round-trip format), kept in the cookie's properties across renewals.</summary>
    public const string SignedInAtItem = "disclosure.signed-in-at";

    /// <summary>The cookie's name in this configuration.</summary>
    public static string CookieName(string name, IHostEnvironment environment, IConfiguration configuration) =>
        RequireHttps(environment, configuration) ? HostPrefix + name : name;

    /// <summary>Whether the request carries the sign-in cookie (under either name).</summary>
    public static bool HasStaffCookie(HttpRequest request) =>
        request.Cookies.ContainsKey(HostPrefix + StaffCookie) || request.Cookies.ContainsKey(StaffCookie);

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
                // No lockout on failed passwords (anyone who knows an address could keep its owner out): the
                // sign-in slows down one client guessing one address instead (SignInThrottle). Lockout stays enabled
                // for disabling an account (lockout end = for ever).
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = true;
                identity.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<DisclosureDbContext>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrors>();

        // The security stamp is checked on every request: sign-out, disabling, a role change or a new password end
        // every session of the account at once (one indexed read per staff request).
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<Features.Account.StaffSignIn>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = IdleTimeout;
            cookie.SlidingExpiration = true;
            SessionLifetime.Attach(cookie.Events);
        });
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SameSite = SameSiteMode.Strict);
        services.Configure<CookieTempDataProviderOptions>(tempData =>
        {
            tempData.Cookie.SameSite = SameSiteMode.Strict;
            tempData.Cookie.HttpOnly = true;
            tempData.Cookie.IsEssential = true;
        });

        // Secure cookies unless Security:RequireHttps is off (Development); then a staff page requested over plain
        // HTTP is redirected or refused (StaffHttps).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment, IConfiguration>((cookie, environment, configuration) =>
            {
                cookie.Cookie.SecurePolicy = SecurePolicy(environment, configuration);
                cookie.Cookie.Name = CookieName(StaffCookie, environment, configuration);
            });
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IHostEnvironment, IConfiguration>((antiforgery, environment, configuration) =>
            {
                antiforgery.Cookie.SecurePolicy = SecurePolicy(environment, configuration);
                antiforgery.Cookie.Name = CookieName(AntiforgeryCookie, environment, configuration);
            });
        services.AddOptions<CookieTempDataProviderOptions>()
            .Configure<IHostEnvironment, IConfiguration>((tempData, environment, configuration) =>
            {
                tempData.Cookie.SecurePolicy = SecurePolicy(environment, configuration);
                tempData.Cookie.Name = CookieName(TempDataCookie, environment, configuration);
            });

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
            Features.Admin.Reports.DraftPdfCache.AddRateLimit(limiter);
        });
        services.AddSingleton<Features.Admin.Reports.DraftPdfCache>();
        return services;
    }
}

/// <summary>Identity's messages, in Chinese, for the forms that show them (every one, so no English reaches a page).</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作未能完成，请重试。" };

    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "账号已被他人同时修改，请重新打开页面后再试。" };

    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "当前密码不正确。" };

    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "链接或验证码无效或已过期。" };

    public override IdentityError RecoveryCodeRedemptionFailed() => new() { Code = nameof(RecoveryCodeRedemptionFailed), Description = "恢复码无效。" };

    public override IdentityError LoginAlreadyAssociated() => new() { Code = nameof(LoginAlreadyAssociated), Description = "该外部登录已关联其他账号。" };

    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"账号名不可用：{userName}" };

    public override IdentityError InvalidRoleName(string? role) => new() { Code = nameof(InvalidRoleName), Description = $"角色名不可用：{role}" };

    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = $"角色 {role} 已存在。" };

    public override IdentityError UserAlreadyHasPassword() => new() { Code = nameof(UserAlreadyHasPassword), Description = "该账号已设置密码。" };

    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "该账号未启用锁定。" };

    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"账号已有角色 {role}。" };

    public override IdentityError UserNotInRole(string role) => new() { Code = nameof(UserNotInRole), Description = $"账号没有角色 {role}。" };

    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码须包含字母和数字以外的符号。" };

    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码须包含大写字母。" };

    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少 {length} 位。" };

    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码须包含数字。" };

    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码须包含小写字母。" };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码须包含至少 {uniqueChars} 个不同的字符。" };

    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"邮箱 {email} 已被其他账号使用。" };

    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"账号 {userName} 已存在。" };

    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"邮箱格式不正确：{email}" };
}
