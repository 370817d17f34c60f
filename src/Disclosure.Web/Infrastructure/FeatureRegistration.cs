using Disclosure.Reporting.Pdf;
using Disclosure.Web.Features.Agencies;
using Disclosure.Web.Features.Compare;
using Disclosure.Web.Features.DataQuality;
using Disclosure.Web.Features.Home;
using Disclosure.Web.Features.Reports;
using Disclosure.Web.Features.Statistics;
using Disclosure.Web.Features.Trends;
using Disclosure.Web.Infrastructure.Routing;

namespace Disclosure.Web.Infrastructure;

public static class FeatureRegistration
{
    /// <summary>The feature-local query and command classes that controllers call.</summary>
    public static IServiceCollection AddFeatureQueries(this IServiceCollection services)
    {
        services.AddPortalRouteConstraints();
        services.AddScoped<HomeQuery>();
        services.AddScoped<AgencyQueries>();
        services.AddScoped<FormerSlugLookup>();
        services.AddScoped<AgencyFinder>();
        services.AddScoped<ReportQuery>();
        services.AddScoped<ReportPdfStore>();
        services.AddScoped<Features.Admin.Reports.ReportCommands>();
        services.AddScoped<Features.Admin.Reports.ReportPartSave>();
        services.AddScoped<Features.Admin.Reports.ReportAccess>();
        services.AddScoped<Features.Admin.Dashboard.FilingQuery>();
        services.AddScoped<Features.Admin.Import.ImportPlanner>();
        services.AddScoped<StatisticsQuery>();
        services.AddScoped<DataQualityQuery>();
        services.AddScoped<CompareQuery>();
        services.AddScoped<TrendsQuery>();
        services.AddScoped<Disclosure.Data.Summaries.YearSummaries>();
        services.AddSingleton<YearAggregateCache>();
        services.AddHostedService<StatisticsWarmUp>();
        services.AddScoped<Features.Admin.Agencies.AgencyAdminQueries>();
        services.AddScoped<Features.Admin.Agencies.AgencyCommands>();
        services.AddScoped<Features.Admin.Users.UserAdminQueries>();
        services.AddScoped<Features.Admin.Users.UserCommands>();
        services.AddScoped<Features.Admin.Audit.AuditQuery>();
        services.AddScoped<Features.Admin.Register.RegisterAccess>();
        services.AddScoped<Features.Admin.Register.RegisterCommands>();
        services.AddScoped<Features.Admin.Register.RegisterUploads>();
        services.AddScoped<Features.Admin.Register.RegisterExchange>();
        services.AddScoped<Features.Admin.Register.Cases.CaseCommands>();
        services.AddScoped<Features.Admin.Register.Cases.CasePages>();
        services.AddScoped<Features.Admin.Register.RegisterDashboard>();
        services.AddScoped<Features.Admin.Register.RegisterTables>();
        services.AddScoped<Features.Admin.Register.RegisterPages>();
        services.AddScoped<Features.Admin.Calendar.CalendarNotices>();
        services.AddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<ReportPdfStore>();
            return new ReportPdfRenderer(missing => logger.LogWarning("No shipped font has the character {Character} (U+{CodePoint}); drawn as a placeholder", missing, char.ConvertToUtf32(missing, 0).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
        });
        return services;
    }
}
