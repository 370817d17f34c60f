using System.Globalization;
using Disclosure.Data;
using Disclosure.Domain;
using Disclosure.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace Disclosure.Web.Features.Admin.Audit;

/// <summary>The filters in the query string: <c>?report=&amp;agency=&amp;user=&amp;action=&amp;from=&amp;to=&amp;page=</c>.</summary>
public sealed class AuditFilter
{
    public int? Report { get; set; }

    public int? Agency { get; set; }

    public string? User { get; set; }

    public string? Action { get; set; }

    /// <summary>yyyy-MM-dd, Beijing time, inclusive.</summary>
    public string? From { get; set; }

    /// <summary>yyyy-MM-dd, Beijing time, inclusive.</summary>
    public string? To { get; set; }

    public int Page { get; set; } = 1;

    public AuditAction? ParsedAction => Enum.TryParse<AuditAction>(Action, out var a) && Enum.IsDefined(a) && !int.TryParse(Action, out _) ? a : null;

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}

public sealed record AuditRow(
    long Id,
    DateTimeOffset At,
    string UserName,
    AuditAction Action,
    int? AgencyId,
    string? AgencyName,
    string? AgencySlug,
    int? ReportId,
    int? ReportYear,
    int? VersionNumber,
    int? Revision,
    string? Details);

public sealed record UserOption(string Id, string Label);

public sealed record AgencyOption(int Id, string Name);

public sealed record AuditPage(
    IReadOnlyList<AuditRow> Rows,
    AuditFilter Filter,
    int Total,
    int PageCount,
    IReadOnlyList<UserOption> Users,
    IReadOnlyList<AgencyOption> Agencies)
{
    /// <summary>This page's query string with another page number.</summary>
    public string QueryFor(int page)
    {
        var parts = new List<string>();
        void Add(string key, object? value)
        {
            if (value is not null && value.ToString() is { Length: > 0 } text)
            {
                parts.Add(key + "=" + Uri.EscapeDataString(text));
            }
        }

        Add("report", Filter.Report);
        Add("agency", Filter.Agency);
        Add("user", Filter.User);
        Add("action", Filter.ParsedAction);
        Add("from", Filter.From);
        Add("to", Filter.To);
        Add("page", page);
        return "?" + string.Join("&", parts);
    }
}

/// <summary>The audit trail, newest first, filtered and paged.</summary>
public sealed class AuditQuery(DisclosureDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> RunAsync(AuditFilter filter, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (filter.Report is { } report)
        {
            entries = entries.Where(e => e.ReportId == report);
        }

        if (filter.Agency is { } agency)
        {
            entries = entries.Where(e => e.AgencyId == agency);
        }

        if (!string.IsNullOrEmpty(filter.User))
        {
            entries = entries.Where(e => e.UserId == filter.User);
        }

        if (filter.ParsedAction is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (AuditFilter.ParseDate(filter.From) is { } from)
        {
            var start = BeijingTime.StartOf(from);
            entries = entries.Where(e => e.At >= start);
        }

        if (AuditFilter.ParseDate(filter.To) is { } to)
        {
            var end = BeijingTime.StartOf(to.AddDays(1));
            entries = entries.Where(e => e.At < end);
        }

        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        filter.Page = Math.Clamp(filter.Page, 1, pageCount);
        var rows = await entries
            .OrderByDescending(e => e.Id)
            .Skip((filter.Page - 1) * PageSize)
            .Take(PageSize)
            .Select(e => new AuditRow(
                e.Id,
                e.At,
                e.UserName,
                e.Action,
                e.AgencyId,
                db.Agencies.Where(a => a.Id == e.AgencyId).Select(a => a.Name).FirstOrDefault(),
                db.Agencies.Where(a => a.Id == e.AgencyId).Select(a => a.Slug).FirstOrDefault(),
                e.ReportId,
                db.Reports.Where(r => r.Id == e.ReportId).Select(r => (int?)r.Year).FirstOrDefault(),
                db.ReportVersions.Where(v => v.Id == e.ReportVersionId).Select(v => (int?)v.Number).FirstOrDefault(),
                e.Revision,
                e.Details))
            .ToListAsync(cancellationToken);

        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new UserOption(u.Id, u.DisplayName + "（" + u.Email + "）")).ToListAsync(cancellationToken);
        var agencies = (await db.Agencies.AsNoTracking().Select(a => new AgencyOption(a.Id, a.Name)).ToListAsync(cancellationToken))
            .OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
        return new AuditPage(rows, filter, total, pageCount, users, agencies);
    }
}
