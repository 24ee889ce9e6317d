using System.Data.Common;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using NodaTime;
using NodaTime.Text;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Applies the forward-only scripts of <c>db/&lt;provider&gt;/</c>, embedded in the assembly, each once and in number order.
/// Each applied script is recorded with its SHA-256; a script changed after it was applied stops the start-up.
/// </summary>
public sealed partial class Migrations(Database database, SqlDialect dialect, IClock clock, ILogger<Migrations> logger)
{
    public sealed record Script(string Id, string Name, string Sql, string Checksum);

    public static IReadOnlyList<Script> ScriptsFor(string provider)
    {
        var assembly = typeof(Migrations).Assembly;
        var prefix = $"db/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n, prefix))
            .ToList();
    }

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var scripts = ScriptsFor(database.Provider);
        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"No migration scripts are embedded for provider '{database.Provider}'.");
        }

        await dialect.PrepareAsync(cancellationToken);

        await database.WriteAsync<int>(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)
                """, transaction: transaction, cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<(string Id, string Checksum)>(new CommandDefinition(
                "SELECT id, checksum FROM schema_migrations", transaction: transaction, cancellationToken: cancellationToken)))
                .ToDictionary(r => r.Id, r => r.Checksum, StringComparer.Ordinal);

            foreach (var script in scripts)
            {
                if (applied.TryGetValue(script.Id, out var checksum))
                {
                    if (checksum != script.Checksum)
                    {
                        throw new InvalidOperationException(
                            $"Migration {script.Name} was changed after it was applied (checksum {checksum} in the database, {script.Checksum} now). " +
                            "Applied scripts are never edited; add a new one.");
                    }

                    continue;
                }

                await Apply(connection, transaction, script, cancellationToken);
            }

            return (true, 0);
        }, cancellationToken);
    }

    private async Task Apply(DbConnection connection, DbTransaction transaction, Script script, CancellationToken cancellationToken)
    {
        LogApplying(logger, script.Name);
        await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (@Id, @Name, @Checksum, @AppliedAt)",
            new { script.Id, script.Name, script.Checksum, AppliedAt = InstantPattern.ExtendedIso.Format(clock.GetCurrentInstant()) },
            transaction, cancellationToken: cancellationToken));
    }

    private static Script Read(Assembly assembly, string resource, string prefix)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var sql = reader.ReadToEnd().ReplaceLineEndings("\n");
        var name = resource[prefix.Length..];
        var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
        return new Script(name.Split('_', 2)[0], name, sql, checksum);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying migration {Migration}")]
    private static partial void LogApplying(ILogger logger, string migration);
}
