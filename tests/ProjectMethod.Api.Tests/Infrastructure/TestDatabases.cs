using Microsoft.Data.Sqlite;
using Npgsql;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>
/// Creates and drops the databases the tests run on. PostgreSQL is used when <c>PROJECTMETHOD_TEST_POSTGRES</c> holds a
/// connection string to a server where that user may create databases; without it the PostgreSQL tests are skipped.
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "PROJECTMETHOD_TEST_POSTGRES";

    public static string? PostgresAdmin => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static string Create(string provider)
    {
        if (provider == "sqlite")
        {
            var folder = Path.Combine(Path.GetTempPath(), "projectmethod-tests");
            Directory.CreateDirectory(folder);
            return $"Data Source={Path.Combine(folder, $"{Guid.NewGuid():N}.db")}";
        }

        var admin = PostgresAdmin ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = $"pm_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

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

        NpgsqlConnection.ClearAllPools();
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(PostgresAdmin);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
