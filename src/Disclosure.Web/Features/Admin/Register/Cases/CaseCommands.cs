using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Domain;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Register;
using Disclosure.Domain.Register.Cases;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register.Cases;

/// <summary>What became of a write to the case register: saved (with the case's id), refused at fields, or lost a race.</summary>
public sealed record CaseOutcome(int Id, IReadOnlyList<(string Field, string Message)> Problems, bool Conflict = false, int CurrentRevision = 0)
{
    public bool Saved => Id > 0 && Problems.Count == 0 && !Conflict;
}

/// <summary>
/// The writes staff make to the case register (table 四's source). Each checks, changes the case, adds its audit entry
/// and saves once. A change that would alter the count of a year whose report is published needs a reason, as in the
/// application register (ADR 0010); the audit entry keeps it.
/// </summary>
public sealed class CaseCommands(DisclosureDbContext db, RegisterCommands register, TimeProvider clock, ILogger<CaseCommands> logger)
{
    private const string DuplicateNumber = "本机关已有该案件编号，请核对（编号在本机关内不能重复）。";

    /// <summary>The published years whose table 四 counts this case somewhere.</summary>
    public static IReadOnlyList<int> CountedInPublished(CountedCase @case, IReadOnlyList<int> publishedYears) =>
        publishedYears.Where(y => CaseCount.FieldOf(@case, y) is not null).ToList();

    public Task<IReadOnlyList<int>> PublishedYearsAsync(int agencyId, CancellationToken cancellationToken) =>
        register.PublishedYearsAsync(agencyId, cancellationToken);

