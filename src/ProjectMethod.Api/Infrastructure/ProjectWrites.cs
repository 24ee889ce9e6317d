using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// One write to one project, inside one transaction: the loaded project, its roles, the actor's standing, and the
/// audit events the write records.
/// </summary>
public sealed class ProjectWrite(DbSession db, ProjectRow project, IReadOnlyList<RoleAssignment> roles, ProjectStanding standing, Instant now, People.PeopleReader people)
{
    private readonly List<(Events.EventType Type, object Payload)> events = [];

    /// <summary>The write's transaction: every store call of the write goes through it.</summary>
    public DbSession Db => db;

    public ProjectRow Project => project;

    public IReadOnlyList<RoleAssignment> Roles => roles;

    public ProjectStanding Standing => standing;

    public Actor Actor => standing.Actor;

    public Instant Now => now;

    public CancellationToken CancellationToken => db.CancellationToken;

    internal IReadOnlyList<(Events.EventType Type, object Payload)> Events => events;

    /// <summary>Records the domain event of this change; it is appended to the audit trail in the same transaction.</summary>
    public void Record<TPayload>(Events.EventType<TPayload> type, TPayload payload)
        where TPayload : notnull => events.Add((type, payload));

    private HandbookVersion? handbook;

    /// <summary>The handbook version the project is bound to, tailored to its category, read once per write.</summary>
    public async Task<HandbookVersion> HandbookAsync() => handbook ??= await HandbookStore.ForProjectAsync(db, project);

    private IReadOnlyDictionary<string, People.PersonView>? known;

    /// <summary>The person of each id, for fields that name people (null for an id nobody has); read once per write.</summary>
    public async Task<IReadOnlyDictionary<string, People.PersonView>> PeopleAsync() => known ??= await people.PeopleAsync(db);

    /// <summary>
    /// Every field that names a person names a known one: a 400 naming each field whose id the register of people does not
    /// hold, or null. Fields left empty are the use case's to require.
    /// </summary>
    public async Task<DomainError?> CheckKnownAsync(params (string Field, string? UserId)[] named) => CheckKnown(await PeopleAsync(), named);

    /// <summary>Every field that names a person names one the register holds: a 400 naming each that does not, or null.</summary>
    public static DomainError? CheckKnown(IReadOnlyDictionary<string, People.PersonView> register, IEnumerable<(string Field, string? UserId)> named)
    {
        var validation = new Validation();
        foreach (var (field, userId) in named.Where(n => !string.IsNullOrWhiteSpace(n.UserId)))
        {
            validation.That(register.ContainsKey(userId!.Trim()), field, $"No person with the id '{userId.Trim()}' is known: choose one from GET /api/v1/people.");
        }

        return validation.IsValid ? null : validation.ToError();
    }

    /// <summary>The project's tolerance dimensions and at-risk threshold, from its handbook.</summary>
    public async Task<ToleranceSettings> TolerancesAsync() => ToleranceSettings.Of(await HandbookAsync());
}

public static class WriteResult
{
    /// <summary>A write refused before it reached the project (its request was invalid).</summary>
    public static WriteResult<T> Refused<T>(ProblemHttpResult problem) => new(default, 0, problem);
}

/// <summary>What a project write produced: the value and the project's new version, or the problem that refused it.</summary>
public sealed record WriteResult<T>(T? Value, long Version, ProblemHttpResult? Problem)
{
    /// <summary>The same outcome with the value shown another way.</summary>
    public WriteResult<TView> Select<TView>(Func<T, TView> view) => new(Problem is null ? view(Value!) : default, Version, Problem);

    /// <summary>The API's answer: 200 with the value and the project's new version as its ETag, or the problem.</summary>
    public Results<Ok<T>, ProblemHttpResult> AsOk(HttpContext http) =>
        Problem ?? (Results<Ok<T>, ProblemHttpResult>)TypedResults.Ok(Tagged(http).Value);

    /// <summary>The API's answer to a creation: 201 with the value, where it lives and the project's new version, or the problem.</summary>
    public Results<Created<T>, ProblemHttpResult> AsCreated(HttpContext http, Func<T, string> location) =>
        Problem ?? (Results<Created<T>, ProblemHttpResult>)TypedResults.Created(location(Value!), Tagged(http).Value);

    /// <summary>A write that succeeded tells its new version, as a read of the project does.</summary>
    public WriteResult<T> Tagged(HttpContext http)
    {
        if (Problem is null && Version > 0)
        {
            http.Response.Headers.ETag = ETags.Of(Version);
        }

        return this;
    }
}

/// <summary>
/// The write pipeline every project feature uses: load under the write lock, honour If-Match, let the rule decide,
/// then write the change, the audit events and the new version together, or nothing at all.
/// </summary>
public sealed class ProjectWrites(Database database, IClock clock, People.PeopleReader people)
{
    public async Task<WriteResult<T>> RunAsync<T>(Caller caller, Guid projectId, Func<ProjectWrite, Task<Outcome<T>>> work)
    {
        var actor = caller.Actor;
        if (caller.Expected.IsMalformed)
        {
            return new WriteResult<T>(default, 0, Problems.Validation(new Dictionary<string, string[]> { ["If-Match"] = [ETags.Malformed] }));
        }

        var result = await database.WriteAsync(async db =>
        {
            var project = await ProjectStore.GetAsync(db, projectId);
            if (project is null)
            {
                return (false, new WriteResult<T>(default, 0, Problems.NotFound("The project")));
            }

            if (!caller.Expected.Matches(project.Version))
            {
                return (false, new WriteResult<T>(default, project.Version, Problems.PreconditionFailed(project.Version)));
            }

            if (Domain.Phases.DecisionPoints.CheckOpen(project.Phase) is { } finished)
            {
                return (false, new WriteResult<T>(default, project.Version, Problems.From(finished)));
            }

            var roles = await RoleStore.ForProjectAsync(db, projectId);
            var now = clock.GetCurrentInstant();
            var write = new ProjectWrite(db, project, roles, await Programmes.ProgrammeStore.StandingAsync(db, actor, roles, project), now, people);
            var outcome = await work(write);
            if (outcome.Error is { } error)
            {
                return (false, new WriteResult<T>(default, project.Version, Problems.From(error)));
            }

            if (!await ProjectStore.BumpVersionAsync(db, projectId, project.Version, now))
            {
                return (false, new WriteResult<T>(default, project.Version, Problems.Problem(StatusCodes.Status409Conflict,
                    "concurrent-change", "Concurrent change", "Another change to the project was made at the same time; read it again and retry.")));
            }

            if (write.Events.Count == 0)
            {
                throw new InvalidOperationException("A project write that changes state records its event.");
            }

            await database.LockChainAsync(db);
            foreach (var (type, payload) in write.Events)
            {
                await AuditTrail.AppendAsync(db, projectId, type, actor.UserId, now, payload);
            }

            return (true, new WriteResult<T>(outcome.Value, project.Version + 1, null));
        }, caller.CancellationToken, projectId);
        return result;
    }
}

/// <summary>Strong entity tags carrying the project's version.</summary>
public static class ETags
{
    public static string Of(long version) => $"\"{version}\"";

    /// <summary>How a malformed If-Match is refused: an entity tag is quoted as the ETag gives it.</summary>
    public const string Malformed = "holds an entity tag as the ETag header gives it, in quotes: \"2\", not 2.";
}
