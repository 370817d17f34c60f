using Disclosure.Data;
using Disclosure.Web.DemoData;
using Disclosure.Web.Features.Api;
using Disclosure.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
    .ReadFrom.Services(services)
    .Enrich.FromLogContext());

builder.Services.Configure<PortalOptions>(builder.Configuration.GetSection(PortalOptions.Section));
builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<WebEncoderOptions>(encoders => encoders.TextEncoderSettings = PageEncoding.Settings);

builder.Services.AddDisclosureDatabase();
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddHealthChecks().AddDbContextCheck<DisclosureDbContext>("database");

builder.Services
    .AddControllersWithViews()
    .AddRazorOptions(razor =>
    {
        // Feature folders: Features/{Controller}/{View}.cshtml, shared views in Features/Shared.
        razor.ViewLocationFormats.Clear();
        razor.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
        razor.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
    });
builder.Services.AddFeatureQueries();
builder.Services.AddOpenData();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error/500");
    app.UseHsts();
}

app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UseRouting();
app.UseOpenData();

app.MapHealthChecks("/healthz");
app.MapControllers();
app.MapOpenData();

await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
