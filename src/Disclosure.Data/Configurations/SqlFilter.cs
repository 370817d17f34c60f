namespace Disclosure.Data.Configurations;

/// <summary>Filtered-index SQL differs only in how each provider quotes a column name.</summary>
internal static class SqlFilter
{
    public static string IsTrue(bool isSqlServer, string column) =>
        isSqlServer ? $"[{column}] = 1" : $"\"{column}\" = 1";
}
