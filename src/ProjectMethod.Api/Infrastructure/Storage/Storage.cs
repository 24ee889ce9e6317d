using Microsoft.Data.Sqlite;

namespace ProjectMethod.Api.Infrastructure;

public static class Storage
{
    public const string DefaultConnectionString = "Data Source=data/projectmethod.db";

    /// <summary>Reads <c>Storage:Provider</c> and <c>ConnectionStrings:ProjectMethod</c>; for SQLite, creates the file's folder.</summary>
    public static StorageOptions From(IConfiguration configuration)
    {
        var provider = configuration["Storage:Provider"] ?? SqliteDialect.Name;
        var connectionString = configuration.GetConnectionString("ProjectMethod") ?? DefaultConnectionString;
        if (provider != SqliteDialect.Name)
        {
            return new StorageOptions(provider, connectionString);
        }

        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return new StorageOptions(provider, connectionString);
    }
}
