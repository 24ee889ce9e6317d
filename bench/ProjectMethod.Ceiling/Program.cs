using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

// The ceiling of the load benchmark (bench/load.sh): the same framework with nothing of the service in it. GET /json
// answers a small object; POST /insert makes one durable insert, into SQLite (WAL, synchronous=FULL, as the service)
// or PostgreSQL, whichever --sqlite or --postgres names.
// With --create-database NAME or --drop-database NAME and --postgres (a server's connection string), it makes or
// removes a database for a run instead.
if (args is [("--create-database" or "--drop-database") and var verb, var name, "--postgres", var server])
{
    await using var admin = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString);
    await using var command = admin.CreateCommand(verb == "--create-database" ? $"CREATE DATABASE \"{name}\"" : $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    await command.ExecuteNonQueryAsync();
    return;
}

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var sqlite = builder.Configuration["sqlite"];
var postgres = builder.Configuration["postgres"];
await using var dataSource = postgres is null ? null : NpgsqlDataSource.Create(postgres);

async Task<DbConnection> OpenAsync()
{
    if (dataSource is not null)
    {
        return await dataSource.OpenConnectionAsync();
    }

    var connection = new SqliteConnection($"Data Source={sqlite}");
    await connection.OpenAsync();
    await using var pragmas = connection.CreateCommand();
    pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 10000;";
    await pragmas.ExecuteNonQueryAsync();
    return connection;
}

await using (var setup = await OpenAsync())
{
    await using var create = setup.CreateCommand();
    create.CommandText = (dataSource is null ? "PRAGMA journal_mode = WAL; " : "")
        + "CREATE TABLE IF NOT EXISTS ceiling (id TEXT NOT NULL PRIMARY KEY, body TEXT NOT NULL, at TEXT NOT NULL)";
    await create.ExecuteNonQueryAsync();
}

var app = builder.Build();
app.MapGet("/json", () => new { name = "Digital hjemmetjeneste", phase = "execution", stage = 1 });
app.MapPost("/insert", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync();
    await using var connection = await OpenAsync();
    await using var transaction = await connection.BeginTransactionAsync();
    await using var insert = connection.CreateCommand();
    insert.Transaction = transaction;
    insert.CommandText = dataSource is null
        ? "INSERT INTO ceiling (id, body, at) VALUES ($id, $body, $at)"
        : "INSERT INTO ceiling (id, body, at) VALUES (@id, @body, @at)";
    foreach (var (name, value) in new[] { ("id", Guid.CreateVersion7().ToString()), ("body", body), ("at", DateTimeOffset.UtcNow.ToString("O")) })
    {
        var parameter = insert.CreateParameter();
        parameter.ParameterName = (dataSource is null ? "$" : "@") + name;
        parameter.Value = value;
        insert.Parameters.Add(parameter);
    }

    await insert.ExecuteNonQueryAsync();
    await transaction.CommitAsync();
    return Results.Created();
});
await app.RunAsync();
