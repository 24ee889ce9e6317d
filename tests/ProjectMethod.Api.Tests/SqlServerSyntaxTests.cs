using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// SQL Server is verified here without a server: every statement the service can send, rendered for SQL Server, and
/// every script of db/sqlserver parse as T-SQL (SQL Server 2022's grammar, quoted identifiers on as SqlClient sets them).
/// </summary>
public sealed partial class SqlServerSyntaxTests
{
    /// <summary>
    /// Every statement the service can send to SQL Server: the static <see cref="Sql"/> fields of its stores and of the
    /// SQL Server dialect (the other dialects' own statements never reach it).
    /// </summary>
    public static IReadOnlyList<(string Owner, Sql Statement)> Statements() =>
        typeof(Sql).Assembly.GetTypes()
            .Where(type => !typeof(SqlDialect).IsAssignableFrom(type) || type == typeof(SqlServerDialect))
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(field => field.FieldType == typeof(Sql))
                .Select(field => ($"{type.Name}.{field.Name}", (Sql)field.GetValue(null)!)))
            .ToList();

    [Fact]
    public void Every_statement_the_service_can_send_parses_as_transact_sql()
    {
        var statements = Statements();
        using var sqlServer = new SqlConnection();

        statements.Should().HaveCountGreaterThan(60, "every store declares its statements as static fields");
        var failures = statements
            .Select(s => (s.Owner, Text: AsDapperSendsIt(s.Statement.For(sqlServer))))
            .Select(s => (s.Owner, s.Text, Errors: Parse(s.Text)))
            .Where(s => s.Errors.Count > 0)
            .Select(s => $"{s.Owner}: {string.Join("; ", s.Errors)}\n{s.Text}")
            .ToList();

        failures.Should().BeEmpty();
    }

    [Fact]
    public void Every_sql_server_migration_parses_as_transact_sql()
    {
        var scripts = Migrations.ScriptsFor("sqlserver");

        scripts.Should().NotBeEmpty();
        scripts.Select(s => (s.Name, Errors: Parse(s.Sql))).Where(s => s.Errors.Count > 0)
            .Select(s => $"{s.Name}: {string.Join("; ", s.Errors)}").Should().BeEmpty();
    }

    [Fact]
    public void A_syntax_error_is_caught()
    {
        // The parser is not lenient: a PostgreSQL-only upsert or a LIMIT would fail, which is why the dialect renders them.
        Parse("SELECT id FROM projects ORDER BY id LIMIT 5").Should().NotBeEmpty();
        Parse("INSERT INTO audit_head (id) VALUES (1) ON CONFLICT (id) DO NOTHING").Should().NotBeEmpty();
        Parse("SELECT plan FROM tolerances").Should().NotBeEmpty("PLAN is reserved in T-SQL; the stores quote it");
    }

    [Fact]
    public void Paging_becomes_offset_fetch_and_an_upsert_becomes_a_merge()
    {
        SqlServerDialect.Render("SELECT id FROM projects WHERE id > @after ORDER BY id LIMIT @limit")
            .Should().Be("SELECT id FROM projects WHERE id > @after ORDER BY id OFFSET 0 ROWS FETCH NEXT @limit ROWS ONLY");

        var merge = SqlServerDialect.Render(
            "INSERT INTO audit_head (id, sequence, hash) VALUES (1, @Sequence, @Hash) ON CONFLICT (id) DO UPDATE SET sequence = excluded.sequence, hash = excluded.hash");

        merge.Should().StartWith("MERGE INTO audit_head WITH (HOLDLOCK) AS target")
            .And.Contain("USING (SELECT 1 AS id, @Sequence AS sequence, @Hash AS hash) AS excluded")
            .And.Contain("ON target.id = excluded.id")
            .And.Contain("WHEN MATCHED THEN UPDATE SET sequence = excluded.sequence, hash = excluded.hash")
            .And.EndWith("WHEN NOT MATCHED THEN INSERT (id, sequence, hash) VALUES (excluded.id, excluded.sequence, excluded.hash);");
        Parse(merge).Should().BeEmpty();
    }

    [Fact]
    public void No_sql_is_sent_except_through_declared_statements()
    {
        var source = Path.Combine(Repository.PathOf("src"), "ProjectMethod.Api");
        var offenders = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) != "DbSession.cs")
            .Where(path => RawCommand().IsMatch(File.ReadAllText(path)))
            .Select(Path.GetFileName)
            .ToList();

        offenders.Should().BeEmpty("stores send their statements through DbSession, which renders them for the provider");
    }

    [Fact]
    public void Endpoint_files_hold_no_sql_and_features_never_call_each_others_endpoint_classes()
    {
        var source = Path.Combine(Repository.PathOf("src"), "ProjectMethod.Api");
        var files = Directory.GetFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var endpointClasses = files.Where(f => f.EndsWith("Api.cs", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Path.GetDirectoryName(f)!);

        files.Where(f => f.EndsWith("Api.cs", StringComparison.Ordinal) && SqlKeyword().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName).Should().BeEmpty();
        var crossings = files
            .SelectMany(f => endpointClasses
                .Where(api => api.Value != Path.GetDirectoryName(f) && Regex.IsMatch(File.ReadAllText(f), $@"\b{api.Key}\."))
                .Select(api => $"{Path.GetFileName(f)} uses {api.Key}"))
            .ToList();
        crossings.Should().BeEmpty();
    }

    /// <summary>Dapper expands a list parameter (<c>IN @states</c>) into one parameter per item before SqlClient sends it.</summary>
    private static string AsDapperSendsIt(string sql) => ListParameter().Replace(sql, "IN ($1_1, $1_2)");

    private static List<string> Parse(string sql)
    {
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
    }

    [GeneratedRegex(@"\bIN (@\w+)")]
    private static partial Regex ListParameter();

    [GeneratedRegex(@"new CommandDefinition\(|\.(Query|QueryAsync|QuerySingle\w*|QueryFirst\w*|Execute|ExecuteAsync|ExecuteScalar\w*)(<[^>]*>)?\(\s*(\$?@?""|"""""")")]
    private static partial Regex RawCommand();

    [GeneratedRegex(@"""[^""]*\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b")]
    private static partial Regex SqlKeyword();
}
