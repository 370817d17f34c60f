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
