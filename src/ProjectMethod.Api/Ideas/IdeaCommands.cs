using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Ideas;

namespace ProjectMethod.Api.Ideas;

/// <summary>
/// Ideas from employees and citizens and the project office's answer to each — a proposal made from it, parked or
/// declined, always with its rationale: the use cases the API and the web pages share.
/// </summary>
public sealed class IdeaCommands(Database database, IClock clock)
{
    /// <summary>An idea, by any employee or an integrator on behalf of a citizen portal.</summary>
    public async Task<WriteResult<IdeaView>> SubmitAsync(SubmitIdea request, Caller caller)
    {
        var validation = new Validation()
            .Text("title", request.Title, Validation.ShortText)
            .Text("description", request.Description, Validation.LongText)
            .Required("origin", request.Origin)
            .Slug("sector", request.Sector)
            .Text("externalReference", request.ExternalReference, Validation.ShortText, required: false);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<IdeaView>(Problems.Validation(validation.Errors));
        }

        var actor = caller.Actor;
        var now = clock.GetCurrentInstant();
        var idea = new IdeaView
        {
            Id = Ids.New(now), Title = request.Title!.Trim(), Description = request.Description!.Trim(), Origin = request.Origin!.Value,
            Sector = request.Sector!, ExternalReference = request.ExternalReference?.Trim() is { Length: > 0 } reference ? reference : null,
            Status = IdeaStatus.Received, SubmittedBy = actor.UserId, SubmittedAt = now,
        };
        var refused = await database.WriteAsync(async db =>
        {
            if (await Sectors.SectorStore.CheckOpenAsync(db, "sector", idea.Sector) is { } unknown)
            {
                return (false, unknown);
            }

            await IdeaStore.InsertAsync(db, idea);
            await AuditTrail.AppendAsync(db, null, EventTypes.IdeaSubmitted, actor.UserId, now, new IdeaSubmittedData(idea.Id, idea.Title, idea.Origin, idea.Sector));
            return (true, (DomainError?)null);
        }, caller.CancellationToken);
        return refused is null ? new WriteResult<IdeaView>(idea, 0, null) : WriteResult.Refused<IdeaView>(Problems.From(refused));
    }

    /// <summary>
    /// The project office's answer: propose makes a project proposal (phase proposed) that keeps the idea it came from, with
    /// the triaging board member as its proposer; park keeps it for a later answer; decline ends it. A proposed or declined
    /// idea is answered for good.
    /// </summary>
    public async Task<WriteResult<IdeaView>> TriageAsync(Guid ideaId, TriageIdea request, Caller caller)
    {
        var validation = new Validation().Required("decision", request.Decision).Text("rationale", request.Rationale, Validation.LongText, min: 10);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<IdeaView>(Problems.Validation(validation.Errors));
        }

        var actor = caller.Actor;
        var now = clock.GetCurrentInstant();
        var outcome = await database.WriteAsync<Outcome<IdeaView>>(async db =>
        {
            if (await IdeaStore.GetAsync(db, ideaId) is not { } idea)
            {
                return (false, Missing);
            }

            if (IdeaRules.CheckTriageable(idea.Status is IdeaStatus.Proposed or IdeaStatus.Declined ? idea.Status.Wire() : null) is { } answeredBefore)
            {
                return (false, answeredBefore);
            }

            var decision = request.Decision!.Value;
            var project = decision == TriageDecision.Propose
                ? await ProjectCommands.InsertAsync(db, idea.Title, idea.Sector, idea.Description, actor.UserId, now, idea.Id)
                : null;
            var answered = idea with
            {
                Status = decision switch { TriageDecision.Propose => IdeaStatus.Proposed, TriageDecision.Park => IdeaStatus.Parked, _ => IdeaStatus.Declined },
                Rationale = request.Rationale!.Trim(),
                TriagedBy = actor.UserId,
                TriagedAt = now,
                ProjectId = project?.Id,
            };
            await IdeaStore.AnswerAsync(db, answered);
            await AuditTrail.AppendAsync(db, project?.Id, EventTypes.IdeaTriaged, actor.UserId, now,
                new IdeaTriagedData(ideaId, decision, answered.Rationale, project?.Id));
            return (true, answered);
        }, caller.CancellationToken);
        return outcome.Error is { } refused ? WriteResult.Refused<IdeaView>(Problems.From(refused)) : new WriteResult<IdeaView>(outcome.Value, 0, null);
    }

    private static readonly DomainError Missing = DomainError.NotFound("The idea was not found.");
}
