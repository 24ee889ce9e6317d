using ProjectMethod.Api.Events;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;

namespace ProjectMethod.Api.Gates;

/// <summary>
/// Asking for a decision and deciding at a decision point: validated, checked against the method's rules and written with
/// their audit events in one transaction, for the API and the web pages alike.
/// </summary>
public sealed class GateCommands(ProjectWrites writes, GateFactsReader loader)
{
    /// <summary>The Project Manager's (or the phase's preparer's) request for the decision ahead, with a recommendation.</summary>
    public async Task<WriteResult<GateRequestView>> RequestAsync(Guid id, RequestDecision request, Caller caller)
    {
        var validation = new Validation().Text("recommendation", request.Recommendation, Validation.LongText);
        if (!validation.IsValid)
        {
            return new WriteResult<GateRequestView>(default, 0, Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<GateRequestView>(caller, id, async write =>
        {
            var open = await GateStore.OpenRequestAsync(write.Db, id);
            var facts = await loader.LoadAsync(new FactsQuery(write.Db, write.Project), write.Roles);
            var point = Gatekeeper.PointAhead(facts, null, request.DecisionPoint);
            if (point.Error is { } error)
            {
                return error;
            }

            if (Gatekeeper.CheckRequest(facts, write.Standing, point.Value, open.ToDomain(), request.Recommendation) is { } refused)
            {
                return refused;
            }

            var created = new GateRequestView(Ids.New(write.Now), point.Value, write.Project.Phase, write.Project.Stage,
                request.Recommendation!.Trim(), write.Actor.UserId, write.Now);
            await GateStore.InsertRequestAsync(write.Db, id, created);
            write.Record(EventTypes.DecisionRequested, new DecisionRequestedData(created.Id, created.DecisionPoint, created.Recommendation));
            return created;
        });

    }

    /// <summary>The decider's approval, rejection or stop; under board consensus a vote that may leave others awaited.</summary>
    public async Task<WriteResult<GateDecisionResult>> DecideAsync(Guid id, MakeDecision request, Caller caller)
    {
        var validation = new Validation()
            .Required("decision", request.Decision)
            .Text("rationale", request.Rationale, Validation.LongText, required: false)
            .Text("publicTitle", request.PublicTitle, 500, required: false);
        if (!validation.IsValid)
        {
            return new WriteResult<GateDecisionResult>(default, 0, Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<GateDecisionResult>(caller, id, async write =>
        {
            var open = await GateStore.OpenRequestAsync(write.Db, id);
            var facts = await loader.LoadAsync(new FactsQuery(write.Db, write.Project), write.Roles);
            var point = Gatekeeper.PointAhead(facts, open.ToDomain(), null);
            if (point.Error is { } error)
            {
                return error;
            }

            var outcome = Gatekeeper.Default.Decide(facts, write.Standing, point.Value, open.ToDomain(), request.Decision!.Value, request.Rationale);
            if (outcome.Error is { } refused)
            {
                return refused;
            }

            var decided = outcome.Value!;
            if (Domain.Handbooks.CategoryRules.CheckConfirmation(request.Category, decided.DecisionPoint, decided.Decision) is { } misplaced)
            {
                return misplaced;
            }

            IReadOnlyList<GateVoteView> votes = [];
            if (facts.Handbook.ApprovalModeAt(point.Value) == ApprovalMode.BoardConsensus && decided.Decision != Decision.Stop)
            {
                var vote = new GateVoteView
                {
                    Id = Ids.New(write.Now), RequestId = open!.Id, DecisionPoint = point.Value, UserId = write.Actor.UserId, Decision = decided.Decision,
                    Rationale = request.Rationale?.Trim() ?? "", VotedAt = write.Now,
                };
                await GateStore.InsertVoteAsync(write.Db, id, vote);
                write.Record(EventTypes.GateVoteRecorded, vote);
                if (!decided.Concluded)
                {
                    var counted = facts with { Votes = [.. facts.Votes, new GateVote(vote.UserId, vote.Decision)] };
                    return new GateDecisionResult(null, vote, Gatekeeper.Consensus(counted, open.ToDomain()!));
                }

                votes = await GateStore.VotesAsync(write.Db, id, [open.Id]);
            }

            var decision = Made(write, decided, request.Rationale?.Trim() ?? "", open, Gatekeeper.Default.Judge(facts, decided.DecisionPoint), votes);
            if (request.Exemption is not null || !string.IsNullOrWhiteSpace(request.PublicTitle))
            {
                decision = decision with { Exemption = request.Exemption, PublicTitle = request.PublicTitle?.Trim() is { Length: > 0 } given ? given : decision.Title };
            }

            if (decided.DecisionPoint == DecisionPoint.Bp1 && decided.Decision == Decision.Approve)
            {
                // The BP1 decider confirms the mandate's proposal, or changes it: part of the decision.
                decision = decision with { Category = request.Category ?? write.Project.ProposedCategory ?? Domain.Handbooks.CategoryRules.Untailored };
                await ProjectStore.UpdateCategoryAsync(write.Db, id, decision.Category.Value);
            }

            await GateStore.InsertDecisionAsync(write.Db, id, decision);
            await ProjectStore.UpdatePhaseAsync(write.Db, id, decided.To, decided.ToStage, decided.ClosedEarly);
            write.Record(EventTypes.DecisionMade, decision);
            if (decided.Decision == Decision.Stop)
            {
                await ExceptionStore.SupersedeOpenAsync(write, decision.Rationale);
            }

            return new GateDecisionResult(decision, null, null);
        });

    }

    /// <summary>A decision for the log, as the archive files it, from what the gate decided.</summary>
    public static DecisionView Made(
        ProjectWrite write, GateDecisionOutcome decided, string rationale, GateRequestView? answered, IReadOnlyList<CriterionResult> criteria,
        IReadOnlyList<GateVoteView> votes) => new()
    {
        Id = Ids.New(write.Now),
        ProjectId = write.Project.Id,
        ProjectName = write.Project.Name,
        DecisionPoint = decided.DecisionPoint,
        Decision = decided.Decision,
        Rationale = rationale,
        RequestId = answered?.Id,
        Recommendation = answered?.Recommendation,
        RequestedBy = answered?.RequestedBy,
        FromPhase = decided.From,
        FromStage = decided.FromStage,
        ToPhase = decided.To,
        ToStage = decided.ToStage,
        ClosedEarly = decided.ClosedEarly,
        DecidedBy = write.Actor.UserId,
        DecidedAt = write.Now,
        Criteria = criteria,
        Votes = votes,
    };
}
