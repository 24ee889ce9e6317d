using System.Net;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Tests;

/// <summary>The municipality's sectors: a register the board keeps, which projects and ideas must name.</summary>
public abstract class SectorsTests(ApiFactory api)
{
    private HttpClient Board => api.As("bjorn", GlobalRoles.PortfolioBoard);

    [ProviderFact]
    public async Task A_fresh_database_has_the_common_sectors_with_their_names()
    {
        var sectors = await api.As("nils").GetAsync("/api/v1/sectors").Expect(HttpStatusCode.OK);

        var names = sectors.GetProperty("items").EnumerateArray().ToDictionary(s => s.Str("slug")!, s => s.Str("nameNb")!);
        names.Should().Contain(new Dictionary<string, string>
        {
            ["helse-og-velferd"] = "Helse og velferd", ["oppvekst"] = "Oppvekst", ["kultur"] = "Kultur", ["teknisk"] = "Teknisk", ["samfunn"] = "Samfunn",
        });
        await api.As("pia").Post("/api/v1/projects", new { name = "Lekeplass", sector = "oppvekst", description = "Ny lekeplass ved skolen" }).Expect(HttpStatusCode.Created);
    }

    [ProviderFact]
    public async Task An_unknown_sector_is_refused_naming_the_sectors_there_are_and_nothing_is_written()
    {
        var before = (await api.As("nils").GetAsync("/api/v1/projects?limit=200").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength();

        var project = await api.As("pia").Post("/api/v1/projects", new { name = "Bibliotek", sector = "kulturr", description = "Nytt bibliotek" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");
        var idea = await api.As("pia").Post("/api/v1/ideas", new { title = "Bibliotek", description = "Nytt bibliotek", origin = "employee", sector = "kulturr" })
            .ExpectProblem(HttpStatusCode.BadRequest, "validation");

        foreach (var problem in new[] { project, idea })
        {
            var message = problem.GetProperty("errors").GetProperty("sector")[0].GetString();
            message.Should().Contain("'kulturr' is no sector").And.Contain("kultur").And.Contain("helse-og-velferd");
        }

        (await api.As("nils").GetAsync("/api/v1/projects?limit=200").Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength().Should().Be(before);
    }

    [ProviderFact]
    public async Task The_board_adds_renames_and_archives_a_sector_and_an_archived_one_keeps_its_projects_but_takes_no_new_ones()
    {
        await api.As("ada", GlobalRoles.Admin).Put("/api/v1/sectors/naering", new { nameNb = "Næring", nameEn = "Business" }).ExpectProblem(HttpStatusCode.Forbidden, "forbidden");
        await Board.Put("/api/v1/sectors/Næring", new { nameNb = "Næring", nameEn = "Business" }).ExpectProblem(HttpStatusCode.BadRequest, "validation");
        (await Board.Put("/api/v1/sectors/naering", new { nameNb = "Næring", nameEn = "Business" }).Expect(HttpStatusCode.Created)).Str("nameNb").Should().Be("Næring");
        var project = await api.As("pia").Post("/api/v1/projects", new { name = "Næringshage", sector = "naering", description = "Kontorfellesskap" }).Expect(HttpStatusCode.Created);

        (await Board.Put("/api/v1/sectors/naering", new { nameNb = "Næring og innovasjon", nameEn = "Business and innovation", archived = true }).Expect(HttpStatusCode.OK))
            .GetProperty("archived").GetBoolean().Should().BeTrue();

        (await api.As("pia").Post("/api/v1/projects", new { name = "Gründerhus", sector = "naering", description = "Lokaler" }).ExpectProblem(HttpStatusCode.BadRequest, "validation"))
            .GetProperty("errors").GetProperty("sector")[0].GetString().Should().Contain("archived");
        (await api.As("nils").GetAsync($"/api/v1/projects/{project.Str("id")}").Expect(HttpStatusCode.OK)).Str("sector").Should().Be("naering");
        var sectors = await api.As("nils").GetAsync("/api/v1/sectors").Expect(HttpStatusCode.OK);
        sectors.GetProperty("items").EnumerateArray().Single(s => s.Str("slug") == "naering").Str("nameNb").Should().Be("Næring og innovasjon");
        var history = await Board.GetAsync("/api/v1/events?limit=200").Expect(HttpStatusCode.OK);
        history.GetProperty("items").EnumerateArray().Count(e => e.Str("type") == "no.projectmethod.sectorSet").Should().BeGreaterThanOrEqualTo(2);
    }
}

public sealed class SectorsTestsOnSqlite(SqliteApi api) : SectorsTests(api), IClassFixture<SqliteApi>;

public sealed class SectorsTestsOnPostgres(PostgresApi api) : SectorsTests(api), IClassFixture<PostgresApi>;

public sealed class SectorsTestsOnSqlServer(SqlServerApi api) : SectorsTests(api), IClassFixture<SqlServerApi>;
