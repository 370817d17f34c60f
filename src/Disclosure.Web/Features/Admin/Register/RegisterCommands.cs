using System.Globalization;
using System.Security.Claims;
using Disclosure.Data;
using Disclosure.Data.Register;
using Disclosure.Domain;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Register;
using Disclosure.Domain.Reports;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Register;

/// <summary>What became of a step: saved, refused (problems at fields), lost a race, or needs a reason (a published year).</summary>
public sealed record StepOutcome(
    bool Saved,
    IReadOnlyList<(string Field, string Message)> Problems,
    bool Conflict = false,
    int CurrentRevision = 0,
    IReadOnlyList<int>? PublishedYearsChanged = null);

/// <summary>
/// The writes staff make to the register: each loads the application, calls its guarded method, records an audit
/// entry and saves once. Logs carry ids and outcomes only — never a name, a contact or what was asked.
/// </summary>
public sealed class RegisterCommands(DisclosureDbContext db, TimeProvider clock, ILogger<RegisterCommands> logger)
{
    /// <summary>The years whose report this office has published (their table 三 is fixed: ADR 0010).</summary>
    public async Task<IReadOnlyList<int>> PublishedYearsAsync(int agencyId, CancellationToken cancellationToken) =>
        await db.ReportVersions.AsNoTracking()
            .CurrentOfAgency(agencyId)
            .Select(v => v.Report.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);

    /// <summary>The published years whose table 三 counts this application somewhere.</summary>
    public static IReadOnlyList<int> CountedInPublished(DisclosureApplication application, IReadOnlyList<int> publishedYears)
    {
        var counted = Counted(application);
        return publishedYears.Where(y => RegisterCount.RowsOf(counted, y).Count > 0).ToList();
    }

    public async Task<(int Id, IReadOnlyList<(string Field, string Message)> Problems)> RegisterAsync(
        RegisterOffice office, ApplicationForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var number = form.Number!.Trim();
        if (await db.RegisterApplications.AnyAsync(a => a.AgencyId == office.Id && a.Number == number, cancellationToken))
        {
            return (0, [(nameof(ApplicationForm.Number), "本机关已有该申请编号，请核对（编号在本机关内不能重复）。")]);
        }

        var calendar = await RegisterCalendar.LoadAsync(db, cancellationToken);
        DisclosureApplication application;
        try
        {
            application = DisclosureApplication.Register(office.Id, form.ToRecord(), calendar, BeijingTime.Today(clock));
        }
        catch (RegisterException e)
        {
            return (0, e.Problems.Select(p => (ApplicationForm.FieldOf(p.Field), p.Message + "。")).ToList());
        }

        db.RegisterApplications.Add(application);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index (office, number): someone registered the same number a moment ago.
            db.ChangeTracker.Clear();
            return (0, [(nameof(ApplicationForm.Number), "本机关已有该申请编号，请核对（编号在本机关内不能重复）。")]);
        }

