using Disclosure.Data;
using Disclosure.Web.DemoData;
using Disclosure.Web.Features.Admin.Import;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Features.Agencies;
using Disclosure.Web.Features.Api;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Caching;
using Disclosure.Web.Infrastructure.Cli;
using Disclosure.Web.Infrastructure.Outage;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;
using Serilog;

// A command (e.g. create-admin) takes its own arguments; the web server takes configuration from its arguments.
var isCommand = CommandLine.IsCommand(args);
var builder = WebApplication.CreateBuilder(isCommand ? [] : args);
if (isCommand)
{
    // A command's standard output is its data (register table, register export): every log line goes to standard error.
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Serilog:WriteTo:0:Args:standardErrorFromLevel"] = "Verbose" });
}

// Each host has its own logger and leaves the static Log.Logger alone (preserveStaticLogger): two portals in one
// process (the tests start several) never write into each other's log.
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .Enrich.With<ControlCharacterEscaper>(),
    preserveStaticLogger: true);

// No Server header: nothing tells a visitor which server software to look up vulnerabilities for.
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

// A year, subdomains included (the portal's host serves HTTPS only in Production).
builder.Services.AddHsts(hsts =>
{
    hsts.MaxAge = TimeSpan.FromDays(365);
    hsts.IncludeSubDomains = true;
});

builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
builder.Services.Configure<WorkflowOptions>(builder.Configuration.GetSection(WorkflowOptions.Section));
builder.Services.Configure<WebEncoderOptions>(encoders => encoders.TextEncoderSettings = PageEncoding.Settings);
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.AddDisclosureDatabase();
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddScoped<DemoAccounts>();
builder.Services.AddSingleton<DatabaseState>();
builder.Services.AddHealthChecks()
    .AddDbContextCheck<DisclosureDbContext>("database")
    .AddCheck<DatabaseReadyHealthCheck>("database-initialized");
builder.Services.AddPublicCaching(builder.Configuration);
builder.Services.AddStaffAccounts();

// Cookies and antiforgery tokens made by one instance are read by the others: the key ring lives in the database,
// encrypted with a certificate when one is configured (KeyProtection).
builder.Services.AddSharedKeyRing(builder.Configuration);

builder.Services
    .AddControllersWithViews(mvc =>
    {
        mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        mvc.Filters.Add(new ControlCharacterFilter());
        BindingMessages.UseChinese(mvc.ModelBindingMessageProvider);
    })
    .AddRazorOptions(razor =>
    {
        // Feature folders: views beside their controller (see FeatureViewLocationExpander), shared views in Features/Shared.
        razor.ViewLocationFormats.Clear();
        razor.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
        razor.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
    });
builder.Services.AddFeatureQueries();
builder.Services.AddOpenData();

var app = builder.Build();
var startLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Disclosure.Startup");
DemoMode.EnsureAllowed(app.Environment, app.Configuration, startLogger);
if (app.Environment.IsProduction() && !KeyProtection.IsConfigured(app.Configuration))
{
    startLogger.LogWarning("The data-protection key ring is stored unencrypted: set {Section}:Path and :Password (see README, Deployment)", KeyProtection.Section);
}

if (isCommand)
{
    return await CommandLine.RunAsync(app, args, Console.In, Console.Out, Console.Error);
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}

if (app.Configuration.GetValue<bool>("Proxy:TrustForwardedHeaders"))
{
    // Behind nginx (deploy/nginx): the client's address for the sign-in rate limit and logs, and the original scheme,
    // from the configured proxy addresses only (ProxyTrust).
    app.UseForwardedHeaders(ProxyTrust.Options(app.Configuration));
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseMiddleware<DatabaseOutageMiddleware>();
app.UseStaticFiles();
app.UseHttpsForStaff();
app.UseHeadAsGet();
app.UseMiddleware<FormerSlugRedirectMiddleware>();
app.UseRouting();
app.UseOpenData();
app.UsePublicCaching();
app.UseRateLimiter();
app.UseAuthentication();
app.UseForcedPasswordChange();
app.UseImportLimits();
app.UseAuthorization();

app.MapHealthChecks("/healthz");
app.MapControllers();
app.MapOpenData();

await app.StartDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
