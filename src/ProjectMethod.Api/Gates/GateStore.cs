using NodaTime;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.People;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>A request for a decision as the API shows it.</summary>
public sealed record GateRequestView(Guid Id, DecisionPoint DecisionPoint, Phase Phase, int? Stage, string Recommendation, [property: Person] string RequestedBy, Instant RequestedAt);

/// <summary>
/// One entry of the decision log (beslutningslogg), with what the archive files: a title, who decided and in which
/// role, the recommendation the decision answered and who gave it, the rationale, and the criteria as judged.
/// </summary>
public sealed record DecisionView
{
    public required Guid Id { get; init; }

    public required Guid ProjectId { get; init; }

    public required string ProjectName { get; init; }

    /// <summary>
    /// The decision as the archive titles it, in bokmål: «Nytt skolebygg: BP2 godkjent (Konsept → Planlegging)»; its public
    /// title when its content is withheld from the reader.
    /// </summary>
    public string Title => ContentWithheld && PublicTitle is { } shown ? shown : DecisionTitles.Of(ProjectName, DecisionPoint, Decision, FromPhase, ToPhase);

    public required DecisionPoint DecisionPoint { get; init; }

    public required Decision Decision { get; init; }

    public required string Rationale { get; init; }

    public Guid? RequestId { get; init; }

    /// <summary>The recommendation of the request the decision answered; null for a stop, which needs none.</summary>
    public string? Recommendation { get; init; }

    /// <summary>Who asked for the decision; null for a stop.</summary>
    [Person]
    public string? RequestedBy { get; init; }

    public required Phase FromPhase { get; init; }

    public int? FromStage { get; init; }

    public required Phase ToPhase { get; init; }

    public int? ToStage { get; init; }

    public bool ClosedEarly { get; init; }

    [Person]
    public required string DecidedBy { get; init; }

    /// <summary>The role the decision point gives its decider: the portfolio board (virksomhetsledelsen) or the Executive.</summary>
    public Decider DecidedAs => DecisionPoints.DeciderOf(DecisionPoint);

    public required Instant DecidedAt { get; init; }

    /// <summary>Every criterion of the decision point as judged when it was decided; null for decisions recorded before criteria were kept.</summary>
    public IReadOnlyList<CriterionResult>? Criteria { get; init; }

    /// <summary>Under board consensus, every board member's vote on the request, in the order cast; empty otherwise.</summary>
    public IReadOnlyList<GateVoteView> Votes { get; init; } = [];

    /// <summary>The section of offentleglova its decider named to exempt its content from public access; null when it is public.</summary>
    public Archive.ExemptionBasis? Exemption { get; init; }

    /// <summary>The title the public may read; null for a public decision (its title is public).</summary>
    public string? PublicTitle { get; init; }

    /// <summary>The decision's journal number in the municipality's archive, once the archive has receipted it.</summary>
    public string? JournalNumber { get; init; }

    /// <summary>The category a BP1 approval confirmed or changed the mandate's proposal to; null for other decisions.</summary>
    public Domain.Handbooks.ProjectCategory? Category { get; init; }

    /// <summary>
    /// True when the decision is exempt and the reader may not see its content (only those with a role on the project, its proposer, the
    /// portfolio board, admins and integrators may): the title is then the public title, and the rationale, recommendation,
    /// criteria and votes' reasons are left out.
    /// </summary>
    public bool ContentWithheld { get; init; }

    /// <summary>The decision as a reader sees it: whole, or, when exempt and the reader may not see its content, without it.</summary>
    public DecisionView SeenBy(bool mayReadExempt) => Exemption is null || mayReadExempt
        ? this
        : this with
        {
            Rationale = "",
            Recommendation = null,
            Criteria = null,
            Votes = Votes.Select(v => v with { Rationale = "" }).ToList(),
            ContentWithheld = true,
        };
}

/// <summary>A board member's vote on a request under board consensus.</summary>
public sealed record GateVoteView
{
    public required Guid Id { get; init; }

    public required Guid RequestId { get; init; }

    public required DecisionPoint DecisionPoint { get; init; }

    [Person("voter")]
    public required string UserId { get; init; }

    public required Decision Decision { get; init; }

    public required string Rationale { get; init; }

    public required Instant VotedAt { get; init; }
}

public static class GateStore
{
    private sealed record RequestRow
    {
        public required Guid Id { get; init; }

        public required DecisionPoint DecisionPoint { get; init; }

        public required Phase Phase { get; init; }

        public int? Stage { get; init; }

        public required string Recommendation { get; init; }

        public required string RequestedBy { get; init; }

        public required Instant RequestedAt { get; init; }

