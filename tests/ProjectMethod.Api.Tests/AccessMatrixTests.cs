using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;
using Xunit.Abstractions;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// Who may do what, exhaustively: every operation of the committed OpenAPI document, called by every kind of caller —
/// anonymous, an employee with no role, each project role, each global role, and each project role held on another
/// project — on projects in several phases, answers as the README's access table says (401, 403, or past the first check).
/// </summary>
public abstract partial class AccessMatrixTests(ApiFactory api, ITestOutputHelper output)
{
    /// <summary>The table's columns, each with the project role it stands for (null: a caller who needs none), and who calls.</summary>
    private static readonly (string Column, string? Role, string User, string[] GlobalRoles)[] Callers =
    [
        ("employee", null, "nils", []),
        ("proposer", "proposer", "pia", []),
        ("PM", "projectManager", "per", []),
        ("Exec", "executive", "eva", []),
        ("SU", "seniorUser", "siri", []),
        ("SS", "seniorSupplier", "sven", []),
        ("TM", "teamManager", "tom", []),
        ("BO", "benefitOwner", "bo", []),
        ("PA", "projectAssurance", "ada", []),
        ("PS", "projectSupport", "ivar", []),
        ("board", null, "bjorn", [GlobalRoles.PortfolioBoard]),
        ("admin", null, "anne", [GlobalRoles.Admin]),
        ("integrator", null, "portal", [GlobalRoles.Integrator]),
    ];

    /// <summary>Whom to send when any caller the table lets through will do: the most likely to get past the precise rules.</summary>
    internal static readonly string[] Preferred = ["PM", "Exec", "board", "admin", "BO", "SU", "SS", "TM", "PA", "proposer", "employee", "integrator"];

    /// <summary>A client for each column of the table, sending whatever body it is given.</summary>
    internal static Dictionary<string, HttpClient> CallersOf(ApiFactory api) =>
        Callers.ToDictionary(c => c.Column, c => api.SendingInvalidBodiesAs(c.User, c.GlobalRoles));