        await AuditAsync(user, AuditAction.ApplicationRegistered, office.Id, $"申请 {application.Number}（#{application.Id}）：收到申请 {WorkingCalendar.Format(application.ReceivedOn)}", cancellationToken);
        logger.LogInformation("Register application {ApplicationId} registered for agency {AgencyId}", application.Id, office.Id);
        return (application.Id, []);
    }

    public async Task<StepOutcome> ApplyAsync(
        RegisterOffice office, int id, RegisterStep step, StepForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var application = await db.RegisterApplications.SingleOrDefaultAsync(a => a.Id == id && a.AgencyId == office.Id, cancellationToken)
            ?? throw new InvalidOperationException("The application is not in this office's register.");
        if (application.Revision != form.Revision)
        {
            logger.LogInformation("Register application {ApplicationId}: form at revision {FormRevision}, stored {Revision}", id, form.Revision, application.Revision);
            return new StepOutcome(false, [], Conflict: true, CurrentRevision: application.Revision);
        }

        var published = await PublishedYearsAsync(office.Id, cancellationToken);
        var before = published.Select(y => RegisterCount.RowsOf(Counted(application), y)).ToList();
        var calendar = await RegisterCalendar.LoadAsync(db, cancellationToken);
        var today = BeijingTime.Today(clock);
        var date = RegisterSteps.ParseDate(form.Date)!.Value;
        try
        {
            switch (step)
            {
                case RegisterStep.CorrectionRequested: application.RequestCorrection(date, calendar, today); break;
                case RegisterStep.CorrectionReceived: application.ReceiveCorrection(date, calendar, today); break;
                case RegisterStep.ConsultationStarted: application.StartConsultation(date, calendar, today); break;
                case RegisterStep.ConsultationReplied: application.ReceiveConsultationReply(date, calendar, today); break;
                case RegisterStep.Extension: application.GrantExtension(int.Parse(form.Days!.Trim(), CultureInfo.InvariantCulture), form.GrantedBy!, date, calendar, today); break;
                case RegisterStep.FeeNotice: application.SendFeeNotice(date, today); break;
                case RegisterStep.FeePaid: application.RecordFeePaid(date, today); break;
                case RegisterStep.Answer: application.Answer(date, form.Outcome!, calendar, today); break;
                default: application.Void(form.Reason!, date); break;
            }
        }
        catch (RegisterException e)
        {
            db.ChangeTracker.Clear();
            return new StepOutcome(false, e.Problems.Select(p => (RegisterSteps.FieldOf(step, p.Field), p.Message + "。")).ToList());
        }

        var changedYears = published.Where((y, i) => !before[i].SequenceEqual(RegisterCount.RowsOf(Counted(application), y))).ToList();
        var reason = form.ChangeReason?.Trim();
        if (changedYears.Count > 0 && string.IsNullOrEmpty(reason))
        {
            db.ChangeTracker.Clear();
            return new StepOutcome(false,
                [(nameof(StepForm.ChangeReason), $"这一修改会改变已公布的 {string.Join("、", changedYears)} 年度报告表三所计的数字，请填写修改原因。")],
                PublishedYearsChanged: changedYears);
        }

        var details = $"申请 {application.Number}（#{application.Id}）：{step.Title()} {WorkingCalendar.Format(date)}"
            + (step == RegisterStep.Answer ? $"，{RegisterVocabulary.Outcome(form.Outcome!).FullLabel}" : "")
            + (step == RegisterStep.Extension ? $"，{application.ExtensionDays} 个工作日" : "")
            + (changedYears.Count > 0 ? $"。改变已公布的 {string.Join("、", changedYears)} 年度表三，修改原因：{reason}" : "");
        db.AuditEntries.Add(Entry(user, AuditAction.ApplicationChanged, office.Id, details));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.RegisterApplications.AsNoTracking().Where(a => a.Id == id).Select(a => a.Revision).SingleAsync(cancellationToken);
            logger.LogInformation("Register application {ApplicationId}: concurrent change, stored revision {Revision}", id, current);
            return new StepOutcome(false, [], Conflict: true, CurrentRevision: current);
        }

        logger.LogInformation("Register application {ApplicationId}: {Step} recorded", id, step);
        return new StepOutcome(true, [], PublishedYearsChanged: changedYears);
    }

    /// <summary>Who opened an application's details (its personal information) goes in the audit trail.</summary>
    public Task RecordViewAsync(RegisterOffice office, int id, string number, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        AuditAsync(user, AuditAction.ApplicationViewed, office.Id, $"申请 {number}（#{id}）", cancellationToken);

    public async Task AuditAsync(ClaimsPrincipal user, AuditAction action, int? agencyId, string details, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(Entry(user, action, agencyId, details));
        await db.SaveChangesAsync(cancellationToken);
    }

    private AuditEntry Entry(ClaimsPrincipal user, AuditAction action, int? agencyId, string details)
    {
        var entry = ActingStaff.Audit(user, clock, action, details);
        return agencyId is { } id ? entry.ForAgency(id) : entry;
    }

    private static CountedApplication Counted(DisclosureApplication a) =>
        new(a.ApplicantType, a.ReceivedOn, a.AnsweredOn, a.Outcome, a.VoidedOn is not null);
}
