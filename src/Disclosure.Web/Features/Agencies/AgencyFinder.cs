using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Agencies;

/// <summary>An agency as the public pages name it.</summary>
public sealed record AgencyChoice(string Slug, string Name);

/// <summary>
/// What a person typed to name one office, and what it named: one agency (<see cref="Agency"/>), several
/// (<see cref="Candidates"/>, for the person to choose), or none.
/// </summary>
public sealed record AgencyMatch(string Typed, AgencyChoice? Agency, IReadOnlyList<AgencyChoice> Candidates)
{
    public bool IsAmbiguous => Agency is null && Candidates.Count > 1;

    public bool IsUnknown => Agency is null && Candidates.Count == 0;

    /// <summary>The message at the field when the text did not name exactly one office.</summary>
    public string? Problem => IsUnknown
        ? $"没有名称或标识为“{Typed}”的机关，请检查名称，或在下面按名称查找。"
        : IsAmbiguous
            ? $"“{Typed}”对应 {Candidates.Count} 个机关（{string.Join("、", Candidates.Take(AgencyFinder.MaxListed).Select(c => c.Name))}），请勾选其中要对比的。"
            : null;
}

/// <summary>
/// Finds offices by what a citizen types: the Chinese name (whole, or a part of it that only one office's name holds),
/// the slug in the address, or a slug the office had before. Used by <c>/compare</c> and <c>/data-quality</c>.
/// </summary>
public sealed class AgencyFinder(DisclosureDbContext db, FormerSlugLookup formerSlugs)
{
    /// <summary>The most offices a search lists.</summary>
    public const int MaxListed = 40;

    /// <summary>The longest text taken as one name.</summary>
    public const int MaxLength = 50;

    /// <summary>Splits a list typed into one field: commas (half or full width), 、 and white space separate names.</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string?> inputs) =>
        inputs.SelectMany(i => (i ?? "").Split([',', '，', '、', ';', '；', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public async Task<AgencyMatch> FindAsync(string typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var text = typed.Trim();
        if (text.Length is 0 or > MaxLength)
        {
            return new AgencyMatch(typed, null, []);
        }

        if (Agency.IsValidSlug(text))
        {
            var bySlug = await db.Agencies.AsNoTracking().Where(a => a.Slug == text)
                .Select(a => new AgencyChoice(a.Slug, a.Name)).FirstOrDefaultAsync(cancellationToken);
            if (bySlug is not null)
            {
                return new AgencyMatch(typed, bySlug, []);
            }

            if (await formerSlugs.FindOwnerAsync(text, cancellationToken) is { } owner)
            {
                return new AgencyMatch(typed, new AgencyChoice(owner.Slug, owner.Name), []);
            }
        }

        var byName = await db.Agencies.AsNoTracking().Where(a => a.Name == text)
            .Select(a => new AgencyChoice(a.Slug, a.Name)).ToListAsync(cancellationToken);
        if (byName.Count == 1)
        {
            return new AgencyMatch(typed, byName[0], []);
        }

        var containing = byName.Count > 1 ? byName : await SearchAsync(text, cancellationToken);
        return containing.Count == 1 ? new AgencyMatch(typed, containing[0], []) : new AgencyMatch(typed, null, containing);
    }

    /// <summary>The offices whose name (or slug) holds <paramref name="text"/>, by name; at most <see cref="MaxListed"/> + 1.</summary>
    public async Task<List<AgencyChoice>> SearchAsync(string text, CancellationToken cancellationToken)
    {
        var term = text.Trim();
        if (term.Length > MaxLength)
        {
            term = term[..MaxLength];
        }

        var lower = term.ToLowerInvariant();
        return await db.Agencies.AsNoTracking()
            .Where(a => a.Name.Contains(term) || a.Slug.Contains(lower))
            .OrderBy(a => a.Name)
            .Take(MaxListed + 1)
            .Select(a => new AgencyChoice(a.Slug, a.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every office when there are few enough to list (a person then ticks, no search needed); else none.</summary>
    public async Task<List<AgencyChoice>> AllIfFewAsync(CancellationToken cancellationToken)
    {
        var all = await db.Agencies.AsNoTracking().OrderBy(a => a.Level).ThenBy(a => a.Name)
            .Take(MaxListed + 1).Select(a => new AgencyChoice(a.Slug, a.Name)).ToListAsync(cancellationToken);
        return all.Count > MaxListed ? [] : all;
    }
}
