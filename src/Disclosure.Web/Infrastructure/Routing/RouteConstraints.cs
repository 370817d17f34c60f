using System.Globalization;
using Disclosure.Domain.Agencies;
using Disclosure.Domain.Reports;

namespace Disclosure.Web.Infrastructure.Routing;

/// <summary>
/// <c>{year:reportyear}</c>: a report year the portal knows (<see cref="AnnualReport.MinYear"/>–<see cref="AnnualReport.MaxYear"/>).
/// An address with another year matches no route and answers 404 before any controller runs.
/// </summary>
public sealed class ReportYearRouteConstraint : IRouteConstraint
{
    public const string Name = "reportyear";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value)
        && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && AnnualReport.IsYear(year);
}

/// <summary><c>{slug:slug}</c>: a well-formed agency slug (<see cref="Agency.IsValidSlug"/>); anything else answers 404.</summary>
public sealed class SlugRouteConstraint : IRouteConstraint
{
    public const string Name = "slug";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && Agency.IsValidSlug(Convert.ToString(value, CultureInfo.InvariantCulture));
}

public static class RouteConstraintRegistration
{
    /// <summary>Registers <c>reportyear</c> and <c>slug</c>, the two checks every address with a year or an agency needs.</summary>
    public static IServiceCollection AddPortalRouteConstraints(this IServiceCollection services) =>
        services.Configure<RouteOptions>(options =>
        {
            options.SetParameterPolicy<ReportYearRouteConstraint>(ReportYearRouteConstraint.Name);
            options.SetParameterPolicy<SlugRouteConstraint>(SlugRouteConstraint.Name);
        });
}
