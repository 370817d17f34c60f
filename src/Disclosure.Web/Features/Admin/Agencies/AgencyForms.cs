using Disclosure.Domain.Agencies;
using Disclosure.Web.Infrastructure;
using FluentValidation;

namespace Disclosure.Web.Features.Admin.Agencies;

/// <summary>What an Administrator types to create or change an agency.</summary>
public sealed class AgencyForm
{
    public string? Name { get; set; }

    public string? Slug { get; set; }

    public string? Level { get; set; }

    public int? ParentId { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    public AgencyLevel ToLevel() => Enum.Parse<AgencyLevel>(Level!);
}

public sealed class AgencyFormValidator : AbstractValidator<AgencyForm>
{
    public AgencyFormValidator()
    {
        RuleFor(f => f.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写机关名称。")
            .Must(n => n is null || n.Trim().Length <= Agency.NameMaxLength).WithMessage($"机关名称最多 {Agency.NameMaxLength} 个字。")
            .NoControlCharacters();
        RuleFor(f => f.Slug).Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("请填写网址标识。")
            .Must(s => s is null || s.Trim().Length <= Agency.SlugMaxLength).WithMessage($"网址标识最多 {Agency.SlugMaxLength} 个字符。")
            .Must(s => string.IsNullOrWhiteSpace(s) || s.Trim().Length > Agency.SlugMaxLength || Agency.IsValidSlug(s.Trim()))
            .WithMessage("网址标识只能使用小写英文字母、数字和单个连字符“-”，且不能以连字符开头或结尾，如 zhongwei-commerce。");
        RuleFor(f => f.Level).Must(l => Enum.TryParse<AgencyLevel>(l, out var level) && Enum.IsDefined(level) && !int.TryParse(l, out _))
            .WithMessage("请选择机关层级。");
        RuleFor(f => f.Address).Must(a => a is null || a.Trim().Length <= Agency.AddressMaxLength)
            .WithMessage($"地址最多 {Agency.AddressMaxLength} 个字。")
            .NoControlCharacters();
        RuleFor(f => f.Phone).Must(p => p is null || p.Trim().Length <= Agency.PhoneMaxLength)
            .WithMessage($"电话最多 {Agency.PhoneMaxLength} 个字符。")
            .NoControlCharacters();
    }
}
