namespace Disclosure.Data;

/// <summary>The database behind the portal: SQLite embedded by default, SQL Server in production.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
