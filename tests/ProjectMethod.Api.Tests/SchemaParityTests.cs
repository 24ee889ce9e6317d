using System.Data.Common;
using Dapper;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// The three providers' migrations make one schema: the tables and columns a provider's database holds once migrated
/// are the ones SQL Server's scripts create (read by ScriptDom, there being no server here), so SQLite and PostgreSQL
/// each agree with SQL Server and so with each other.
/// </summary>
public abstract class SchemaParityTests(ApiFactory api)
{
    [ProviderFact]
    public async Task The_migrations_make_the_same_tables_and_columns_as_sql_servers_scripts()
    {
        using var own = api.Another();
        await own.CreateClient().GetAsync("/health/ready");
        using var connection = own.OpenDatabase();

        var migrated = await ColumnsAsync(connection, own.Provider);

        migrated.Should().NotBeEmpty();
        migrated.Except(SqlServerColumns()).Order().Should().BeEmpty("every column here is in SQL Server's scripts too");
        SqlServerColumns().Except(migrated).Order().Should().BeEmpty("every column of SQL Server's scripts is here too");
    }

    [Fact]
    public void Sql_servers_scripts_are_read_as_the_columns_they_create_add_and_drop()
    {
        var columns = ColumnsOf(["CREATE TABLE t (a INT NOT NULL, b NVARCHAR(10))", "ALTER TABLE t ADD c INT NULL", "EXEC (N'ALTER TABLE t DROP COLUMN a')"]);

        columns.Should().BeEquivalentTo(["t.b", "t.c"]);
    }

    /// <summary>"table.column" of every table the migrations made (their own bookkeeping table aside), in lower case.</summary>
    private static async Task<HashSet<string>> ColumnsAsync(DbConnection connection, string provider)
    {
        var sql = provider == "postgres"
            ? "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            : "SELECT m.name || '.' || c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
        return (await connection.QueryAsync<string>(sql))
            .Select(c => c.ToLowerInvariant())
            .Where(c => !c.StartsWith("schema_migrations.", StringComparison.Ordinal))
            .ToHashSet();
    }

    private static HashSet<string> SqlServerColumns() =>
        ColumnsOf(Directory.GetFiles(Repository.PathOf("db/sqlserver"), "*.sql").Order(StringComparer.Ordinal).Select(File.ReadAllText));

    /// <summary>The columns T-SQL scripts leave, run in order: created with a table, added, dropped (also inside EXEC of a string).</summary>
    private static HashSet<string> ColumnsOf(IEnumerable<string> scripts)
    {
        var columns = new HashSet<string>();
        foreach (var script in scripts)
        {
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            var tree = parser.Parse(new StringReader(script), out var errors);
            errors.Should().BeEmpty();
            tree.Accept(new SchemaReader(columns));
        }

        return columns;
    }

    private sealed class SchemaReader(HashSet<string> columns) : TSqlFragmentVisitor
    {
        private static string Table(SchemaObjectName name) => name.BaseIdentifier.Value.ToLowerInvariant();

        public override void Visit(CreateTableStatement node)
        {
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                columns.Add($"{Table(node.SchemaObjectName)}.{column.ColumnIdentifier.Value.ToLowerInvariant()}");
            }
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            foreach (var column in node.Definition.ColumnDefinitions)
            {
                columns.Add($"{Table(node.SchemaObjectName)}.{column.ColumnIdentifier.Value.ToLowerInvariant()}");
            }
        }

        public override void Visit(AlterTableDropTableElementStatement node)
        {
            foreach (var element in node.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
            {
                columns.Remove($"{Table(node.SchemaObjectName)}.{element.Name.Value.ToLowerInvariant()}");
            }
        }

        public override void Visit(ExecuteStatement node)
        {
            if (node.ExecuteSpecification.ExecutableEntity is ExecutableStringList dynamic)
            {
                var text = string.Concat(dynamic.Strings.OfType<StringLiteral>().Select(s => s.Value));
                var tree = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(text), out _);
                tree.Accept(this);
            }
        }
    }
}

public sealed class SchemaParityTestsOnSqlite(SqliteApi api) : SchemaParityTests(api), IClassFixture<SqliteApi>;

public sealed class SchemaParityTestsOnPostgres(PostgresApi api) : SchemaParityTests(api), IClassFixture<PostgresApi>;
