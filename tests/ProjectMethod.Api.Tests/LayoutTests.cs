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
}
