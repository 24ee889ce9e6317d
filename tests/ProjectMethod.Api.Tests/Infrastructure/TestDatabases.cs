using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>
/// Creates and drops the databases the tests run on. PostgreSQL is used when <c>PROJECTMETHOD_TEST_POSTGRES</c> holds a
/// connection string to a server where that user may create databases, SQL Server when <c>PROJECTMETHOD_TEST_SQLSERVER</c>
/// does; without them those tests are reported as skipped.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "PROJECTMETHOD_TEST_POSTGRES";
    public const string SqlServerVariable = "PROJECTMETHOD_TEST_SQLSERVER";

    private static readonly TimeSpan[] DropRetries = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    public static string? PostgresAdmin => Setting(PostgresVariable);

    public static string? SqlServerAdmin => Setting(SqlServerVariable);

    public static string Create(string provider)
    {
        var name = $"pm_test_{Guid.NewGuid():N}";
        switch (provider)
        {
            case "sqlite":
                var folder = Path.Combine(Path.GetTempPath(), "projectmethod-tests");
                Directory.CreateDirectory(folder);
                return $"Data Source={Path.Combine(folder, $"{name}.db")}";
            case "postgres":
                Execute(new NpgsqlConnection(Required(PostgresAdmin, PostgresVariable)), $"CREATE DATABASE {name}");
                return new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name }.ConnectionString;
            default:
                Execute(new SqlConnection(Required(SqlServerAdmin, SqlServerVariable)), $"CREATE DATABASE [{name}]");
                return new SqlConnectionStringBuilder(SqlServerAdmin) { InitialCatalog = name }.ConnectionString;
        }
    }

    /// <summary>
    /// Drops a test database. The service's pools are cleared first and the server is told to end what is still
    /// connected (a host may still be winding down); a drop that races a last connection is tried again.
    /// </summary>
    public static void Drop(string provider, string connectionString)
    {
        if (provider == "sqlite")
        {
            SqliteConnection.ClearAllPools();
            var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }

            return;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if (provider == "postgres")
                {
                    NpgsqlConnection.ClearAllPools();
                    var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
                    Execute(new NpgsqlConnection(PostgresAdmin),
                        $"DO $$ BEGIN IF EXISTS (SELECT FROM pg_database WHERE datname = '{name}') THEN ALTER DATABASE {name} ALLOW_CONNECTIONS false; END IF; END $$",
                        $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                }
                else
                {
                    SqlConnection.ClearAllPools();
                    var name = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
                    Execute(new SqlConnection(SqlServerAdmin),
                        $"IF DB_ID('{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END");
                }

                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or SqlException && attempt < DropRetries.Length)
            {
                Thread.Sleep(DropRetries[attempt]);
            }
        }
    }

    private static void Execute(System.Data.Common.DbConnection connection, params string[] statements)
    {
        using (connection)
        {
            connection.Open();
            foreach (var sql in statements)
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }
    }

    private static string? Setting(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    private static string Required(string? value, string variable) => value ?? throw new InvalidOperationException($"{variable} is not set.");
}