    public async Task<CaseOutcome> FileAsync(RegisterOffice office, CaseForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var record = form.ToRecord();
        var problems = await CheckAsync(office, record, null, cancellationToken);
        if (problems.Count > 0)
        {
            return new CaseOutcome(0, problems);
        }

        var @case = ReviewCase.File(office.Id, record, BeijingTime.Today(clock));
        var published = await PublishedYearsAsync(office.Id, cancellationToken);
        var changed = CountedInPublished(@case.Counted, published);
        if (Unexplained(changed, form.ChangeReason) is { } refusal)
        {
            return new CaseOutcome(0, [refusal]);
        }

        db.ReviewCases.Add(@case);
        db.AuditEntries.Add(Entry(user, AuditAction.CaseFiled, office.Id, Describe(@case) + Reason(changed, form.ChangeReason)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index (office, number): someone filed the same number a moment ago.
            db.ChangeTracker.Clear();
            return new CaseOutcome(0, [(nameof(CaseForm.Number), DuplicateNumber)]);
        }

        logger.LogInformation("Review case {CaseId} filed for agency {AgencyId}", @case.Id, office.Id);
        return new CaseOutcome(@case.Id, []);
    }

    public async Task<CaseOutcome> UpdateAsync(RegisterOffice office, int id, CaseForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var @case = await db.ReviewCases.SingleAsync(c => c.Id == id && c.AgencyId == office.Id, cancellationToken);
        if (@case.Revision != form.Revision)
        {
            return new CaseOutcome(id, [], Conflict: true, CurrentRevision: @case.Revision);
        }

        var record = form.ToRecord();
        var problems = await CheckAsync(office, record, id, cancellationToken);
        if (problems.Count > 0)
        {
            return new CaseOutcome(id, problems);
        }

        return await ChangeAsync(office, @case, form.ChangeReason, user, c => c.Update(record, BeijingTime.Today(clock)), "修改", cancellationToken);
    }

    public async Task<CaseOutcome> VoidAsync(RegisterOffice office, int id, CaseVoidForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var @case = await db.ReviewCases.SingleAsync(c => c.Id == id && c.AgencyId == office.Id, cancellationToken);
        if (@case.Revision != form.Revision)
        {
            return new CaseOutcome(id, [], Conflict: true, CurrentRevision: @case.Revision);
        }

        return await ChangeAsync(office, @case, form.Reason, user, c => c.Void(form.Reason!, BeijingTime.Today(clock)), "作废（" + form.Reason!.Trim() + "）", cancellationToken);
    }

    private async Task<CaseOutcome> ChangeAsync(
        RegisterOffice office, ReviewCase @case, string? changeReason, ClaimsPrincipal user, Action<ReviewCase> change, string what, CancellationToken cancellationToken)
    {
        var published = await PublishedYearsAsync(office.Id, cancellationToken);
        var before = published.Select(y => CaseCount.FieldOf(@case.Counted, y)).ToList();
        var groupBefore = @case.Kind;
        try
        {
            change(@case);
        }
        catch (RegisterException e)
        {
            db.ChangeTracker.Clear();
            return new CaseOutcome(@case.Id, e.Problems.Select(p => (CaseForm.FieldOf(p.Field), p.Message + "。")).ToList());
        }

        var changed = published.Where((y, i) => before[i] != CaseCount.FieldOf(@case.Counted, y) || (before[i] is not null && groupBefore != @case.Kind)).ToList();
        if (Unexplained(changed, changeReason) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return new CaseOutcome(@case.Id, [refusal]);
        }

        db.AuditEntries.Add(Entry(user, AuditAction.CaseChanged, office.Id, $"{what}：" + Describe(@case) + Reason(changed, changeReason)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ReviewCases.AsNoTracking().Where(c => c.Id == @case.Id).Select(c => c.Revision).SingleAsync(cancellationToken);
            return new CaseOutcome(@case.Id, [], Conflict: true, CurrentRevision: current);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new CaseOutcome(@case.Id, [(nameof(CaseForm.Number), DuplicateNumber)]);
        }

        logger.LogInformation("Review case {CaseId} changed", @case.Id);
        return new CaseOutcome(@case.Id, []);
    }

    /// <summary>Every problem of a record: the domain's rules, then what only the database can find.</summary>
    private async Task<IReadOnlyList<(string Field, string Message)>> CheckAsync(RegisterOffice office, CaseRecord record, int? id, CancellationToken cancellationToken) =>
    [
        .. ReviewCase.Check(record, BeijingTime.Today(clock)).Select(p => (CaseForm.FieldOf(p.Field), p.Message + "。")),
        .. await StoredProblemsAsync(office, record.Number, record.ApplicationNumber, id, cancellationToken),
    ];

    /// <summary>
    /// The problems only the database can find: a number the office already uses (for another case than
    /// <paramref name="id"/>), an application number not in its register. The form asks for them even when other
    /// fields are wrong, so one submission names every problem.
    /// </summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> StoredProblemsAsync(
        RegisterOffice office, string? number, string? applicationNumber, int? id, CancellationToken cancellationToken)
    {
        var problems = new List<(string Field, string Message)>();
        var trimmed = number?.Trim();
        if (!string.IsNullOrEmpty(trimmed) && await db.ReviewCases.AnyAsync(c => c.AgencyId == office.Id && c.Number == trimmed && c.Id != id, cancellationToken))
        {
            problems.Add((nameof(CaseForm.Number), DuplicateNumber));
        }

        var application = applicationNumber?.Trim();
        if (!string.IsNullOrEmpty(application)
            && !await db.RegisterApplications.AnyAsync(a => a.AgencyId == office.Id && a.Number == application, cancellationToken))
        {
            problems.Add((nameof(CaseForm.ApplicationNumber), "本机关的登记台账中没有这个申请编号；不涉及台账中的申请时请留空。"));
        }

        return problems;
    }

    private static (string Field, string Message)? Unexplained(IReadOnlyList<int> changedYears, string? reason) =>
        changedYears.Count > 0 && string.IsNullOrWhiteSpace(reason)
            ? (nameof(CaseForm.ChangeReason), $"这一修改会改变已公布的 {string.Join("、", changedYears)} 年度报告表四所计的数字，请填写修改原因。")
            : null;

    private static string Reason(IReadOnlyList<int> changedYears, string? reason) =>
        changedYears.Count > 0 ? $"。改变已公布的 {string.Join("、", changedYears)} 年度表四，修改原因：{reason!.Trim()}" : "";

    private static string Describe(ReviewCase @case) =>
        $"案件 {@case.Number}（{@case.Kind.Label()}），受理 {WorkingCalendar.Format(@case.FiledOn)}"
        + (@case.ConcludedOn is { } d ? $"，{WorkingCalendar.Format(d)} 审结：{@case.Result!.Value.Label()}" : "，尚未审结")
        + (@case.ReviewOrganOnly ? "，仅作为复议机关共同被告（不计入）" : "");

    private AuditEntry Entry(ClaimsPrincipal user, AuditAction action, int agencyId, string details) =>
        ActingStaff.Audit(user, clock, action, details).ForAgency(agencyId);
}
