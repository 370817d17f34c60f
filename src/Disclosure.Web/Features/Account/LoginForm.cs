using Disclosure.Web.Infrastructure;
using FluentValidation;

namespace Disclosure.Web.Features.Account;

public sealed record LoginForm
{
    public const int EmailMaxLength = 256;
    public const int PasswordMaxLength = 128;

    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("请输入邮箱。")
            .MaximumLength(LoginForm.EmailMaxLength).WithMessage($"邮箱最多 {LoginForm.EmailMaxLength} 个字符。")
            .NoControlCharacters()
            .EmailAddress().WithMessage("邮箱格式不正确。");
        RuleFor(f => f.Password).NotEmpty().WithMessage("请输入密码。")
            .MaximumLength(LoginForm.PasswordMaxLength).WithMessage($"密码最多 {LoginForm.PasswordMaxLength} 个字符。");
    }
}

/// <summary>A signed-in person changes their own password (and must, after an Administrator set it).</summary>
public sealed record PasswordChangeForm
{
    public string? CurrentPassword { get; set; }

    public string? NewPassword { get; set; }

    public string? ConfirmPassword { get; set; }
}

public sealed class PasswordChangeFormValidator : AbstractValidator<PasswordChangeForm>
{
    public PasswordChangeFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("请输入当前密码。")
            .MaximumLength(LoginForm.PasswordMaxLength).WithMessage($"密码最多 {LoginForm.PasswordMaxLength} 个字符。");
        RuleFor(f => f.NewPassword).NotEmpty().WithMessage("请输入新密码。")
            .MaximumLength(LoginForm.PasswordMaxLength).WithMessage($"密码最多 {LoginForm.PasswordMaxLength} 个字符。")
            .NoControlCharacters()
            .Must((form, password) => password != form.CurrentPassword).WithMessage("新密码不能与当前密码相同。");
        RuleFor(f => f.ConfirmPassword).Equal(f => f.NewPassword).WithMessage("两次输入的新密码不一致。");
    }
}
