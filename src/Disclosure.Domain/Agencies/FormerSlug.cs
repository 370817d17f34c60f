namespace Disclosure.Domain.Agencies;

/// <summary>
/// A web address an agency had before its slug was changed. Public links, bookmarks and open-data scripts keep working:
/// an address with a former slug is redirected to the agency's current one. A former slug stays the agency's: no
/// other agency can take it.
/// </summary>
public sealed class FormerSlug
{
    private FormerSlug()
    {
        Slug = "";
    }

    /// <summary>A slug the agency stops using (<see cref="Agency.ChangeSlug"/>).</summary>
    internal FormerSlug(string slug, DateTimeOffset retiredAt)
    {
        Slug = slug;
        RetiredAt = retiredAt;
    }

    public int Id { get; private set; }

    public int AgencyId { get; private set; }

    public string Slug { get; private set; }

    /// <summary>When the agency stopped using it.</summary>
    public DateTimeOffset RetiredAt { get; private set; }
}
