using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.CoCreation;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.CoCreation;

/// <summary>The co-creation register of each project: groups, plan, activities with who took part, and inputs with their answers.</summary>
public static class CoCreationStore
{
    private sealed record ParticipationRow
    {
        public required Guid ActivityId { get; init; }

        public required Guid GroupId { get; init; }

        public required int Participants { get; init; }
    }

    private sealed record ActivityRow
    {
        public required Guid Id { get; init; }

        public required NodaTime.LocalDate HeldOn { get; init; }

        public required ActivityKind Kind { get; init; }

        public required Phase Phase { get; init; }

        public required InvolvementLevel Level { get; init; }

        public required string Summary { get; init; }

        public required string RecordedBy { get; init; }

        public required NodaTime.Instant RecordedAt { get; init; }
    }

    private sealed record InputRow
    {
        public required Guid Id { get; init; }

        public required Guid ActivityId { get; init; }

        public required Guid GroupId { get; init; }

        public required string Body { get; init; }

        public required NodaTime.LocalDate ReceivedOn { get; init; }

        public required string RecordedBy { get; init; }

        public required NodaTime.Instant RecordedAt { get; init; }

        public InputOutcome? Outcome { get; init; }

        public string? Explanation { get; init; }

        public Guid? ProductId { get; init; }

        public Guid? DecisionId { get; init; }

        public string? RespondedBy { get; init; }

        public NodaTime.Instant? RespondedAt { get; init; }

        public InputView ToView() => new()
        {
            Id = Id, ActivityId = ActivityId, GroupId = GroupId, Text = Body, Received = ReceivedOn, RecordedBy = RecordedBy, RecordedAt = RecordedAt,
            Response = Outcome is { } outcome ? new InputResponseView(outcome, Explanation ?? "", ProductId, DecisionId, RespondedBy ?? "", RespondedAt ?? RecordedAt) : null,
        };
    }

    private static readonly Sql Groups = Sql.Of(
        """
        SELECT id, name, kind, hard_to_reach AS HardToReach, notes, recorded_by AS RecordedBy, recorded_at AS RecordedAt
        FROM co_creation_groups WHERE project_id = @projectId ORDER BY id
        """);

    private static readonly Sql InsertGroup = Sql.Of(
        """
        INSERT INTO co_creation_groups (id, project_id, name, kind, hard_to_reach, notes, recorded_by, recorded_at)
        VALUES (@Id, @projectId, @Name, @kind, @HardToReach, @Notes, @RecordedBy, @RecordedAt)
        """);

    private static readonly Sql Plan = Sql.Of(
        """
        SELECT group_id AS GroupId, phase, level, purpose, gap_explanation AS GapExplanation
        FROM co_creation_plan WHERE project_id = @projectId ORDER BY group_id, phase
        """);

    private static readonly Sql ClearPlan = Sql.Of("DELETE FROM co_creation_plan WHERE project_id = @projectId");

    private static readonly Sql InsertPlanEntry = Sql.Of(
        """
        INSERT INTO co_creation_plan (project_id, group_id, phase, level, purpose, gap_explanation)
        VALUES (@projectId, @GroupId, @phase, @level, @purpose, @GapExplanation)
        """);

    private static readonly Sql ExplainGap = Sql.Of(
        "UPDATE co_creation_plan SET gap_explanation = @explanation WHERE project_id = @projectId AND group_id = @groupId AND phase = @phase");

    private static readonly Sql Activities = Sql.Of(
        """
        SELECT id, held_on AS HeldOn, kind, phase, level, summary, recorded_by AS RecordedBy, recorded_at AS RecordedAt
        FROM co_creation_activities WHERE project_id = @projectId ORDER BY id
        """);

    private static readonly Sql Participation = Sql.Of(
        """
        SELECT pa.activity_id AS ActivityId, pa.group_id AS GroupId, pa.participants AS Participants
        FROM co_creation_participation pa JOIN co_creation_activities a ON a.id = pa.activity_id
        WHERE a.project_id = @projectId ORDER BY pa.activity_id, pa.group_id
        """);

    private static readonly Sql InsertActivity = Sql.Of(
        """
        INSERT INTO co_creation_activities (id, project_id, held_on, kind, phase, level, summary, recorded_by, recorded_at)
        VALUES (@Id, @projectId, @Date, @kind, @phase, @level, @Summary, @RecordedBy, @RecordedAt)
        """);

    private static readonly Sql InsertParticipation = Sql.Of(
        "INSERT INTO co_creation_participation (activity_id, group_id, participants) VALUES (@activityId, @GroupId, @Participants)");

    private const string InputColumns =
        """
        id, activity_id AS ActivityId, group_id AS GroupId, body, received_on AS ReceivedOn, recorded_by AS RecordedBy, recorded_at AS RecordedAt,
        outcome, explanation, product_id AS ProductId, decision_id AS DecisionId, responded_by AS RespondedBy, responded_at AS RespondedAt
        """;

    private static readonly Sql Inputs = Sql.Of($"SELECT {InputColumns} FROM co_creation_inputs WHERE project_id = @projectId ORDER BY id");

    private static readonly Sql OneInput = Sql.Of($"SELECT {InputColumns} FROM co_creation_inputs WHERE project_id = @projectId AND id = @inputId");

    private static readonly Sql InsertInput = Sql.Of(
        """
        INSERT INTO co_creation_inputs (id, project_id, activity_id, group_id, body, received_on, recorded_by, recorded_at)
        VALUES (@Id, @projectId, @ActivityId, @GroupId, @Text, @Received, @RecordedBy, @RecordedAt)
        """);

