using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ProjectMethod.Api.Tests.Infrastructure;
using ProjectMethod.Api.Web;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Roles;
using static ProjectMethod.Api.Web.Inbox;

namespace ProjectMethod.Api.Tests;

/// <summary>
/// What waits for each person besides decisions, read on the real database: a product's next step for whoever takes it,
/// a highlight report as it falls due, an idea for the board.
/// </summary>
public abstract class InboxTests(ApiFactory api)
{
    private async Task<Contents> WaitingFor(string userId, params string[] roles)
    {
        using var scope = api.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<Inbox>().ReadAsync(Web.Web.Principal(userId, TestPeople.NameOf(userId), roles), default);
    }

    private async Task<IReadOnlyList<WaitingStep>> StepsOf(string userId, Guid project) =>
        [.. (await WaitingFor(userId)).Steps.Where(s => s.Project?.Id == project)];

    [ProviderFact]
    public async Task A_products_next_step_waits_for_whoever_takes_it_and_never_for_whoever_submitted_it()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var product = Guid.Parse(project.ProductId!);

        (await StepsOf("sven", project.Id)).Should().BeEmpty("the approved product is not yet submitted");
        await project.ProjectManager.Post($"{project.Url}/products/{product}/submit", new { comment = "Klar" }).Expect(HttpStatusCode.OK);

        (await StepsOf("sven", project.Id)).Should().ContainSingle(s => s.Kind == StepKind.ReviewProduct && s.Link.EndsWith($"#produkt-{product}", StringComparison.Ordinal));
        (await StepsOf("siri", project.Id)).Should().BeEmpty("nothing is hers to accept before the review passes");
        await project.SeniorSupplier.Post($"{project.Url}/products/{product}/review", new { result = "passed", method = "Pilot", reviewers = new[] { "sven" } })
            .Expect(HttpStatusCode.OK);

        (await StepsOf("sven", project.Id)).Should().BeEmpty();
        (await StepsOf("siri", project.Id)).Should().ContainSingle(s => s.Kind == StepKind.AcceptProduct);
        await project.DescribeProduct(1, "Opplæring");
        (await StepsOf("siri", project.Id)).Select(s => s.Kind).Should().BeEquivalentTo([StepKind.AcceptProduct, StepKind.ApproveProduct]);
        (await StepsOf("eva", project.Id)).Should().ContainSingle(s => s.Kind == StepKind.ApproveProduct && s.Subject != "", "the Executive may approve a description too");
        (await StepsOf("per", project.Id)).Should().BeEmpty("the Project Manager wrote it");
    }

    [ProviderFact]
    public async Task A_highlight_report_waits_for_the_project_manager_from_two_weeks_before_it_falls_due_and_a_report_moves_it_on()
    {
        var project = await new Scenario(api).InExecutionAsync();
        var began = api.Clock.GetCurrentInstant().InUtc().Date;

        (await StepsOf("per", project.Id)).Should().NotContain(s => s.Kind == StepKind.HighlightReport, "a month is left");
        api.Clock.Advance(Duration.FromDays(17));
        var report = (await StepsOf("per", project.Id)).Should().ContainSingle(s => s.Kind == StepKind.HighlightReport).Subject;
        report.Due.Should().Be(began.PlusDays(CategoryProfile.Medium.HighlightReportDays), "a medium project reports monthly");
        report.Subject.Should().Be("1", "the stage under way");
        (await StepsOf("eva", project.Id)).Should().NotContain(s => s.Kind == StepKind.HighlightReport, "the Project Manager reports");

        await project.Forecast(1);

        (await StepsOf("per", project.Id)).Should().NotContain(s => s.Kind == StepKind.HighlightReport, "the next falls due a month after this one");
        api.Clock.Advance(Duration.FromDays(40));
        var overdue = await WaitingFor("per");
        overdue.Steps.Should().Contain(s => s.Project!.Id == project.Id && s.Kind == StepKind.HighlightReport && s.Due < overdue.Today);
    }

    [ProviderFact]
    public async Task An_idea_received_waits_for_the_portfolio_board_and_for_nobody_else_and_everything_counts()
    {
        var idea = await api.As("pia").Post("/api/v1/ideas", new { title = $"Idé {Guid.NewGuid():N}", description = "Beskrivelse", origin = "employee", sector = "helse" })
            .Expect(HttpStatusCode.Created);
        var title = idea.Str("title");

        var board = await WaitingFor("bjorn", GlobalRoles.PortfolioBoard);
        board.Steps.Should().ContainSingle(s => s.Kind == StepKind.Idea && s.Subject == title);
        board.Count.Should().Be(board.Requests.Count + board.Exceptions.Count + board.BenefitChanges.Count + board.InputsToAnswer.Count + board.Steps.Count);
        (await WaitingFor("pia")).Steps.Should().NotContain(s => s.Kind == StepKind.Idea);

        await api.As("bjorn", GlobalRoles.PortfolioBoard).Post($"/api/v1/ideas/{idea.Str("id")}/triage", new { decision = "decline", rationale = "Ikke prioritert i år" })
            .Expect(HttpStatusCode.OK);
        (await WaitingFor("bjorn", GlobalRoles.PortfolioBoard)).Steps.Should().NotContain(s => s.Subject == title);
    }
}

public sealed class InboxTestsOnSqlite(SqliteApi api) : InboxTests(api), IClassFixture<SqliteApi>;

public sealed class InboxTestsOnPostgres(PostgresApi api) : InboxTests(api), IClassFixture<PostgresApi>;
