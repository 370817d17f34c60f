namespace Disclosure.Domain.Register;

/// <summary>
/// 申请人 and 联系方式 are personal information (《个人信息保护法》, register.md): only that office's staff see them,
/// lists show them masked, and they never reach a public page, open data, a log or an error message.
/// </summary>
public static class PersonalData
{
    /// <summary>A name as lists show it: its first character and one asterisk (张三 → 张*); null stays null.</summary>
    public static string? Mask(string? name)
    {
        var t = name?.Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }

        var first = char.IsSurrogate(t[0]) && t.Length > 1 ? t[..2] : t[..1];
        return first + "*";
    }
}
