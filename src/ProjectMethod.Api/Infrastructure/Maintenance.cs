using Microsoft.Data.Sqlite;
using ProjectMethod.Api.Events;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// The <c>backup</c> and <c>verify</c> sub-commands. A backup of SQLite is taken online with <c>VACUUM INTO</c>, one read
/// transaction that sees one committed state while the service goes on writing; a verification checks a database's pages,
/// its migrations and its audit chain, and changes nothing.
/// </summary>
public static class Maintenance
{
    /// <summary>Writes a consistent copy of the SQLite database to <paramref name="target"/>, which must not exist yet.</summary>
    public static async Task<int> BackupAsync(StorageOptions storage, string target, TextWriter output)
    {
        if (storage.Provider != SqliteDialect.Name)
        {
            await output.WriteLineAsync($"backup copies SQLite databases; back up {storage.Provider} with its own tools (see the README).");
            return 2;
        }

        var path = Path.GetFullPath(target);
        if (File.Exists(path))
        {
            await output.WriteLineAsync($"{path} exists already; a backup never overwrites a file.");
            return 2;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var connection = new SqliteConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "VACUUM INTO $target";
        command.Parameters.AddWithValue("$target", path);
        await command.ExecuteNonQueryAsync();
        await output.WriteLineAsync($"backed up to {path} ({new FileInfo(path).Length} bytes)");
        return 0;
    }

    /// <summary>Checks the database: SQLite's integrity check, every migration applied unchanged, and the audit chain.</summary>
    public static async Task<int> VerifyAsync(StorageOptions storage, Database database, TextWriter output)
    {
        var faults = new List<string>();
        if (storage.Provider == SqliteDialect.Name)
        {
            string? integrity;
            try
            {
                await using var connection = new SqliteConnection(storage.ConnectionString);
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA integrity_check";
                integrity = (string?)await command.ExecuteScalarAsync();
            }
            catch (SqliteException exception)
            {
                await output.WriteLineAsync($"NOT verified: the file cannot be read as a SQLite database ({exception.Message})");
                return 1;
            }

            await output.WriteLineAsync($"integrity: {integrity}");
            if (integrity != "ok")
            {
                faults.Add("the integrity check found damage");
            }
        }

        Migrations.Check migrations;
        try
        {
            migrations = await database.ReadAsync(db => Migrations.CheckAsync(db, database.Provider), CancellationToken.None);
        }
        catch (System.Data.Common.DbException)
        {
            await output.WriteLineAsync("NOT verified: this is no ProjectMethod database (it has no migrations)");
            return 1;
        }

        await output.WriteLineAsync($"migrations: {migrations.Applied} of {migrations.Known} applied{(migrations.Faults.Count == 0 ? ", none changed" : "")}");
        faults.AddRange(migrations.Faults);

        var chain = await AuditChain.VerifyAsync(database, CancellationToken.None);
        await output.WriteLineAsync(ChainLine(chain));
        if (!chain.Ok)
        {
            faults.Add("the audit chain does not verify");
        }

        await output.WriteLineAsync(faults.Count == 0 ? "verified" : "NOT verified: " + string.Join("; ", faults));
        return faults.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Whether a PDF is one the service issued for the archive, unchanged: its SHA-256 is in an <c>archiveDocumentIssued</c>
    /// event of an audit chain that verifies. Prints which record it is.
    /// </summary>
    public static async Task<int> VerifyDocumentAsync(Database database, string file, TextWriter output)
    {
        if (!File.Exists(file))
        {
            await output.WriteLineAsync($"{file} does not exist.");
            return 2;
        }

        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(file)));
        await output.WriteLineAsync($"sha256: {sha256}");
        var issued = await database.ReadAsync(db => Archive.ArchiveStore.IssuedAsync(db, sha256), CancellationToken.None);
        var chain = await AuditChain.VerifyAsync(database, CancellationToken.None);
        await output.WriteLineAsync(ChainLine(chain));
        if (issued is null)
        {
            await output.WriteLineAsync("NOT verified: the service issued no document with this checksum (the file was changed, or is not the service's)");
            return 1;
        }

        await output.WriteLineAsync(
            $"issued: {issued.Value.Type.Wire()} record {issued.Value.RecordId}{(issued.Value.ProjectId is { } project ? $" of project {project}" : "")}, event {issued.Value.Sequence} at {issued.Value.OccurredAt}");
        await output.WriteLineAsync(chain.Ok ? "verified" : "NOT verified: the audit chain does not verify");
        return chain.Ok ? 0 : 1;
    }

    /// <summary>What verification prints of the audit chain.</summary>
    private static string ChainLine(AuditVerification chain) =>
        $"audit chain: {chain.Events} events, {(chain.Ok ? "verified" : $"broken at {chain.FirstBrokenSequence}: {chain.Reason}")}";
}
