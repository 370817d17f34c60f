namespace Disclosure.Domain.Reports;

/// <summary>
/// The filters every reader of published reports needs, written once. They are plain LINQ over the model, so EF Core
/// translates them to SQL (the current-version filter reads the index on <c>IsCurrent</c>).
/// </summary>
public static class ReportVersionQueries
{
    /// <summary>The versions readers see: exactly one per published report (the newest published version).</summary>
    public static IQueryable<ReportVersion> Current(this IQueryable<ReportVersion> versions) =>
        versions.Where(v => v.IsCurrent);

    /// <summary>The versions that were ever published: the current one and those a correction superseded (the history readers may open).</summary>
    public static IQueryable<ReportVersion> Published(this IQueryable<ReportVersion> versions) =>
        versions.Where(v => v.Status == ReportStatus.Published || v.Status == ReportStatus.Superseded);

    /// <summary>The current versions of one year's reports.</summary>
    public static IQueryable<ReportVersion> CurrentOf(this IQueryable<ReportVersion> versions, int year) =>
        versions.Where(v => v.IsCurrent && v.Report.Year == year);

    /// <summary>The current versions of one agency's reports (every year).</summary>
    public static IQueryable<ReportVersion> CurrentOfAgency(this IQueryable<ReportVersion> versions, int agencyId) =>
        versions.Where(v => v.IsCurrent && v.Report.AgencyId == agencyId);

    /// <summary>Every version of the report of the agency with <paramref name="slug"/> for <paramref name="year"/>.</summary>
    public static IQueryable<ReportVersion> Of(this IQueryable<ReportVersion> versions, string slug, int year) =>
        versions.Where(v => v.Report.Agency.Slug == slug && v.Report.Year == year);
}
