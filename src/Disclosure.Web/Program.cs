using Disclosure.Data;
using Disclosure.Web.DemoData;
using Disclosure.Web.Features.Admin.Reports;
using Disclosure.Web.Features.Agencies;
using Disclosure.Web.Features.Api;
using Disclosure.Web.Infrastructure;
using Disclosure.Web.Infrastructure.Caching;
using Disclosure.Web.Infrastructure.Cli;
using Disclosure.Web.Infrastructure.Outage;
using Disclosure.Web.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
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

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

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

// Cookies and antiforgery tokens made by one instance are read by the others: the key ring lives in the database.
builder.Services.AddDataProtection()
    .SetApplicationName("Disclosure")
    .PersistKeysToDbContext<DisclosureDbContext>();

builder.Services
    .AddControllersWithViews(mvc => mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
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
    // Behind nginx (deploy/nginx): the client's address for the sign-in rate limit and logs, and the original scheme.
    var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
    forwarded.KnownIPNetworks.Clear();
    forwarded.KnownProxies.Clear();
    app.UseForwardedHeaders(forwarded);
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSerilogRequestLogging();
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
app.UseAuthorization();

app.MapHealthChecks("/healthz");
app.MapControllers();
app.MapOpenData();

await app.StartDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