        public GateRequestView ToView() => new(Id, DecisionPoint, Phase, Stage, Recommendation, RequestedBy, RequestedAt);
    }

    private static readonly Sql OpenRequest = Sql.Of(
        """
        SELECT id, decision_point AS DecisionPoint, phase, stage, recommendation, requested_by AS RequestedBy, requested_at AS RequestedAt
        FROM gate_requests WHERE project_id = @projectId AND decision_id IS NULL
        """);

    private static readonly Sql InsertRequest = Sql.Of(
        """
        INSERT INTO gate_requests (id, project_id, decision_point, phase, stage, recommendation, requested_by, requested_at)
        VALUES (@Id, @projectId, @decisionPoint, @phase, @Stage, @Recommendation, @RequestedBy, @RequestedAt)
        """);

    private static readonly Sql InsertDecision = Sql.Of(
        """
        INSERT INTO decisions (id, project_id, decision_point, decision, rationale, request_id, from_phase, from_stage, to_phase, to_stage,
                               closed_early, decided_by, decided_at, criteria, exemption, public_title, category)
        VALUES (@Id, @projectId, @decisionPoint, @decision, @Rationale, @RequestId, @fromPhase, @FromStage, @toPhase, @ToStage,
                @ClosedEarly, @DecidedBy, @DecidedAt, @Criteria, @exemption, @PublicTitle, @category)
        """);

    private static readonly Sql AnswerRequest = Sql.Of("UPDATE gate_requests SET decision_id = @Id WHERE id = @requestId");

    private const string DecisionColumns =
        """
        SELECT d.id, d.project_id AS ProjectId, p.name AS ProjectName, d.decision_point AS DecisionPoint, d.decision, d.rationale,
               d.request_id AS RequestId, r.recommendation, r.requested_by AS RequestedBy, d.from_phase AS FromPhase, d.from_stage AS FromStage,
               d.to_phase AS ToPhase, d.to_stage AS ToStage, d.closed_early AS ClosedEarly, d.decided_by AS DecidedBy, d.decided_at AS DecidedAt,
               d.criteria, d.exemption, d.public_title AS PublicTitle, a.journal_number AS JournalNumber, d.category
        FROM decisions d JOIN projects p ON p.id = d.project_id LEFT JOIN gate_requests r ON r.id = d.request_id
        LEFT JOIN archive_records a ON a.id = d.id
        """;

    private static readonly Sql Decisions = Sql.Of(DecisionColumns + " WHERE d.project_id = @projectId AND d.id > @after ORDER BY d.id LIMIT @limit");

    private static readonly Sql AcrossPortfolio = Sql.Of(
        DecisionColumns + """
         WHERE d.id > @after AND d.decided_at >= @since AND (@sector IS NULL OR p.sector = @sector) ORDER BY d.id LIMIT @limit
        """);

    private static readonly Sql VotesInRange = Sql.Of(
        """
        SELECT id, request_id AS RequestId, decision_point AS DecisionPoint, user_id AS UserId, decision, rationale, voted_at AS VotedAt
        FROM gate_votes WHERE request_id IN (SELECT request_id FROM decisions WHERE id >= @first AND id <= @last) ORDER BY id
        """);

    private static readonly Sql DecisionById = Sql.Of(DecisionColumns + " WHERE d.project_id = @projectId AND d.id = @decisionId");

    private static readonly Sql RequestById = Sql.Of(
        """
        SELECT id, decision_point AS DecisionPoint, phase, stage, recommendation, requested_by AS RequestedBy, requested_at AS RequestedAt
        FROM gate_requests WHERE project_id = @projectId AND id = @requestId
        """);

    private static readonly Sql InsertVote = Sql.Of(
        """
        INSERT INTO gate_votes (id, project_id, request_id, decision_point, user_id, decision, rationale, voted_at)
        VALUES (@Id, @projectId, @RequestId, @decisionPoint, @UserId, @decision, @Rationale, @VotedAt)
        """);

    private static readonly Sql Votes = Sql.Of(
        """
        SELECT id, request_id AS RequestId, decision_point AS DecisionPoint, user_id AS UserId, decision, rationale, voted_at AS VotedAt
        FROM gate_votes WHERE project_id = @projectId ORDER BY id
        """);

    public static Task InsertVoteAsync(DbSession db, Guid projectId, GateVoteView vote) =>
        db.ExecuteAsync(InsertVote, new
        {
            vote.Id, projectId, vote.RequestId, decisionPoint = vote.DecisionPoint.Wire(), vote.UserId, decision = vote.Decision.Wire(), vote.Rationale,
            vote.VotedAt,
        });

