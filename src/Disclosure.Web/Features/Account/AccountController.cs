using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Disclosure.Web.Features.Account;

/// <summary>Staff sign-in, sign-out and password change. There is no self-registration: Administrators create accounts.</summary>
public sealed class AccountController(StaffSignIn staffSignIn) : Controller
{
    /// <summary>The one message for a wrong password, an unknown address and a disabled account.</summary>
    public const string Refused = "邮箱或密码不正确。";

    [HttpGet("account/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [HttpPost("account/login")]
    [EnableRateLimiting(StaffRegistration.LoginRateLimit)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!this.Validate(new LoginFormValidator(), form))
        {
            return View(form with { Password = null });
        }

        var (outcome, wait) = await staffSignIn.SignInAsync(form.Email!.Trim(), form.Password!, HttpContext.Connection.RemoteIpAddress);
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/admin");
            case SignInOutcome.MustChangePassword:
                return LocalRedirect(PasswordPolicy.ChangePath);
            case SignInOutcome.Wait:
                ModelState.AddModelError("", $"这个邮箱在本机登录失败次数过多，请 {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} 分钟后再试。");
                return View(form with { Password = null });
            default:
                ModelState.AddModelError("", Refused);
                return View(form with { Password = null });
        }
    }

    /// <summary>Ends every session of the account at once (a new security stamp, checked on every request).</summary>
    [HttpPost("account/logout")]
    [Authorize]
    public async Task<IActionResult> Logout()
    {
        await staffSignIn.SignOutAsync(User);
        return LocalRedirect("/");
    }

    [HttpGet("account/password")]
    [Authorize(Policy = StaffPolicies.Staff)]
    public IActionResult Password() => View(new PasswordPage(new PasswordChangeForm(), User.HasClaim(c => c.Type == PasswordPolicy.MustChangeClaim)));

    /// <summary>
    /// Changes the signed-in person's password: their other sessions end (a new stamp), this one continues; a
    /// password an Administrator set no longer has to be changed.
    /// </summary>
    [HttpPost("account/password")]
    [Authorize(Policy = StaffPolicies.Staff)]
    public async Task<IActionResult> Password(PasswordChangeForm form, CancellationToken cancellationToken)
    {
        var forced = User.HasClaim(c => c.Type == PasswordPolicy.MustChangeClaim);
        if (this.Validate(new PasswordChangeFormValidator(), form))
        {
            var changed = await staffSignIn.ChangePasswordAsync(User, form.CurrentPassword!, form.NewPassword!, cancellationToken);
            if (changed.Succeeded)
            {
                TempData["Message"] = "密码已修改。您在其他设备上的登录已退出。";
                return LocalRedirect("/admin");
            }

            foreach (var error in changed.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? nameof(form.CurrentPassword) : nameof(form.NewPassword), error.Description);
            }
        }

        return View(new PasswordPage(new PasswordChangeForm(), forced));
    }

    [HttpGet("account/denied")]
    public IActionResult Denied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }
}

/// <summary>The password change page: the form, and whether the change is required before anything else.</summary>
public sealed record PasswordPage(PasswordChangeForm Form, bool Forced);
