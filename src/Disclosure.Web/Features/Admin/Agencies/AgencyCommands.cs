using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Audit;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Features.Agencies;
using Disclosure.Web.Infrastructure.Caching;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Agencies;

/// <summary>Why a valid-looking form was not saved, and at which field.</summary>
public sealed record AgencyRefusal(string Field, string Message);

/// <summary>
/// Creates and changes agencies. The slug's uniqueness is the database's unique index: a duplicate comes back as a
/// refusal at the slug field, and nothing is saved. A change is saved with its audit entry; the agency raises
/// <see cref="Domain.Publication.AgencyChanged"/>, which the save records in the publication log, so that this
/// instance evicts its cached public pages at once and the others' <see cref="PublicCacheChangePoller"/> at their next poll.
/// </summary>
public sealed class AgencyCommands(DisclosureDbContext db, TimeProvider clock, ILogger<AgencyCommands> logger)
{
    public async Task<(int? Id, AgencyRefusal? Refusal)> CreateAsync(AgencyForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        Agency? parent = null;
        if (form.ParentId is { } parentId && (parent = await db.Agencies.FindAsync([parentId], cancellationToken)) is null)
        {
            return (null, new AgencyRefusal(nameof(AgencyForm.ParentId), "所选上级机关不存在，请重新选择。"));
        }

        if (await FormerOwnerAsync(form.Slug!.Trim(), null, cancellationToken) is { } formerRefusal)
        {
            return (null, formerRefusal);
        }

        var agency = new Agency(form.Slug!.Trim(), form.Name!, form.ToLevel(), parent, form.Address, form.Phone);
        db.Agencies.Add(agency);
        if (await SaveAsync(form, cancellationToken) is { } refusal)
        {
            return (null, refusal);
        }

        db.AuditEntries.Add(ActingStaff.Audit(user, clock, AuditAction.AgencyCreated,
            $"{agency.Name}（{agency.Slug}，{agency.Level.DisplayName()}）").ForAgency(agency.Id));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Agency {AgencyId} created", agency.Id);
        return (agency.Id, null);
    }

    /// <summary>Returns null when the agency does not exist; otherwise the outcome.</summary>
    public async Task<(bool Found, AgencyRefusal? Refusal)> UpdateAsync(int id, AgencyForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // All agencies, tracked: the parent chain must be complete to refuse a cycle (there are hundreds, not millions).
        var agencies = await db.Agencies.Include(a => a.FormerSlugs).ToDictionaryAsync(a => a.Id, cancellationToken);
        if (!agencies.TryGetValue(id, out var agency))
        {
            return (false, null);
        }

        Agency? parent = null;
        if (form.ParentId is { } parentId)
        {
            if (!agencies.TryGetValue(parentId, out parent))
            {
                return (true, new AgencyRefusal(nameof(AgencyForm.ParentId), "所选上级机关不存在，请重新选择。"));
            }

            if (agency.IsSelfOrAncestorOf(parent))
            {
                return (true, new AgencyRefusal(nameof(AgencyForm.ParentId), parent.Id == agency.Id
                    ? "上级机关不能是本机关。"
                    : $"“{parent.Name}”是本机关的下级机关，不能作为上级机关。"));
            }
        }

        if (form.Slug!.Trim() != agency.Slug && await FormerOwnerAsync(form.Slug!.Trim(), agency.Id, cancellationToken) is { } formerRefusal)
        {
            return (true, formerRefusal);
        }

        var before = (agency.Slug, agency.Name, agency.Level, ParentName: agency.Parent?.Name, agency.Address, agency.Phone);
        var changed = agency.Update(form.Slug!.Trim(), form.Name!, form.ToLevel(), parent, form.Address, form.Phone, clock.GetUtcNow());
        if (changed.Count == 0)
        {
            return (true, null);
        }

        // The audit entry in the same save: the change and its entry are committed together.
        db.AuditEntries.Add(ActingStaff.Audit(user, clock, AuditAction.AgencyUpdated,
            Describe(changed, before, agency)).ForAgency(agency.Id));
        if (await SaveAsync(form, cancellationToken) is { } refusal)
        {
            return (true, refusal);
        }

        logger.LogInformation("Agency {AgencyId} updated: {Fields}", agency.Id, string.Join(",", changed));
        return (true, null);
    }

    private async Task<AgencyRefusal?> SaveAsync(AgencyForm form, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await SlugTakenAsync(form.Slug!.Trim(), cancellationToken))
            {
                throw;
            }

            logger.LogInformation("Agency not saved: slug already in use");
            return new AgencyRefusal(nameof(AgencyForm.Slug), $"网址标识“{form.Slug!.Trim()}”已被其他机关使用，请换一个。");
        }
    }

    /// <summary>A slug another agency had before is still that agency's: its old links redirect there.</summary>
    private async Task<AgencyRefusal?> FormerOwnerAsync(string slug, int? agencyId, CancellationToken cancellationToken)
    {
        var owner = await new FormerSlugLookup(db).FindOwnerAsync(slug, cancellationToken);
        return owner is null || owner.Id == agencyId
            ? null
            : new AgencyRefusal(nameof(AgencyForm.Slug), $"网址标识“{slug}”是“{owner.Name}”以前使用的，旧网址仍指向该机关，请换一个。");
    }

    // After the unique index refused the save: was it the slug? (Asked of a fresh query, not of the failed change set.)
    private Task<bool> SlugTakenAsync(string slug, CancellationToken cancellationToken) =>
        db.Agencies.AsNoTracking().AnyAsync(a => a.Slug == slug, cancellationToken);

    private static string Describe(IReadOnlyList<string> changed, (string Slug, string Name, AgencyLevel Level, string? ParentName, string? Address, string? Phone) before, Agency after) =>
        string.Join("；", changed.Select(field => field switch
        {
            nameof(Agency.Slug) => $"网址标识 {before.Slug}→{after.Slug}",
            nameof(Agency.Name) => $"名称 {before.Name}→{after.Name}",
            nameof(Agency.Level) => $"层级 {before.Level.DisplayName()}→{after.Level.DisplayName()}",
            nameof(Agency.Parent) => $"上级机关 {before.ParentName ?? "无"}→{after.Parent?.Name ?? "无"}",
            nameof(Agency.Address) => $"地址 {before.Address ?? "空白"}→{after.Address ?? "空白"}",
            nameof(Agency.Phone) => $"电话 {before.Phone ?? "空白"}→{after.Phone ?? "空白"}",
            _ => field,
        }));
}
