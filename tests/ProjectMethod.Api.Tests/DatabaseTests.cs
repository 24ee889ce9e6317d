using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

public sealed class DatabaseTests(SqliteApi api) : IClassFixture<SqliteApi>
{
    [Fact]
    public async Task A_write_holds_the_write_lock_from_its_first_statement()
    {
        api.CreateClient().Dispose();
        var database = api.Services.GetRequiredService<Database>();

        var otherWriterGotIn = await database.WriteAsync(async _ =>
        {
            // Inside a write that has not written anything yet, a second writer must still be kept out.
            await using var other = new SqliteConnection(api.ConnectionString);
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE;";
            command.CommandTimeout = 1;
            try
            {
                await command.ExecuteNonQueryAsync();
                return (false, true);
            }
            catch (SqliteException exception) when (exception.SqliteErrorCode == 5)
            {
                return (false, false);
            }
        }, CancellationToken.None);

        otherWriterGotIn.Should().BeFalse("a write transaction begins IMMEDIATE, so what it reads is what it writes against");
    }

    [Fact]
    public async Task Numbers_stored_as_integers_and_as_reals_read_back_in_one_list()
    {
        // SQLite keeps 2 as an integer and 0.5 as a real in one NUMERIC column; a list reads both.
        api.CreateClient().Dispose();
        var database = api.Services.GetRequiredService<Database>();

        var values = await database.ReadAsync(db => db.ListAsync<Mixed>(MixedValues), CancellationToken.None);

        values.Select(v => v.Value).Should().Equal(0.5m, 2m, 1692289m);
    }

    private static readonly Sql MixedValues = Sql.Of("SELECT 0.5 AS Value UNION ALL SELECT 2 UNION ALL SELECT 1692289");

    private sealed class Mixed
    {
        public decimal? Value { get; init; }
    }

    [Fact]
    public async Task A_rolled_back_write_leaves_nothing()
    {
        api.CreateClient().Dispose();
        var database = api.Services.GetRequiredService<Database>();

        await database.WriteAsync(async db =>
        {
            await using var command = db.Connection.CreateCommand();
            command.Transaction = db.Transaction;
            command.CommandText = "INSERT INTO handbooks (sector, version, name, created_at) VALUES ('rollback', 1, 'x', '2026-01-01T00:00:00Z')";
            await command.ExecuteNonQueryAsync();
            return (false, 0);
        }, CancellationToken.None);

        await using var check = api.OpenDatabase();
        await using var count = check.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM handbooks WHERE sector = 'rollback'";
        ((long)(await count.ExecuteScalarAsync())!).Should().Be(0);
    }
}
