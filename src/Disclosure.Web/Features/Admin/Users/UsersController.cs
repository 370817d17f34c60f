using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Users;

/// <summary>Staff accounts: who may sign in, with which roles, for which agencies.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
[Route("admin/users")]
public sealed class UsersController(UserAdminQueries queries, UserCommands commands) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await queries.ListAsync(cancellationToken));

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View(new UserPage(null, new UserCreateForm(), await queries.AgenciesAsync(cancellationToken)));

    [HttpPost("new")]
    public async Task<IActionResult> Create(UserCreateForm form, CancellationToken cancellationToken)
    {
        if (this.Validate(new UserCreateFormValidator(), form))
        {
            var (id, refusals) = await commands.CreateAsync(form, User, cancellationToken);
            if (id is not null)
            {
                TempData["Message"] = $"已新建账号 {form.Email!.Trim()}。请将初始密码告知本人：本人首次登录时须改为自己的密码。";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(refusals);
        }

        form.Password = null;
        return View(new UserPage(null, form, await queries.AgenciesAsync(cancellationToken)));
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var user = await queries.FindAsync(id, cancellationToken);
        var form = await queries.FormAsync(id, cancellationToken);
        return user is null || form is null
            ? NotFound()
            : View(new UserPage(user, form, await queries.AgenciesAsync(cancellationToken), new PasswordResetForm()));
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, UserEditForm form, CancellationToken cancellationToken)
    {
        var user = await queries.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        if (this.Validate(new UserEditFormValidator(), form))
        {
            var refusals = await commands.UpdateAsync(id, form, User, cancellationToken);
            if (refusals is { Count: 0 })
            {
                TempData["Message"] = $"已保存账号 {user.Email}。";
                return RedirectToAction(nameof(Index));
            }

            AddErrors(refusals ?? []);
        }

        return View(new UserPage(user, form, await queries.AgenciesAsync(cancellationToken), new PasswordResetForm()));
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id, CancellationToken cancellationToken) => SetDisabled(id, true, cancellationToken);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id, CancellationToken cancellationToken) => SetDisabled(id, false, cancellationToken);

    [HttpPost("{id}/password")]
    public async Task<IActionResult> ResetPassword(string id, PasswordResetForm form, CancellationToken cancellationToken)
    {
        var user = await queries.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        if (this.Validate(new PasswordResetFormValidator(), form))
        {
            var refusals = await commands.ResetPasswordAsync(id, form.NewPassword!, User, cancellationToken);
            if (refusals.Count == 0)
            {
                TempData["Message"] = $"已为 {user.Email} 设置新密码。请将新密码告知本人：本人登录时须改为自己的密码；该账号已登录的会话已结束。";
                return RedirectToAction(nameof(Edit), new { id });
            }

            AddErrors(refusals);
        }

        return View(nameof(Edit), new UserPage(user, (await queries.FormAsync(id, cancellationToken))!, await queries.AgenciesAsync(cancellationToken), new PasswordResetForm()));
    }

    private async Task<IActionResult> SetDisabled(string id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await queries.FindAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        var refusal = await commands.SetDisabledAsync(id, disabled, User, cancellationToken);
        if (refusal is null)
        {
            TempData["Message"] = disabled ? $"已停用账号 {user.Email}：该账号不能再登录，已登录的会话已立即结束。" : $"已启用账号 {user.Email}。";
        }
        else
        {
            TempData["Error"] = refusal.Message;
        }

        return RedirectToAction(nameof(Edit), new { id });
    }

    private void AddErrors(IEnumerable<UserRefusal> refusals)
    {
        foreach (var refusal in refusals)
        {
            ModelState.AddModelError(refusal.Field, refusal.Message);
        }
    }
}