    [ProviderFact]
    public async Task Every_operation_answers_every_caller_as_the_access_table_says()
    {
        var table = AccessTable.Read();
        var operations = Operations();
        table.Keys.Should().BeEquivalentTo(operations.Keys, "every operation of the API has a row in the README's access table, and no row is for an operation that is gone");
        foreach (var (id, operation) in operations)
        {
            (table[id].Method, table[id].Path).Should().Be((operation.Method, operation.Path), $"the row of {id} names its method and path");
        }

        var projects = new List<(string Phase, Scenario Project)>
        {
            ("proposed", await new Scenario(api).ProposedAsync()),
            ("concept", await new Scenario(api).ReadyForBp2Async()),
            ("execution", await WithEveryRole(await new Scenario(api).InExecutionAsync())),
            ("closure", await new Scenario(api).InClosureAsync()),
            ("realisation", await new Scenario(api).InRealisationAsync()),
        };
        var elsewhere = (await api.As("olga").Post("/api/v1/projects", new { name = "Et annet prosjekt", sector = "kultur", description = "Ingen av de andre har en rolle her" })
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var anonymous = api.CreateDefaultClient();
        var clients = CallersOf(api);
        var wrong = new List<string>();
        var calls = 0;
        foreach (var (id, operation) in operations)
        {
            var row = table[id];
            foreach (var (phase, project) in projects)
            {
                var holders = await Holders(project);
                await Expect(anonymous, "anonymous", "401");
                foreach (var caller in Callers.Where(c => c.Role is null || holders.Contains((c.Role, c.User))))
                {
                    await Expect(clients[caller.Column], caller.Column, row.Cells[caller.Column]);
                }

                async Task Expect(HttpClient client, string who, string expected)
                {
                    var answer = await Call(client, operation, project.Id);
                    calls++;
                    if (answer.Problem is not null || answer.Outcome != expected)
                    {
                        wrong.Add($"{id} in {phase} as {who}: expected {expected}, got {answer.Outcome} {answer.Problem}");
                    }
                }
            }

            if (operation.Path.StartsWith("/api/v1/projects/{id}", StringComparison.Ordinal))
            {
                foreach (var caller in Callers.Where(c => c.Role is not null))
                {
                    var answer = await Call(clients[caller.Column], operation, elsewhere);
                    calls++;
                    if (answer.Problem is not null || answer.Outcome != row.Cells["employee"])
                    {
                        wrong.Add($"{id} on another project as {caller.Column}: expected {row.Cells["employee"]}, got {answer.Outcome} {answer.Problem}");
                    }
                }
            }
        }

        output.WriteLine($"{operations.Count} operations, {Callers.Length + 1} kinds of caller, {projects.Count} phases: {calls} calls");
        wrong.Should().BeEmpty();
        calls.Should().BeGreaterThan(operations.Count * Callers.Length * 2);
    }

    /// <summary>A Team Manager and Project Assurance beside the roles every scenario appoints.</summary>
    private static async Task<Scenario> WithEveryRole(Scenario project)
    {
        await project.Assign(project.Executive, "teamManager", "tom");
        await project.Assign(project.Executive, "projectAssurance", "ada");
        await project.Assign(project.Executive, "projectSupport", "ivar");
        return project;
    }

    private static async Task<HashSet<(string Role, string User)>> Holders(Scenario project)
    {
        var roles = await project.Outsider.GetAsync($"{project.Url}/roles").Expect(HttpStatusCode.OK);
        var holders = roles.GetProperty("items").EnumerateArray().Select(r => (r.Str("role"), r.Str("userId"))).ToHashSet();
        var proposer = (await project.Project()).Str("proposerId");
        holders.Add(("proposer", proposer));
        return holders;
    }

    /// <summary>
    /// Calls the operation with every path value filled (the project's id, a stage, a sector, an unknown id for anything
    /// else) and an empty JSON object as the body: "401", "–" for 403, "✓" for any other answer below 500. Every 401 and
    /// 403 must be a problem document, and no answer may be a 5xx.
    /// </summary>
    private static async Task<(string Outcome, string? Problem)> Call(HttpClient client, Operation operation, Guid project)
    {
        var path = Parameter().Replace(operation.Path, match => match.Groups[1].Value switch
        {
            "id" when operation.Path.StartsWith("/api/v1/projects/", StringComparison.Ordinal) => project.ToString(),
            "stage" or "version" => "1",
            "sector" => "helse",
            "itemId" => "bp1-need",
            _ => Guid.NewGuid().ToString(),
        });
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.Method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var outcome = status switch { 401 => "401", 403 => "–", _ => "✓" };
        string? problem = null;
        if (status >= 500)
        {
            problem = $"a {status}";
        }
        else if (status is 401 or 403 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            problem = $"a {status} that is no problem document";
        }

        return (outcome, problem);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial System.Text.RegularExpressions.Regex Parameter();

    private sealed record Operation(string Method, string Path);

    private static Dictionary<string, Operation> Operations()
    {
        var document = JsonNode.Parse(File.ReadAllText(Repository.PathOf("openapi/ProjectMethod.v1.json")))!;
        var operations = new Dictionary<string, Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "delete" or "patch"))
            {
                operations.Add(operation!["operationId"]!.GetValue<string>(), new Operation(method.ToUpperInvariant(), path));
            }
        }

        return operations;
    }
}

/// <summary>The README's table of who may call each operation, read row by row.</summary>
public static class AccessTable
{
    public sealed record Row(string Method, string Path, IReadOnlyDictionary<string, string> Cells);

    public static Dictionary<string, Row> Read()
    {
        var lines = File.ReadAllLines(Repository.PathOf("README.md"));
        var start = Array.IndexOf(lines, "## Who may call each operation");
        start.Should().BeGreaterThan(0, "README.md has the section \"Who may call each operation\"");
        var header = lines.Skip(start).First(l => l.StartsWith("| operation |", StringComparison.Ordinal));
        var columns = Cells(header).Skip(1).ToArray();
        var rows = new Dictionary<string, Row>();
        foreach (var line in lines.Skip(start).SkipWhile(l => l != header).Skip(2).TakeWhile(l => l.StartsWith('|')))
        {
            var cells = Cells(line);
            var name = cells[0].Split('`', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            cells.Length.Should().Be(columns.Length + 1, $"the row of {name[0]} has a cell for every caller");
            rows.Add(name[0], new Row(name[1], "/api/v1" + name[2], columns.Select((c, i) => (c, cells[i + 1])).ToDictionary(x => x.c, x => x.Item2)));
        }

        return rows;
    }

    private static string[] Cells(string line) => line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}

public sealed class AccessMatrixTestsOnSqlite(SqliteApi api, ITestOutputHelper output) : AccessMatrixTests(api, output), IClassFixture<SqliteApi>;
