using System.Data.Common;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;

namespace ProjectMethod.Api.Risks;

/// <summary>A risk or an opportunity (usikkerhet) in the uncertainty register.</summary>
public enum UncertaintyKind
{
    Risk,
    Opportunity,
}

public enum RiskStatus
{
    Identified,
    Actioned,
    Closed,
}

/// <summary>An entry of the uncertainty register; probability and consequence are 1–5.</summary>
public sealed record RiskRequest(
    UncertaintyKind? Kind, string? Title, int? Probability, int? Consequence, string? Proximity, string? Strategy, string? OwnerUserId, RiskStatus? Status);

public sealed record RiskView
{
    public required Guid Id { get; init; }

    public required UncertaintyKind Kind { get; init; }

    public required string Title { get; init; }

    public required int Probability { get; init; }

    public required int Consequence { get; init; }

    public required string Proximity { get; init; }

    public required string Strategy { get; init; }

    public required string OwnerUserId { get; init; }

    public required RiskStatus Status { get; init; }

    public required string RecordedBy { get; init; }

    public required Instant RecordedAt { get; init; }

    public required Instant UpdatedAt { get; init; }

    /// <summary>Probability × consequence.</summary>
    public int Exposure => Probability * Consequence;
}

/// <summary>The register and the exposure the risk dimension is measured by.</summary>
public sealed record RiskRegister(IReadOnlyList<RiskView> Items, int Exposure);

