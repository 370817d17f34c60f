using System.Text.RegularExpressions;
using Disclosure.Domain.Publication;

namespace Disclosure.Domain.Agencies;

/// <summary>A government office that publishes an annual report.</summary>
public sealed partial class Agency : IRaisesPublicationEvents
{
    public const int SlugMaxLength = 64;
    public const int NameMaxLength = 200;
    public const int AddressMaxLength = 300;
    public const int PhoneMaxLength = 50;

    private readonly List<PublicationEvent> _events = [];
    private readonly List<FormerSlug> _formerSlugs = [];

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
        _events.Add(new AgencyCreated(this));
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

    public IReadOnlyList<PublicationEvent> PublicationEvents => _events;

    public void ClearPublicationEvents() => _events.Clear();

    /// <summary>The web addresses the agency had before; addresses with them are redirected to the current one.</summary>
    public IReadOnlyCollection<FormerSlug> FormerSlugs => _formerSlugs;

    public void UpdateContact(string? address, string? phone)
    {
        var newAddress = ValidText(address, AddressMaxLength, nameof(address));
        var newPhone = ValidText(phone, PhoneMaxLength, nameof(phone));
        if (newAddress != Address || newPhone != Phone)
        {
            (Address, Phone) = (newAddress, newPhone);
            _events.Add(new AgencyChanged(this));
        }
    }

    /// <summary>
    /// Changes everything an Administrator may change; returns the names of the fields that changed (for the audit
    /// trail) and, when any did, raises <see cref="AgencyChanged"/>. A parent may not be the agency itself or one of its descendants (the chain is followed through
    /// <see cref="Parent"/>, so load the agencies involved first).
    /// </summary>
    public IReadOnlyList<string> Update(string slug, string name, AgencyLevel level, Agency? parent, string? address, string? phone, DateTimeOffset at)
    {
        var newSlug = ValidSlug(slug);
        var newName = ValidText(name, NameMaxLength, nameof(name)) ?? throw new ArgumentException("An agency needs a name.", nameof(name));
        var newAddress = ValidText(address, AddressMaxLength, nameof(address));
        var newPhone = ValidText(phone, PhoneMaxLength, nameof(phone));
        if (parent is not null && IsSelfOrAncestorOf(parent))
        {
            throw new ArgumentException("An agency cannot sit under itself or one of its own subordinate agencies.", nameof(parent));
        }

        var changed = new List<string>();
        if (newSlug != Slug)
        {
            changed.Add(nameof(Slug));
        }

        if (newName != Name)
        {
            changed.Add(nameof(Name));
        }

        if (level != Level)
        {
            changed.Add(nameof(Level));
        }

        if (parent?.Id != ParentId)
        {
            changed.Add(nameof(Parent));
        }

        if (newAddress != Address)
        {
            changed.Add(nameof(Address));
        }

        if (newPhone != Phone)
        {
            changed.Add(nameof(Phone));
        }

        ChangeSlug(newSlug, at);
        Name = newName;
        Level = level;
        Parent = parent;
        ParentId = parent?.Id;
        Address = newAddress;
        Phone = newPhone;
        if (changed.Count > 0)
        {
            _events.Add(new AgencyChanged(this));
        }

        return changed;
    }

    /// <summary>True when <paramref name="candidate"/> is this agency or sits (directly or not) under it.</summary>
    public bool IsSelfOrAncestorOf(Agency candidate)
    {
        var seen = new HashSet<Agency>(ReferenceEqualityComparer.Instance);
        for (var current = candidate; current is not null && seen.Add(current); current = current.Parent)
        {
            if (ReferenceEquals(current, this) || (Id != 0 && current.Id == Id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Gives the agency a new web address (load <see cref="FormerSlugs"/> first). The old one becomes a former slug, so
    /// links to it keep working (redirected); taking a former slug back makes it current again. Returns whether the
    /// address changed. Whether another agency uses or used the slug is the caller's to check (it needs the database).
    /// </summary>
    public bool ChangeSlug(string slug, DateTimeOffset at)
    {
        var newSlug = ValidSlug(slug);
        if (newSlug == Slug)
        {
            return false;
        }

        _formerSlugs.RemoveAll(f => f.Slug == newSlug);
        _formerSlugs.Add(new FormerSlug(Slug, at));
        Slug = newSlug;
        return true;
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
