namespace Disclosure.Domain.Agencies;

/// <summary>
/// When a year's report is due (《政府信息公开条例》第四十九条): a department of a government at county level or above
/// publishes by 31 January of the next year; a government's own report (本级人民政府, published by its 政府信息公开工作主管部门)
/// by 31 March. 乡镇 governments are not named in 第四十九条; the county's report includes them, and provinces have them
/// publish with the departments, by 31 January.
/// </summary>
public static class FilingDeadline
{
    /// <summary>True for a government's own report (due 31 March).</summary>
    public static bool IsGovernmentReport(AgencyLevel level) =>
        level is AgencyLevel.ProvincialGovernment or AgencyLevel.CityGovernment or AgencyLevel.CountyGovernment;

    /// <summary>The last day on which <paramref name="year"/>'s report of an office of <paramref name="level"/> may be published.</summary>
    public static DateOnly For(AgencyLevel level, int year) =>
        IsGovernmentReport(level) ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);

    /// <summary>True once the day after the deadline has begun (Beijing date <paramref name="today"/>).</summary>
    public static bool IsPast(AgencyLevel level, int year, DateOnly today) => today > For(level, year);
}
