using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.ManageByException;

public static class ExceptionStore
{
    private const string Columns =
        """
        id, project_id AS ProjectId, level, stage, benefit_id AS BenefitId, dimension, state, escalated, forecast_id AS ForecastId, forecast_value AS ForecastValue,
        "plan", deviation, allowed, raised_at AS RaisedAt, report, reported_by AS ReportedBy, reported_at AS ReportedAt, decision, rationale,
        decided_by AS DecidedBy, decided_at AS DecidedAt, exemption, public_title AS PublicTitle,
        (SELECT p.programme_id FROM projects p WHERE p.id = exceptions.project_id) AS ProgrammeId
        """;

    private static readonly Sql OfProject = Sql.Of($"SELECT {Columns} FROM exceptions WHERE project_id = @projectId ORDER BY id");

    private static readonly Sql One = Sql.Of($"SELECT {Columns} FROM exceptions WHERE project_id = @projectId AND id = @exceptionId");

    private static readonly Sql Open = Sql.Of($"SELECT {Columns} FROM exceptions WHERE state IN @open ORDER BY id");

    private static readonly Sql CountOpen = Sql.Of("SELECT COUNT(*) FROM exceptions WHERE project_id = @projectId AND state IN @open");

    private static readonly Sql Insert = Sql.Of(
        """
        INSERT INTO exceptions (id, project_id, level, stage, benefit_id, dimension, state, escalated, forecast_id, forecast_value, "plan", deviation, allowed, raised_at)
        VALUES (@Id, @ProjectId, @level, @Stage, @BenefitId, @dimension, @state, @Escalated, @ForecastId, @ForecastValue, @Plan, @Deviation, @Allowed, @RaisedAt)
        """);

    private static readonly Sql Update = Sql.Of(
        """
        UPDATE exceptions SET state = @state, escalated = @Escalated, report = @Report, reported_by = @ReportedBy, reported_at = @ReportedAt,
                              decision = @decision, rationale = @Rationale, decided_by = @DecidedBy, decided_at = @DecidedAt,
                              exemption = @exemption, public_title = @PublicTitle
        WHERE id = @Id
        """);

    private static string[] OpenStates => ExceptionRules.OpenStates.Select(s => s.Wire()).ToArray();

    public static Task<IReadOnlyList<ExceptionView>> ForProjectAsync(DbSession db, Guid projectId) => db.ListAsync<ExceptionView>(OfProject, new { projectId });

    public static Task<ExceptionView?> GetAsync(DbSession db, Guid projectId, Guid exceptionId) =>
        db.SingleOrDefaultAsync<ExceptionView>(One, new { projectId, exceptionId });

    /// <summary>How many of the project's exceptions are still open: while any is, the project is in exception.</summary>
    public static async Task<int> CountOpenAsync(DbSession db, Guid projectId) =>
        (int)await db.ScalarAsync<long>(CountOpen, new { projectId, open = OpenStates });

    /// <summary>The portfolio board's inbox: the open exceptions it owns (project level or escalated), oldest first.</summary>
    /// <summary>Every exception not yet decided, in every project.</summary>
    public static Task<IReadOnlyList<ExceptionView>> OpenAsync(DbSession db) => db.ListAsync<ExceptionView>(Open, new { open = OpenStates });

    public static async Task<IReadOnlyList<ExceptionView>> EscalationsAsync(DbSession db) =>
        (await db.ListAsync<ExceptionView>(Open, new { open = OpenStates })).Where(e => e.Owner == Decider.PortfolioBoard).ToList();

    public static async Task<IReadOnlyList<OpenBreach>> OpenBreachesAsync(DbSession db, Guid projectId) =>
        (await ForProjectAsync(db, projectId))
            .Where(e => ExceptionRules.IsOpen(e.State))
            .Select(e => new OpenBreach(e.Level, e.Stage, e.BenefitId, e.Dimension))
            .ToList();

    /// <summary>Raises one exception per new breach and records each as an audit event.</summary>
    public static async Task<IReadOnlyList<ExceptionView>> RaiseAsync(ProjectWrite write, IReadOnlyList<Breach> breaches, Guid forecastId)
    {
        var raised = new List<ExceptionView>();
        foreach (var breach in breaches)
        {
            var exception = new ExceptionView
            {
                Id = Ids.New(write.Now),
                ProjectId = write.Project.Id,
                Level = breach.Level,
                Stage = breach.Stage,
                BenefitId = breach.ScopeId,
                Dimension = breach.Dimension,
                State = ExceptionState.Raised,
                ForecastId = forecastId,
                ForecastValue = breach.Evaluation.Forecast,
                Plan = breach.Evaluation.Plan,
                Deviation = breach.Evaluation.Deviation,
                Allowed = breach.Evaluation.AllowedDeviation,
                RaisedAt = write.Now,
                ProgrammeId = write.Project.ProgrammeId,
            };
            await write.Db.ExecuteAsync(Insert, new
            {
                exception.Id, exception.ProjectId, level = exception.Level.Wire(), exception.Stage, exception.BenefitId, dimension = exception.Dimension.Wire(),
                state = exception.State.Wire(), exception.Escalated, exception.ForecastId, exception.ForecastValue, exception.Plan, exception.Deviation,
                exception.Allowed, exception.RaisedAt,
            });
            write.Record(EventTypes.ExceptionRaised, new ExceptionRaisedData(
                exception.Id, exception.Level, exception.Stage, exception.BenefitId, exception.Dimension, exception.ForecastValue, exception.Plan,
                exception.Deviation, exception.Allowed, exception.Owner));
            raised.Add(exception);
        }

        return raised;
    }

    /// <summary>
    /// A stop at a decision point settles the project's open exceptions: each is superseded by the stop, audited, so
    /// nothing is left blocking BP5.
    /// </summary>
    public static async Task<IReadOnlyList<ExceptionView>> SupersedeOpenAsync(ProjectWrite write, string rationale)
    {
        var superseded = new List<ExceptionView>();
        foreach (var open in (await ForProjectAsync(write.Db, write.Project.Id)).Where(e => ExceptionRules.IsOpen(e.State)))
        {
            var settled = open with
            {
                State = ExceptionRules.SupersedeByStop(open.ToCase()), Rationale = rationale, DecidedBy = write.Actor.UserId, DecidedAt = write.Now,
            };
            await UpdateAsync(write.Db, settled);
            write.Record(EventTypes.ExceptionSuperseded, new ExceptionSupersededData(settled.Id, settled.State, rationale));
            superseded.Add(settled);
        }

        return superseded;
    }

    public static Task UpdateAsync(DbSession db, ExceptionView exception) =>
        db.ExecuteAsync(Update, new
        {
            state = exception.State.Wire(), exception.Escalated, exception.Report, exception.ReportedBy, exception.ReportedAt,
            decision = exception.Decision?.Wire(), exception.Rationale, exception.DecidedBy, exception.DecidedAt, exception.Id,
            exemption = exception.Exemption?.Wire(), exception.PublicTitle,
        });
}
