using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Disclosure.Web.Features.Admin.Audit;

/// <summary>Who did what, when: the audit trail, for Administrators.</summary>
[Authorize(Policy = StaffPolicies.Administer)]
public sealed class AuditController(AuditQuery query) : Controller
{
    [HttpGet("admin/audit")]
    public async Task<IActionResult> Index([FromQuery] AuditFilter filter, CancellationToken cancellationToken) =>
        View(await query.RunAsync(filter, cancellationToken));
}
