using Disclosure.Data.Configurations;
using Disclosure.Data.Documents;
using Disclosure.Data.Identity;
using Disclosure.Data.Publication;
using Disclosure.Data.Register;
using Disclosure.Data.Summaries;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Audit;
using Disclosure.Domain.Publication;
using Disclosure.Domain.Register;
using Disclosure.Domain.Register.Cases;
using Disclosure.Domain.Reports;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data;

/// <summary>
/// The portal's database. Saving records the publication events the tracked aggregates raised (ADR 0018): each goes
/// into the publication log and to the summary tables in the same transaction, then to the
/// <paramref name="listeners"/> once committed: at once after a save of its own, and after the commit when the save
/// was part of a transaction the caller began (never, when that transaction rolls back).
/// </summary>
public sealed class DisclosureDbContext(
    DbContextOptions<DisclosureDbContext> options,
    IEnumerable<IPublicationListener>? listeners = null,
    TimeProvider? clock = null) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    private readonly IReadOnlyList<IPublicationListener> _listeners = listeners?.ToList() ?? [];
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Events saved inside a transaction not yet committed; the listeners hear of them at the commit.</summary>
    private readonly List<PublicationEvent> _uncommitted = [];

    public DbSet<Agency> Agencies => Set<Agency>();

    /// <summary>Slugs agencies had before; their addresses redirect to the current slug.</summary>
    public DbSet<FormerSlug> FormerSlugs => Set<FormerSlug>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ReportVersion> ReportVersions => Set<ReportVersion>();

    public DbSet<StoredCell> ReportCells => Set<StoredCell>();

    public DbSet<RenderedPdf> RenderedPdfs => Set<RenderedPdf>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<UserAgency> UserAgencies => Set<UserAgency>();

    /// <summary>Per published version: key figures and findings (see <see cref="SummaryMaintenance"/>).</summary>
    public DbSet<ReportSummary> ReportSummaries => Set<ReportSummary>();

    /// <summary>Per year, format and cell: the sum over the year's current versions.</summary>
    public DbSet<YearCellTotal> YearCellTotals => Set<YearCellTotal>();

    /// <summary>Per year: which current versions the totals account for.</summary>
    public DbSet<YearSummary> YearSummaries => Set<YearSummary>();

    /// <summary>Every change of what the public sees, in order (<see cref="PublicationLogEntry"/>).</summary>
    public DbSet<PublicationLogEntry> PublicationLog => Set<PublicationLogEntry>();

    /// <summary>The register of disclosure applications (依申请公开登记台账), every office's.</summary>
    public DbSet<DisclosureApplication> RegisterApplications => Set<DisclosureApplication>();

    /// <summary>Register files between their import preview and the confirmation.</summary>
    public DbSet<PendingUpload> PendingUploads => Set<PendingUpload>();

    /// <summary>The case register: administrative reviews and suits, from which table 四 is counted.</summary>
    public DbSet<ReviewCase> ReviewCases => Set<ReviewCase>();

    /// <summary>The years whose holiday notice has been entered.</summary>
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    /// <summary>The announced exceptions to the Monday–Friday week.</summary>
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    /// <summary>The ASP.NET Core data-protection key ring (cookies, antiforgery), shared by every instance of the portal.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The provider name EF Core reports for SQLite.</summary>
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(PublicationCommitInterceptor.Instance);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset values stored as text: store them as sortable integers there.
        if (Database.ProviderName == SqliteProviderName)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        var isSqlServer = Database.ProviderName != SqliteProviderName;
        builder.ApplyConfiguration(new AgencyConfiguration());
        builder.ApplyConfiguration(new FormerSlugConfiguration());
        builder.ApplyConfiguration(new ReportConfiguration());
        builder.ApplyConfiguration(new ReportVersionConfiguration(isSqlServer));
        builder.ApplyConfiguration(new StoredCellConfiguration());
        builder.ApplyConfiguration(new RenderedPdfConfiguration());
        builder.ApplyConfiguration(new PortalUserConfiguration());
        builder.ApplyConfiguration(new UserAgencyConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new ReportSummaryConfiguration());
        builder.ApplyConfiguration(new YearCellTotalConfiguration());
        builder.ApplyConfiguration(new YearSummaryConfiguration());
        builder.ApplyConfiguration(new PublicationLogConfiguration());
        builder.ApplyConfiguration(new DisclosureApplicationConfiguration());
        builder.ApplyConfiguration(new CalendarYearConfiguration());
        builder.ApplyConfiguration(new CalendarDayConfiguration());
        builder.ApplyConfiguration(new PendingUploadConfiguration());
        builder.ApplyConfiguration(new ReviewCaseConfiguration());
    }

    /// <summary>
    /// Saves. When the tracked aggregates raised publication events, they are written to the publication log and the
    /// summary tables follow them, in the same transaction; two publications of one year at the same moment meet on
    /// the year's concurrency token, and the later one works its summaries out again and saves once more. Once saved,
    /// the events are cleared from the aggregates and handed to the listeners.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        var raised = CollectPublicationEvents();
        if (raised.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var at = _clock.GetUtcNow();
        PublicationLog.AddRange(raised.Select(r => PublicationLogEntry.For(r.Event, at)));
        var saved = await SaveWithSummariesAsync(SummaryMaintenance.Changes(raised.Select(r => r.Event)), acceptAllChangesOnSuccess, cancellationToken);

        var events = raised.Select(r => r.Event).ToList();
        foreach (var source in raised.Select(r => r.Source).Distinct())
        {
            source.ClearPublicationEvents();
        }

        if (Database.CurrentTransaction is not null)
        {
            _uncommitted.AddRange(events);
        }
        else
        {
            await NotifyAsync(events, cancellationToken);
        }

        return saved;
    }

    /// <summary>The caller's transaction committed: the listeners hear of what was saved in it.</summary>
    internal async Task CommittedAsync(CancellationToken cancellationToken)
    {
        if (_uncommitted.Count == 0)
        {
            return;
        }

        var events = _uncommitted.ToList();
        _uncommitted.Clear();
        await NotifyAsync(events, cancellationToken);
    }

    /// <summary>The caller's transaction rolled back or failed: what was saved in it never became public.</summary>
    internal void ForgetUncommitted() => _uncommitted.Clear();

    private async Task NotifyAsync(IReadOnlyList<PublicationEvent> events, CancellationToken cancellationToken)
    {
        foreach (var listener in _listeners)
        {
            await listener.PublishedAsync(events, cancellationToken);
        }
    }

    private async Task<int> SaveWithSummariesAsync(List<(ReportVersion Version, int Sign)> changes, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var maintenance = new SummaryMaintenance(this);
        await maintenance.PrepareAsync(changes, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await maintenance.ApplyAsync(cancellationToken);
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException exception) when (attempt < 3 && exception.Entries.Any(e => e.Entity is YearSummary))
            {
                maintenance.Undo();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        // Publication always saves asynchronously; a synchronous save that publishes takes the same path.
        return CollectPublicationEvents().Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
    }

    /// <summary>The events raised by the aggregates this context tracks (those being deleted or detached raise none).</summary>
    private List<(IRaisesPublicationEvents Source, PublicationEvent Event)> CollectPublicationEvents()
    {
        var raised = new List<(IRaisesPublicationEvents, PublicationEvent)>();
        foreach (var entry in ChangeTracker.Entries<IRaisesPublicationEvents>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged)
            {
                raised.AddRange(entry.Entity.PublicationEvents.Select(e => (entry.Entity, e)));
            }
        }

        return raised;
    }
}
