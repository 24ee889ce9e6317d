using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ProjectMethod.Api.Tests.Infrastructure;

namespace ProjectMethod.Api.Tests;

/// <summary>The source keeps the shape the README's Layout describes.</summary>
public sealed class LayoutTests
{
    [Fact]
    public void Program_starts_the_service_in_at_most_sixty_lines_and_leaves_features_and_sub_commands_to_their_own_files()
    {
        var program = File.ReadAllLines(Repository.PathOf("src/ProjectMethod.Api/Program.cs"));

        program.Length.Should().BeLessThanOrEqualTo(60);
        program.Should().NotContain(line => line.Contains(".Map", StringComparison.Ordinal) && !line.Contains("MapFeatures", StringComparison.Ordinal),
            "features are mapped in Infrastructure/Features.cs");
        program.Should().NotContain(line => line.Contains("\"backup\"", StringComparison.Ordinal) || line.Contains("\"token\"", StringComparison.Ordinal),
            "sub-commands live in Infrastructure/SubCommands.cs");
    }

    [Fact]
    public void Every_operation_id_is_one_entry_of_the_catalogue_and_none_is_a_string_where_endpoints_or_pages_name_it()
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Repository.PathOf("openapi/ProjectMethod.v1.json")))!;
        var documented = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => operation.Value!["operationId"]!.GetValue<string>()))
            .ToList();
        documented.Should().BeEquivalentTo(ProjectMethod.Api.Infrastructure.Operations.All.Select(o => o.Name));

        var sources = Directory.EnumerateFiles(Repository.PathOf("src/ProjectMethod.Api"), "*.cs*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var literal = new System.Text.RegularExpressions.Regex(@"(\.WithName|\bMay|\bCheck|\bStepForm)\(""");
        sources.Where(path => literal.IsMatch(File.ReadAllText(path))).Select(Path.GetFileName).Should().BeEmpty();
    }

    [Fact]
    public void The_start_stops_when_an_endpoint_and_the_operation_catalogue_disagree()
    {
        static Endpoint Named(string name) => new(_ => Task.CompletedTask, new EndpointMetadataCollection(new EndpointNameMetadata(name)), name);
        var all = ProjectMethod.Api.Infrastructure.Operations.All.Select(o => Named(o.Name)).ToList();

        FluentActions.Invoking(() => ProjectMethod.Api.Infrastructure.Operations.CheckAgainst(all)).Should().NotThrow();
        FluentActions.Invoking(() => ProjectMethod.Api.Infrastructure.Operations.CheckAgainst(all.Append(Named("launchRocket"))))
            .Should().Throw<InvalidOperationException>().WithMessage("*the endpoint launchRocket is not in the catalogue*");
        FluentActions.Invoking(() => ProjectMethod.Api.Infrastructure.Operations.CheckAgainst(all.Skip(1)))
            .Should().Throw<InvalidOperationException>().WithMessage($"*no endpoint is named {all[0].DisplayName}*");
        FluentActions.Invoking(() => ProjectMethod.Api.Infrastructure.Operations.CheckAgainst(all.Append(Named("decide"))))
            .Should().Throw<InvalidOperationException>().WithMessage("*decide names 2 endpoints*");
    }

    [Fact]
    public void Only_the_dialect_names_a_database_providers_types()
    {
        var naming = Directory.EnumerateFiles(Repository.PathOf("src/ProjectMethod.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(path), @"\bNpgsql\b|Microsoft\.Data\.SqlClient"))
            .Select(Path.GetFileName);

        naming.Should().Equal("SqlDialect.cs");
    }

    /// <summary>The roles a feature's files play; a feature has those it needs.</summary>
    private static readonly string[] Roles = ["Api", "Contracts", "Commands", "Reader", "Store", "GateFacts", "Documents"];

    /// <summary>The folders that are not features: the parts every feature stands on, and the web pages.</summary>
    private static readonly string[] NotFeatures = ["Infrastructure", "Web", "Properties", "bin", "obj", "data"];

    private static IEnumerable<string> FeatureFiles() =>
        Directory.EnumerateDirectories(Repository.PathOf("src/ProjectMethod.Api"))
            .Where(folder => !NotFeatures.Contains(Path.GetFileName(folder)))
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories));

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Repository.PathOf("src/ProjectMethod.Api"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void Every_file_of_a_feature_is_its_api_contracts_commands_reader_store_or_gate_facts()
    {
        var features = FeatureFiles().ToList();

        features.Should().HaveCountGreaterThan(60);
        features.Select(Path.GetFileNameWithoutExtension).Where(name => !Roles.Any(role => name!.EndsWith(role, StringComparison.Ordinal)))
            .Should().BeEmpty("a feature folder holds XxxApi, XxxContracts, XxxCommands, XxxReader, XxxStore and XxxGateFacts files only");
    }

    [Fact]
    public void No_use_case_takes_a_request_and_only_commands_write()
    {
        var sources = Sources().Select(path => (Path: path, Name: Path.GetFileName(path), Text: File.ReadAllText(path))).ToList();
        static bool In(string path, string folder) => path.Contains($"{Path.DirectorySeparatorChar}{folder}{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

        // Endpoints, the request pipeline and the pages speak HTTP; a use case takes a Caller.
        sources.Where(s => !s.Name.EndsWith("Api.cs", StringComparison.Ordinal) && !In(s.Path, "Infrastructure") && !In(s.Path, "Web")
                           && s.Text.Contains("HttpContext", StringComparison.Ordinal))
            .Select(s => s.Name).Should().BeEmpty();

        // A write (the project write pipeline, or a transaction of the database) starts only in a feature's commands.
        var write = new System.Text.RegularExpressions.Regex(@"writes\.RunAsync|database\.WriteAsync");
        sources.Where(s => !In(s.Path, "Infrastructure") && write.IsMatch(s.Text) && !s.Name.EndsWith("Commands.cs", StringComparison.Ordinal))
            .Select(s => s.Name).Should().BeEmpty();
    }

    [Fact]
    public void Every_refusal_of_a_conflict_is_the_domains()
    {
        Sources().Where(path => File.ReadAllText(path).Contains("DomainError.Conflict(", StringComparison.Ordinal)).Select(Path.GetFileName)
            .Should().BeEmpty("a rule that refuses a change is a function of the domain, with its own test");
    }

    [Fact]
    public void No_two_public_types_of_the_service_share_a_name()
    {
        typeof(ProjectMethod.Api.Infrastructure.Caller).Assembly.GetExportedTypes()
            .Where(type => !type.Name.StartsWith('<'))
            .GroupBy(type => type.Name).Where(same => same.Count() > 1).Select(same => string.Join(", ", same.Select(t => t.FullName)))
            .Should().BeEmpty();
    }
}
