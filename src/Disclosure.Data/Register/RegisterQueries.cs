using Disclosure.Domain.Register;
using Disclosure.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Data.Register;

/// <summary>The register list's filters (the staff list page's tabs).</summary>
public enum RegisterFilter
{
    /// <summary>Every application counted in the year's table 三 (or all, without a year).</summary>
    All = 0,

    /// <summary>办理中: not answered, not voided.</summary>
    InProgress = 1,

    /// <summary>三个工作日内到期: open, due today or within the next three working days.</summary>
    DueSoon = 2,

    /// <summary>已逾期: open and past its deadline.</summary>
    Overdue = 3,

    /// <summary>已办结: answered (in the year, when one is given).</summary>
    Answered = 4,
}

/// <summary>What the register list page asks for. <see cref="AgencyId"/> null: every office (Administrators, the dashboard).</summary>
public sealed record RegisterListRequest(
    int? AgencyId,
    DateOnly Today,
    int? Year = null,
    RegisterFilter Filter = RegisterFilter.All,
    string? Search = null,
    int Page = 1,
    int PageSize = RegisterListRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
    public const int SearchMaxLength = 100;

    /// <summary>The working days ahead that count as 即将到期.</summary>
    public const int DueSoonWorkingDays = 3;
}

/// <summary>One line of the register list. The applicant's name is masked (张*); the full name is only on the application page.</summary>
public sealed record RegisterListItem(
    int Id,
    int AgencyId,
    string Number,
    DateOnly ReceivedOn,
    ApplicantType ApplicantType,
    string ContentExcerpt,
    string? ApplicantMasked,
    ApplicationState State,
    DateOnly? Due,
    bool DueIsProvisional,
    DateOnly? AnsweredOn,
    string? Outcome,
    bool IsOverdue);

