using System.Text.RegularExpressions;

namespace Disclosure.Domain.Agencies;

/// <summary>A government office that publishes an annual report.</summary>
public sealed partial class Agency
{
    public const int SlugMaxLength = 64;
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 300;
    public const int PhoneMaxLength = 50;

    private Agency()
    {
        Slug = "";
        Name = "";
    }

    public Agency(string slug, string name, AgencyLevel level, Agency? parent = null, string? address = null, string? phone = null)
    {
        Slug = ValidSlug(slug);
        Name = ValidText(name, NameMaxLength, nameof(name)) ?? throw new ArgumentException("An agency needs a name.", nameof(name));
        Level = level;
        Parent = parent;
        ParentId = parent?.Id;
        Address = ValidText(address, AddressMaxLength, nameof(address));
        Phone = ValidText(phone, PhoneMaxLength, nameof(phone));
    }

    public int Id { get; private set; }

    /// <summary>ASCII, lower case, digits and hyphens; used in URLs (<c>/agencies/{slug}</c>).</summary>
    public string Slug { get; private set; }

    public string Name { get; private set; }

    public AgencyLevel Level { get; private set; }

    public int? ParentId { get; private set; }

    public Agency? Parent { get; private set; }

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    public void UpdateContact(string? address, string? phone)
    {
        Address = ValidText(address, AddressMaxLength, nameof(address));
        Phone = ValidText(phone, PhoneMaxLength, nameof(phone));
    }

    public static bool IsValidSlug(string? slug) =>
        slug is { Length: > 0 and <= SlugMaxLength } && SlugPattern().IsMatch(slug);

    private static string ValidSlug(string slug) =>
        IsValidSlug(slug)
            ? slug
            : throw new ArgumentException($"A slug is 1–{SlugMaxLength} lower-case ASCII letters, digits and single hyphens: '{slug}'.", nameof(slug));

    private static string? ValidText(string? value, int maxLength, string parameter)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw new ArgumentException($"At most {maxLength} characters.", parameter);
    }

    // \z, not $: in .NET, $ also matches before a final "\n".
    [GeneratedRegex(@"\A[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
