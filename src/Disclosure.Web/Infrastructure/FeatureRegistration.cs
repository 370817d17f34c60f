using Disclosure.Web.Features.Agencies;
using Disclosure.Web.Features.Home;
using Disclosure.Web.Features.Reports;

namespace Disclosure.Web.Infrastructure;

public static class FeatureRegistration
{
    /// <summary>The feature-local query and command classes that controllers call.</summary>
    public static IServiceCollection AddFeatureQueries(this IServiceCollection services)
    {
        services.AddScoped<HomeQuery>();
        services.AddScoped<AgencyQueries>();
        services.AddScoped<ReportQuery>();
        return services;
    }
}
