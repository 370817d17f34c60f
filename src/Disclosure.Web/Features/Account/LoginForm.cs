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
            .EmailAddress().WithMessage("邮箱格式不正确。");
        RuleFor(f => f.Password).NotEmpty().WithMessage("请输入密码。")
            .MaximumLength(LoginForm.PasswordMaxLength).WithMessage($"密码最多 {LoginForm.PasswordMaxLength} 个字符。");
    }
}
