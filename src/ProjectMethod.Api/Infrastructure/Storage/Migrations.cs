using System.Reflection;
using System.Security.Cryptography;
using System.Text;
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

        await database.WriteAsync<int>(async db =>
        {
            await db.ExecuteAsync(dialect.CreateMigrationsTable);
            var applied = (await db.ListAsync<(string Id, string Checksum)>(AppliedScripts))
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

                await Apply(db, script);
            }

            return (true, 0);
        }, cancellationToken);
    }

    private async Task Apply(DbSession db, Script script)
    {
        LogApplying(logger, script.Name);
        await db.ExecuteScriptAsync(script.Sql);
        await db.ExecuteAsync(RecordScript,
            new { script.Id, script.Name, script.Checksum, AppliedAt = InstantPattern.ExtendedIso.Format(clock.GetCurrentInstant()) });
    }

    /// <summary>What a verification finds of the migrations: how many are applied of those known, and what is wrong.</summary>
    public sealed record Check(int Applied, int Known, IReadOnlyList<string> Faults);

    /// <summary>Compares the applied migrations with the scripts, changing nothing: each applied once and never edited.</summary>
    public static async Task<Check> CheckAsync(DbSession db, string provider)
    {
        var scripts = ScriptsFor(provider);
        var applied = (await db.ListAsync<(string Id, string Checksum)>(AppliedScripts)).ToDictionary(r => r.Id, r => r.Checksum, StringComparer.Ordinal);
        var faults = scripts.Where(s => !applied.ContainsKey(s.Id)).Select(s => $"migration {s.Name} is not applied")
            .Concat(scripts.Where(s => applied.TryGetValue(s.Id, out var checksum) && checksum != s.Checksum).Select(s => $"migration {s.Name} was changed after it was applied"))
            .Concat(applied.Keys.Where(id => scripts.All(s => s.Id != id)).Select(id => $"migration {id} is unknown to this version"))
            .ToList();
        return new Check(applied.Count, scripts.Count, faults);
    }

    /// <summary>How many migrations the database has applied: none means it was never prepared.</summary>
    public static Task<long> CountAppliedAsync(DbSession db) => db.ScalarAsync<long>(CountApplied);

    private static readonly Sql CountApplied = Sql.Of("SELECT COUNT(*) FROM schema_migrations");

    private static readonly Sql AppliedScripts = Sql.Of("SELECT id, checksum FROM schema_migrations");

    private static readonly Sql RecordScript = Sql.Of(
        "INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (@Id, @Name, @Checksum, @AppliedAt)");

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