    private static readonly Sql Respond = Sql.Of(
        """
        UPDATE co_creation_inputs SET outcome = @outcome, explanation = @Explanation, product_id = @ProductId, decision_id = @DecisionId,
                                      responded_by = @RespondedBy, responded_at = @RespondedAt
        WHERE project_id = @projectId AND id = @inputId
        """);

    private static readonly Sql ProductExists = Sql.Of("SELECT COUNT(*) FROM products WHERE project_id = @projectId AND id = @id");

    private static readonly Sql DecisionExists = Sql.Of("SELECT COUNT(*) FROM decisions WHERE project_id = @projectId AND id = @id");

    public static Task<IReadOnlyList<StakeholderGroupView>> GroupsAsync(DbSession db, Guid projectId) => db.ListAsync<StakeholderGroupView>(Groups, new { projectId });

    public static Task InsertGroupAsync(DbSession db, Guid projectId, StakeholderGroupView group) =>
        db.ExecuteAsync(InsertGroup, new { group.Id, projectId, group.Name, kind = group.Kind.Wire(), group.HardToReach, group.Notes, group.RecordedBy, group.RecordedAt });

    public static Task<IReadOnlyList<PlanEntryView>> PlanAsync(DbSession db, Guid projectId) => db.ListAsync<PlanEntryView>(Plan, new { projectId });

    /// <summary>The plan replaced as a whole: what is not in <paramref name="plan"/> is no longer planned.</summary>
    public static async Task ReplacePlanAsync(DbSession db, Guid projectId, IEnumerable<PlanEntryView> plan)
    {
        await db.ExecuteAsync(ClearPlan, new { projectId });
        foreach (var entry in plan)
        {
            await db.ExecuteAsync(InsertPlanEntry, new
            {
                projectId, entry.GroupId, phase = entry.Phase.Wire(), level = entry.Level.Wire(), purpose = entry.Purpose.Wire(), entry.GapExplanation,
            });
        }
    }

    public static Task ExplainGapAsync(DbSession db, Guid projectId, Guid groupId, Phase phase, string explanation) =>
        db.ExecuteAsync(ExplainGap, new { projectId, groupId, phase = phase.Wire(), explanation });

    public static async Task<IReadOnlyList<ActivityView>> ActivitiesAsync(DbSession db, Guid projectId)
    {
        var rows = await db.ListAsync<ActivityRow>(Activities, new { projectId });
        var groups = (await db.ListAsync<ParticipationRow>(Participation, new { projectId })).ToLookup(p => p.ActivityId);
        return rows.Select(a => new ActivityView
        {
            Id = a.Id, Date = a.HeldOn, Kind = a.Kind, Phase = a.Phase, Level = a.Level, Summary = a.Summary, RecordedBy = a.RecordedBy, RecordedAt = a.RecordedAt,
            Groups = groups[a.Id].Select(p => new Participation(p.GroupId, p.Participants)).ToList(),
        }).ToList();
    }

    public static async Task InsertActivityAsync(DbSession db, Guid projectId, ActivityView activity)
    {
        await db.ExecuteAsync(InsertActivity, new
        {
            activity.Id, projectId, activity.Date, kind = activity.Kind.Wire(), phase = activity.Phase.Wire(), level = activity.Level.Wire(),
            activity.Summary, activity.RecordedBy, activity.RecordedAt,
        });
        foreach (var group in activity.Groups)
        {
            await db.ExecuteAsync(InsertParticipation, new { activityId = activity.Id, group.GroupId, group.Participants });
        }
    }

    public static async Task<IReadOnlyList<InputView>> InputsAsync(DbSession db, Guid projectId) =>
        (await db.ListAsync<InputRow>(Inputs, new { projectId })).Select(i => i.ToView()).ToList();

    public static async Task<InputView?> InputAsync(DbSession db, Guid projectId, Guid inputId) =>
        (await db.SingleOrDefaultAsync<InputRow>(OneInput, new { projectId, inputId }))?.ToView();

    public static Task InsertInputAsync(DbSession db, Guid projectId, InputView input) =>
        db.ExecuteAsync(InsertInput, new { input.Id, projectId, input.ActivityId, input.GroupId, input.Text, input.Received, input.RecordedBy, input.RecordedAt });

    public static Task RespondAsync(DbSession db, Guid projectId, Guid inputId, InputResponseView response) =>
        db.ExecuteAsync(Respond, new
        {
            projectId, inputId, outcome = response.Outcome.Wire(), response.Explanation, response.ProductId, response.DecisionId, response.RespondedBy, response.RespondedAt,
        });

    public static async Task<bool> ProductExistsAsync(DbSession db, Guid projectId, Guid id) => await db.ScalarAsync<long>(ProductExists, new { projectId, id }) > 0;

    public static async Task<bool> DecisionExistsAsync(DbSession db, Guid projectId, Guid id) => await db.ScalarAsync<long>(DecisionExists, new { projectId, id }) > 0;

    /// <summary>The whole register, read in one session, seen from <paramref name="today"/>.</summary>
    public static async Task<CoCreationRegister> RegisterAsync(DbSession db, Guid projectId, NodaTime.LocalDate today) =>
        CoCreationRegister.Of(await GroupsAsync(db, projectId), await PlanAsync(db, projectId), await ActivitiesAsync(db, projectId), await InputsAsync(db, projectId), today);
}