public sealed record RegisterListPage(IReadOnlyList<RegisterListItem> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Per office: what is open, due soon and overdue (the 政务公开办's dashboard).</summary>
public sealed record RegisterDueSummary(int AgencyId, int Open, int DueSoon, int Overdue, DateOnly? EarliestDue);

/// <summary>The register's read side, shared by the staff pages, the command line and the benchmark.</summary>
public static class RegisterQueries
{
    public const int ExcerptLength = 60;

    /// <summary>Table 三 of <paramref name="year"/> computed from an office's register (<see cref="RegisterCount"/>).</summary>
    public static async Task<ReportTable> TableAsync(DisclosureDbContext db, int agencyId, int year, CancellationToken cancellationToken = default)
    {
        var counted = await CountedInYear(db, agencyId, year)
            .Select(a => new CountedApplication(a.ApplicantType, a.ReceivedOn, a.AnsweredOn, a.Outcome, false))
            .ToListAsync(cancellationToken);
        return RegisterCount.Table(year, counted);
    }

    /// <summary>
    /// The applications a year's table 三 counts (received by 31 December, not answered before 1 January, not
    /// voided). Narrow further with <see cref="RegisterCount.IsCountedIn"/> for one cell.
    /// </summary>
    public static IQueryable<DisclosureApplication> CountedInYear(DisclosureDbContext db, int agencyId, int year)
    {
        var (receivedBy, openOnOrAfter) = RegisterCount.Window(year);
        return db.RegisterApplications.AsNoTracking()
            .Where(a => a.AgencyId == agencyId && a.ReceivedOn <= receivedBy
                && (a.AnsweredOn == null || a.AnsweredOn >= openOnOrAfter) && a.VoidedOn == null);
    }

    /// <summary>The ids and numbers of the applications counted in one cell of a year's table 三 (the cell drill-down).</summary>
    public static async Task<IReadOnlyList<(int Id, string Number)>> InCellAsync(
        DisclosureDbContext db, int agencyId, int year, string row, string column, CancellationToken cancellationToken = default)
    {
        var candidates = await CountedInYear(db, agencyId, year)
            .Select(a => new { a.Id, a.Number, a.ApplicantType, a.ReceivedOn, a.AnsweredOn, a.Outcome })
            .ToListAsync(cancellationToken);
        return candidates
            .Where(a => RegisterCount.IsCountedIn(new CountedApplication(a.ApplicantType, a.ReceivedOn, a.AnsweredOn, a.Outcome, false), year, row, column))
            .OrderBy(a => a.ReceivedOn).ThenBy(a => a.Number, StringComparer.Ordinal)
            .Select(a => (a.Id, a.Number))
            .ToList();
    }

    /// <summary>One page of the register list, newest first (open filters: earliest deadline first).</summary>
    public static async Task<RegisterListPage> ListAsync(DisclosureDbContext db, WorkingCalendar calendar, RegisterListRequest request, CancellationToken cancellationToken = default)
    {
        var today = request.Today;
        var query = db.RegisterApplications.AsNoTracking();
        if (request.AgencyId is { } agencyId)
        {
            query = query.Where(a => a.AgencyId == agencyId);
        }

        if (request.Year is { } year)
        {
            var (receivedBy, openOnOrAfter) = RegisterCount.Window(year);
            query = request.Filter == RegisterFilter.Answered
                ? query.Where(a => a.AnsweredOn >= openOnOrAfter && a.AnsweredOn <= receivedBy)
                : query.Where(a => a.ReceivedOn <= receivedBy && (a.AnsweredOn == null || a.AnsweredOn >= openOnOrAfter));
        }

        var soon = calendar.AddWorkingDays(today, RegisterListRequest.DueSoonWorkingDays).Date;
        query = request.Filter switch
        {
            RegisterFilter.InProgress => query.Where(a => a.AnsweredOn == null && a.VoidedOn == null),
            RegisterFilter.DueSoon => query.Where(a => a.AnsweredOn == null && a.VoidedOn == null && a.Due >= today && a.Due <= soon),
            RegisterFilter.Overdue => query.Where(a => a.AnsweredOn == null && a.VoidedOn == null && a.Due < today),
            RegisterFilter.Answered => query.Where(a => a.AnsweredOn != null && a.VoidedOn == null),
            _ => query,
        };

        var search = request.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            search = search.Length > RegisterListRequest.SearchMaxLength ? search[..RegisterListRequest.SearchMaxLength] : search;
            query = query.Where(a => a.Number.StartsWith(search) || a.Content.Contains(search));
        }

        var total = await query.CountAsync(cancellationToken);
        var ordered = request.Filter is RegisterFilter.InProgress or RegisterFilter.DueSoon or RegisterFilter.Overdue
            ? query.OrderBy(a => a.Due).ThenBy(a => a.Id)
            : query.OrderByDescending(a => a.ReceivedOn).ThenByDescending(a => a.Id);
        var size = Math.Clamp(request.PageSize, 1, RegisterListRequest.MaxPageSize);
        var page = Math.Max(1, request.Page);
        var rows = await ordered
            .Skip((page - 1) * size)
            .Take(size)
            .Select(a => new
            {
                a.Id,
                a.AgencyId,
                a.Number,
                a.ReceivedOn,
                a.ApplicantType,
                Excerpt = a.Content.Substring(0, ExcerptLength + 1),
                a.ApplicantName,
                a.CorrectionRequestedOn,
                a.CorrectionReceivedOn,
                a.ConsultationStartedOn,
                a.ConsultationRepliedOn,
                a.FeeNoticeOn,
                a.FeePaidOn,
                a.Due,
                a.DueIsProvisional,
                a.AnsweredOn,
                a.Outcome,
                a.VoidedOn,
            })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new RegisterListItem(
                r.Id, r.AgencyId, r.Number, r.ReceivedOn, r.ApplicantType,
                r.Excerpt.Length > ExcerptLength ? r.Excerpt[..ExcerptLength] + "…" : r.Excerpt,
                PersonalData.Mask(r.ApplicantName),
                DisclosureApplication.StateOf(r.VoidedOn, r.AnsweredOn, r.CorrectionRequestedOn, r.CorrectionReceivedOn, r.ConsultationStartedOn, r.ConsultationRepliedOn, r.FeeNoticeOn, r.FeePaidOn),
                r.Due, r.DueIsProvisional, r.AnsweredOn, r.Outcome,
                r.VoidedOn is null && r.Due is { } due && (r.AnsweredOn ?? today) > due))
            .ToList();
        return new RegisterListPage(items, total, page, size);
    }

    /// <summary>
    /// Applications of an office whose 申请编号 starts with <paramref name="search"/> but which the list of
    /// <paramref name="year"/> does not hold, counted by the year they were received: the list page offers them as
    /// links («2023 年 2 件»), so a clerk finds last year's application by its number without changing the year first.
    /// Numbers only (the (office, 编号) index answers it); a search of 申请内容 stays within the year.
    /// </summary>
    public static async Task<IReadOnlyList<(int Year, int Count)>> OtherYearsByNumberAsync(
        DisclosureDbContext db, int agencyId, int year, string search, CancellationToken cancellationToken = default)
    {
        var text = search.Trim();
        if (text.Length == 0 || text.Length > ApplicationRecord.NumberMaxLength)
        {
            return [];
        }

        var (receivedBy, openOnOrAfter) = RegisterCount.Window(year);
        var numbers = db.RegisterApplications.AsNoTracking().Where(a => a.AgencyId == agencyId && a.Number.StartsWith(text));
        if (db.Database.ProviderName == DisclosureDbContext.SqliteProviderName)
        {
            // SQLite's LIKE cannot use the (office, 编号) index (it ignores case; the column compares bytes); the same
            // prefix as a range of the binary order can. SQL Server seeks LIKE 'x%' itself, and its collation does not
            // order by code point, so the range is SQLite's only.
            var upper = text[..^1] + (char)(text[^1] + 1);
#pragma warning disable CA1309 // Translated to SQL's < and >= (binary in SQLite), never run in .NET.
            numbers = numbers.Where(a => string.Compare(a.Number, text) >= 0 && string.Compare(a.Number, upper) < 0);
#pragma warning restore CA1309
        }

        var received = await numbers
            .Where(a => !(a.ReceivedOn <= receivedBy && (a.AnsweredOn == null || a.AnsweredOn >= openOnOrAfter)))
            .GroupBy(a => a.ReceivedOn.Year)
            .Select(g => new { Year = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return received.OrderByDescending(r => r.Year).Select(r => (r.Year, r.Count)).ToList();
    }

    /// <summary>Per office with open applications: how many, how many due within three working days, how many overdue.</summary>
    public static async Task<IReadOnlyList<RegisterDueSummary>> DueSummaryAsync(DisclosureDbContext db, WorkingCalendar calendar, DateOnly today, CancellationToken cancellationToken = default)
    {
        var soon = calendar.AddWorkingDays(today, RegisterListRequest.DueSoonWorkingDays).Date;
        var rows = await db.RegisterApplications.AsNoTracking()
            .Where(a => a.AnsweredOn == null && a.VoidedOn == null)
            .GroupBy(a => a.AgencyId)
            .Select(g => new
            {
                AgencyId = g.Key,
                Open = g.Count(),
                DueSoon = g.Count(a => a.Due >= today && a.Due <= soon),
                Overdue = g.Count(a => a.Due < today),
                EarliestDue = g.Min(a => a.Due),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RegisterDueSummary(r.AgencyId, r.Open, r.DueSoon, r.Overdue, r.EarliestDue))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.DueSoon).ThenBy(r => r.AgencyId)
            .ToList();
    }
}
