using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Agencies;

public sealed record AgencyAdminRow(int Id, string Slug, string Name, AgencyLevel Level, string? ParentName, string? Phone, int Editors);

public sealed record AgencyAdminList(IReadOnlyList<AgencyAdminRow> Rows, string? Query, AgencyLevel? Level);

public sealed record ParentOption(int Id, string Name, AgencyLevel Level);

/// <summary>The create/edit page: the form, the agency it edits (null when creating) and the parents to choose from.</summary>
public sealed record AgencyEditPage(int? Id, string? CurrentSlug, AgencyForm Form, IReadOnlyList<ParentOption> Parents);

public sealed class AgencyAdminQueries(DisclosureDbContext db)
{
    public const int QueryMaxLength = 50;

    public async Task<AgencyAdminList> ListAsync(string? query, AgencyLevel? level, CancellationToken cancellationToken)
    {
        var term = query?.Trim();
        if (term?.Length > QueryMaxLength)
        {
            term = term[..QueryMaxLength];
        }

        var agencies = db.Agencies.AsNoTracking();
        if (!string.IsNullOrEmpty(term))
        {
            agencies = agencies.Where(a => a.Name.Contains(term) || a.Slug.Contains(term));
        }

        if (level is { } wanted)
        {
            agencies = agencies.Where(a => a.Level == wanted);
        }

        var rows = await agencies
            .OrderBy(a => a.Level).ThenBy(a => a.Name)
            .Select(a => new AgencyAdminRow(a.Id, a.Slug, a.Name, a.Level, a.Parent!.Name, a.Phone,
                db.UserAgencies.Count(u => u.AgencyId == a.Id)))
            .ToListAsync(cancellationToken);
        return new AgencyAdminList(rows, term, level);
    }

    public async Task<AgencyForm?> FormAsync(int id, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => new AgencyForm
        {
            Name = a.Name,
            Slug = a.Slug,
            Level = a.Level.ToString(),
            ParentId = a.ParentId,
            Address = a.Address,
            Phone = a.Phone,
        }).SingleOrDefaultAsync(cancellationToken);

    public async Task<string?> SlugAsync(int id, CancellationToken cancellationToken) =>
        await db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Slug).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Agencies that may be chosen as the parent (all but the agency itself; cycles are checked on save).</summary>
    public async Task<IReadOnlyList<ParentOption>> ParentsAsync(int? except, CancellationToken cancellationToken)
    {
        var options = await db.Agencies.AsNoTracking()
            .Where(a => except == null || a.Id != except)
            .Select(a => new ParentOption(a.Id, a.Name, a.Level))
            .ToListAsync(cancellationToken);
        return options.OrderBy(o => o.Level).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
    }
}
