using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Domain.Agencies;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>The office whose register a page shows.</summary>
public sealed record RegisterOffice(int Id, string Slug, string Name);

/// <summary>
/// Who may open an office's register: its Editors and Administrators (<see cref="AgencyOperation.Edit"/>). The
/// register holds personal information (申请人, 联系方式), so Reviewers and other offices' Editors are refused,
/// whatever the URL says.
/// </summary>
public sealed class RegisterAccess(DisclosureDbContext db, IAuthorizationService authorization)
{
    /// <summary>The office, or null when the slug names none (404).</summary>
    public async Task<RegisterOffice?> FindAsync(string slug, CancellationToken cancellationToken) =>
        Agency.IsValidSlug(slug)
            ? await db.Agencies.AsNoTracking().Where(a => a.Slug == slug)
                .Select(a => new RegisterOffice(a.Id, a.Slug, a.Name)).SingleOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>The office a page of <paramref name="controller"/> asks for, or the answer to give instead (404, or 403 for someone not allowed).</summary>
    public async Task<(RegisterOffice? Office, IActionResult? Denied)> OpenAsync(ControllerBase controller, string slug)
    {
        var office = await FindAsync(slug, controller.HttpContext.RequestAborted);
        if (office is null)
        {
            return (null, controller.NotFound());
        }

        return await MayUseAsync(controller.User, office.Id) ? (office, null) : (null, controller.Forbid());
    }

    public async Task<bool> MayUseAsync(ClaimsPrincipal user, int agencyId) =>
        (await authorization.AuthorizeAsync(user, agencyId, new AgencyRequirement(AgencyOperation.Edit))).Succeeded;
}