    /// <summary>The votes cast on these requests, oldest first (a project has few: they are read together and picked here).</summary>
    public static async Task<IReadOnlyList<GateVoteView>> VotesAsync(DbSession db, Guid projectId, IReadOnlyCollection<Guid> requestIds) =>
        requestIds.Count == 0 ? [] : (await db.ListAsync<GateVoteView>(Votes, new { projectId })).Where(v => requestIds.Contains(v.RequestId)).ToList();

    public static async Task<GateRequestView?> OpenRequestAsync(DbSession db, Guid projectId) =>
        (await db.SingleOrDefaultAsync<RequestRow>(OpenRequest, new { projectId }))?.ToView();

    public static OpenGateRequest? ToDomain(this GateRequestView? request) =>
        request is null ? null : new OpenGateRequest(request.Id, request.DecisionPoint, request.RequestedBy);

    public static Task InsertRequestAsync(DbSession db, Guid projectId, GateRequestView request) =>
        db.ExecuteAsync(InsertRequest, new
        {
            request.Id, projectId, decisionPoint = request.DecisionPoint.Wire(), phase = request.Phase.Wire(), request.Stage,
            request.Recommendation, request.RequestedBy, request.RequestedAt,
        });

    /// <summary>Records a decision in the decision log; one that answers a request closes it.</summary>
    public static async Task InsertDecisionAsync(DbSession db, Guid projectId, DecisionView decision)
    {
        await db.ExecuteAsync(InsertDecision, new
        {
            decision.Id, projectId, decisionPoint = decision.DecisionPoint.Wire(), decision = decision.Decision.Wire(), decision.Rationale,
            decision.RequestId, fromPhase = decision.FromPhase.Wire(), decision.FromStage, toPhase = decision.ToPhase.Wire(), decision.ToStage,
            decision.ClosedEarly, decision.DecidedBy, decision.DecidedAt,
            decision.Criteria, exemption = decision.Exemption?.Wire(), decision.PublicTitle, category = decision.Category?.Wire(),
        });
        if (decision.RequestId is { } requestId)
        {
            await db.ExecuteAsync(AnswerRequest, new { decision.Id, requestId });
        }
    }

    /// <summary>A page of the decision log, each decision with the votes cast on its request.</summary>
    public static async Task<IReadOnlyList<DecisionView>> DecisionsAsync(DbSession db, Guid projectId, Paging paging) =>
        await WithVotesAsync(db, projectId, await db.ListAsync<DecisionView>(Decisions, new { projectId, after = paging.AfterId, limit = paging.FetchSize }));

    /// <summary>One decision of the project's log, with the votes cast on its request; null when the project made none by that id.</summary>
    public static async Task<DecisionView?> DecisionAsync(DbSession db, Guid projectId, Guid decisionId) =>
        await db.SingleOrDefaultAsync<DecisionView>(DecisionById, new { projectId, decisionId }) is { } row
            ? (await WithVotesAsync(db, projectId, [row]))[0]
            : null;

    /// <summary>One request for a decision of the project, open or answered; null when the project made none by that id.</summary>
    public static async Task<GateRequestView?> RequestAsync(DbSession db, Guid projectId, Guid requestId) =>
        (await db.SingleOrDefaultAsync<RequestRow>(RequestById, new { projectId, requestId }))?.ToView();

    /// <summary>A page of every project's decisions, oldest first: decided at or after since, of one sector when given.</summary>
    public static async Task<IReadOnlyList<DecisionView>> AcrossPortfolioAsync(DbSession db, string? sector, Instant since, Paging paging)
    {
        var rows = await db.ListAsync<DecisionView>(AcrossPortfolio, new { sector, since, after = paging.AfterId, limit = paging.FetchSize });
        if (rows.Count == 0)
        {
            return [];
        }

        return WithVotes(rows, await db.ListAsync<GateVoteView>(VotesInRange, new { first = rows[0].Id, last = rows[^1].Id }));
    }

    private static async Task<IReadOnlyList<DecisionView>> WithVotesAsync(DbSession db, Guid projectId, IReadOnlyList<DecisionView> rows) =>
        WithVotes(rows, await VotesAsync(db, projectId, rows.Select(d => d.RequestId).OfType<Guid>().ToList()));

    /// <summary>Each decision with the votes cast on the request it answered, in the order cast.</summary>
    private static List<DecisionView> WithVotes(IReadOnlyList<DecisionView> rows, IEnumerable<GateVoteView> votes)
    {
        var byRequest = votes.ToLookup(v => v.RequestId);
        return rows.Select(row => row.RequestId is { } request && byRequest.Contains(request) ? row with { Votes = byRequest[request].ToList() } : row).ToList();
    }
}