public static class RisksApi
{
    public static IEndpointRouteBuilder MapRisks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/projects/{id:guid}/risks").WithTags("Risks");
        group.MapGet("/", List).WithName("listRisks").WithSummary("The uncertainty register and its exposure")
            .WithDescription("Exposure is the sum of probability × consequence of the open risks (opportunities and closed risks do not count): the risk dimension's forecast.")
            .WithProblems(404);
        group.MapPost("/", Record).WithName("recordRisk").WithSummary("Record a risk or an opportunity")
            .WithDescription("Anyone with a role on the project.").WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/{riskId:guid}", Update).WithName("updateRisk").WithSummary("Update a risk or an opportunity")
            .WithDescription("The Project Manager.").WithProblems(400, 403, 404, 409, 412);
        return app;
    }

    /// <summary>Sum of probability × consequence of the open risks.</summary>
    public static async Task<int> ExposureAsync(DbConnection connection, DbTransaction? transaction, Guid projectId, CancellationToken cancellationToken) =>
        (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COALESCE(SUM(probability * consequence), 0) FROM risks WHERE project_id = @projectId AND kind = 'risk' AND status <> 'closed'",
            new { projectId }, transaction, cancellationToken: cancellationToken));

    private static async Task<Results<Ok<RiskRegister>, ProblemHttpResult>> List(Guid id, Database database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await ProjectStore.GetAsync(connection, null, id, cancellationToken) is null)
        {
            return Problems.NotFound("The project");
        }

        var risks = (await connection.QueryAsync<RiskView>(new CommandDefinition(
            $"SELECT {Columns} FROM risks WHERE project_id = @id ORDER BY id", new { id }, cancellationToken: cancellationToken))).ToList();
        return TypedResults.Ok(new RiskRegister(risks, await ExposureAsync(connection, null, id, cancellationToken)));
    }

    private const string Columns =
        "id, kind, title, probability, consequence, proximity, strategy, owner_user_id AS OwnerUserId, status, recorded_by AS RecordedBy, recorded_at AS RecordedAt, updated_at AS UpdatedAt";

    private static async Task<Results<Created<RiskView>, ProblemHttpResult>> Record(Guid id, RiskRequest request, HttpContext http, ProjectWrites writes)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return Problems.Validation(invalid.Errors);
        }

        var result = await writes.RunAsync<RiskView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.RecordRisk) is { } forbidden)
            {
                return forbidden;
            }

            var risk = ToView(Ids.New(write.Now), request, write.Actor.UserId, write.Now, write.Now);
            await write.Connection.ExecuteAsync(write.Command(
                """
                INSERT INTO risks (id, project_id, kind, title, probability, consequence, proximity, strategy, owner_user_id, status, recorded_by, recorded_at, updated_at)
                VALUES (@Id, @projectId, @kind, @Title, @Probability, @Consequence, @Proximity, @Strategy, @OwnerUserId, @status, @RecordedBy, @RecordedAt, @UpdatedAt)
                """,
                new
                {
                    risk.Id, projectId = id, kind = risk.Kind.Wire(), risk.Title, risk.Probability, risk.Consequence, risk.Proximity, risk.Strategy,
                    risk.OwnerUserId, status = risk.Status.Wire(), risk.RecordedBy, risk.RecordedAt, risk.UpdatedAt,
                }));
            write.Record(EventTypes.RiskRecorded, risk);
            return risk;
        });
        return result.Problem ?? (Results<Created<RiskView>, ProblemHttpResult>)TypedResults.Created($"/api/v1/projects/{id}/risks/{result.Value!.Id}", result.Value);
    }

    private static async Task<Results<Ok<RiskView>, ProblemHttpResult>> Update(Guid id, Guid riskId, RiskRequest request, HttpContext http, ProjectWrites writes)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return Problems.Validation(invalid.Errors);
        }

        var result = await writes.RunAsync<RiskView>(http, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.UpdateRisk) is { } forbidden)
            {
                return forbidden;
            }

            var existing = await write.Connection.QuerySingleOrDefaultAsync<RiskView>(write.Command(
                $"SELECT {Columns} FROM risks WHERE project_id = @id AND id = @riskId", new { id, riskId }));
            if (existing is null)
            {
                return new DomainError(ErrorKind.NotFound, "not-found", "Not found", "The risk was not found.");
            }

            var risk = ToView(riskId, request, existing.RecordedBy, existing.RecordedAt, write.Now);
            await write.Connection.ExecuteAsync(write.Command(
                """
                UPDATE risks SET kind = @kind, title = @Title, probability = @Probability, consequence = @Consequence, proximity = @Proximity,
                                 strategy = @Strategy, owner_user_id = @OwnerUserId, status = @status, updated_at = @UpdatedAt
                WHERE id = @Id
                """,
                new
                {
                    risk.Id, kind = risk.Kind.Wire(), risk.Title, risk.Probability, risk.Consequence, risk.Proximity, risk.Strategy, risk.OwnerUserId,
                    status = risk.Status.Wire(), risk.UpdatedAt,
                }));
            write.Record(EventTypes.RiskUpdated, risk);
            return risk;
        });
        return result.Problem ?? (Results<Ok<RiskView>, ProblemHttpResult>)TypedResults.Ok(result.Value);
    }

    private static Validation Validate(RiskRequest request) => new Validation()
        .Required("kind", request.Kind)
        .Text("title", request.Title, Validation.ShortText)
        .Required("probability", request.Probability)
        .That(request.Probability is null or (>= 1 and <= 5), "probability", "probability is 1 to 5.")
        .Required("consequence", request.Consequence)
        .That(request.Consequence is null or (>= 1 and <= 5), "consequence", "consequence is 1 to 5.")
        .Text("proximity", request.Proximity, Validation.ShortText, required: false)
        .Text("strategy", request.Strategy, Validation.LongText, required: false)
        .Text("ownerUserId", request.OwnerUserId, Validation.ShortText);

    private static RiskView ToView(Guid id, RiskRequest request, string recordedBy, Instant recordedAt, Instant updatedAt) => new()
    {
        Id = id,
        Kind = request.Kind!.Value,
        Title = request.Title!.Trim(),
        Probability = request.Probability!.Value,
        Consequence = request.Consequence!.Value,
        Proximity = request.Proximity?.Trim() ?? "",
        Strategy = request.Strategy?.Trim() ?? "",
        OwnerUserId = request.OwnerUserId!.Trim(),
        Status = request.Status ?? RiskStatus.Identified,
        RecordedBy = recordedBy,
        RecordedAt = recordedAt,
        UpdatedAt = updatedAt,
    };
}
