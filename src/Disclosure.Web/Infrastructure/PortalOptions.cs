namespace Disclosure.Web.Infrastructure;

/// <summary>Settings of the portal as a whole (section <c>Portal</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Shown in the header, the page titles and the footer.</summary>
    public string Name { get; set; } = "政府信息公开工作年度报告";

    /// <summary>Who runs the portal (footer), e.g. 某某市人民政府办公室（市政务公开办）.</summary>
    public string? Operator { get; set; }
}

/// <summary>Section <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public Data.DatabaseProvider Provider { get; set; } = Data.DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts. Production deployments may turn this off and run the SQL script instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

/// <summary>Section <c>Demo</c>: fill an empty database with the bundled sample reports.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }
}

/// <summary>Demo mode creates accounts whose password is published: it is refused outside Development.</summary>
public static class DemoMode
{
    public const string Refusal =
        "Demo:Enabled is true outside Development. Demo mode creates accounts whose password is published in the source " +
        "code (admin@demo.local / demo-password-2024), so it runs only with ASPNETCORE_ENVIRONMENT=Development. " +
        "Set Demo__Enabled=false (or remove DEMO_ENABLED from .env) and start again.";

    /// <summary>Throws (the process does not start) when demo mode is on outside Development.</summary>
    public static void EnsureAllowed(IHostEnvironment environment, IConfiguration configuration, ILogger logger)
    {
        if (configuration.GetValue<bool>("Demo:Enabled") && !environment.IsDevelopment())
        {
            logger.LogCritical("Refusing to start: {Reason}", Refusal);
            throw new InvalidOperationException(Refusal);
        }
    }
}
