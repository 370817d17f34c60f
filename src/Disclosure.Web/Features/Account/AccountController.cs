using Disclosure.Data.Identity;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Disclosure.Web.Features.Account;

/// <summary>Staff sign-in and sign-out. There is no self-registration: Administrators create accounts.</summary>
public sealed class AccountController(SignInManager<PortalUser> signIn, UserManager<PortalUser> users, ILogger<AccountController> logger) : Controller
{
    [HttpGet("account/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("account/login")]
    [EnableRateLimiting(StaffRegistration.LoginRateLimit)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!this.Validate(new LoginFormValidator(), form))
        {
            return View(form);
        }

        var user = await users.FindByEmailAsync(form.Email!.Trim());
        if (user is null || user.IsDisabled)
        {
            logger.LogInformation("Sign-in refused: unknown or disabled account");
            ModelState.AddModelError("", "邮箱或密码不正确。");
            return View(form with { Password = null });
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/admin");
        }

        logger.LogInformation("Sign-in failed for user {UserId}; locked out: {LockedOut}", user.Id, result.IsLockedOut);
        ModelState.AddModelError("", result.IsLockedOut
            ? "密码错误次数过多，账号已暂时锁定，请 15 分钟后再试。"
            : "邮箱或密码不正确。");
        return View(form with { Password = null });
    }

    [HttpPost("account/logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("account/denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}
