using Disclosure.Data.Identity;
using Disclosure.Web.Infrastructure;
using FluentValidation;

namespace Disclosure.Web.Features.Admin.Users;

/// <summary>Roles and agency assignments, common to creating and editing an account.</summary>
public class UserAccessForm
{
    public const int EmailMaxLength = 256;

    public string? DisplayName { get; set; }

    public List<string> Roles { get; set; } = [];

    public List<int> Agencies { get; set; } = [];
}

/// <summary>A new account: the Administrator types the first password and gives it to the person.</summary>
public sealed class UserCreateForm : UserAccessForm
{
    public string? Email { get; set; }

    public string? Password { get; set; }
}

public sealed class UserEditForm : UserAccessForm;

/// <summary>A new password an Administrator sets for someone who lost theirs.</summary>
public sealed class PasswordResetForm
{
    public string? NewPassword { get; set; }
}

public class UserAccessFormValidator<T> : AbstractValidator<T>
    where T : UserAccessForm
{
    public UserAccessFormValidator()
    {
        RuleFor(f => f.DisplayName).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写姓名（显示名称）。")
            .Must(n => n is null || n.Trim().Length <= PortalUser.DisplayNameMaxLength).WithMessage($"姓名最多 {PortalUser.DisplayNameMaxLength} 个字。")
            .NoControlCharacters();
        RuleFor(f => f.Roles).Must(r => r.Count > 0).WithMessage("请至少选择一个角色。")
            .Must(r => r.All(PortalRoles.All.Contains)).WithMessage("所选角色不存在。");
        RuleFor(f => f.Agencies).Must((form, agencies) => agencies.Count == 0 || form.Roles.Contains(PortalRoles.Editor))
            .WithMessage("只有填报人需要分配机关：请勾选“填报人”角色，或取消所选机关。");
    }
}

public sealed class UserCreateFormValidator : UserAccessFormValidator<UserCreateForm>
{
    public UserCreateFormValidator()
    {
        RuleFor(f => f.Email).Must(e => !string.IsNullOrWhiteSpace(e)).WithMessage("请填写邮箱。")
            .Must(e => e is null || e.Trim().Length <= UserAccessForm.EmailMaxLength).WithMessage($"邮箱最多 {UserAccessForm.EmailMaxLength} 个字符。")
            .NoControlCharacters()
            .EmailAddress().WithMessage("邮箱格式不正确，如 name@example.gov.cn。");
        RuleFor(f => f.Password).NotEmpty().WithMessage("请设置初始密码。");
    }
}

public sealed class UserEditFormValidator : UserAccessFormValidator<UserEditForm>;

public sealed class PasswordResetFormValidator : AbstractValidator<PasswordResetForm>
{
    public PasswordResetFormValidator()
    {
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("请填写新密码。");
    }
}
