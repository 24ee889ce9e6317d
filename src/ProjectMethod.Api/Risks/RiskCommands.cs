using NodaTime;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Risks;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Risks;

/// <summary>Recording and updating the uncertainty register: the use cases the API and the web pages share.</summary>
public sealed class RiskCommands(ProjectWrites writes)
{
    /// <summary>A risk or an opportunity recorded in the uncertainty register.</summary>
    public async Task<WriteResult<RiskView>> RecordAsync(Guid id, RiskRequest request, Caller caller)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return WriteResult.Refused<RiskView>(Problems.Validation(invalid.Errors));
        }

        var result = await writes.RunAsync<RiskView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.RecordRisk) is { } forbidden)
            {
                return forbidden;
            }

            if (await write.CheckKnownAsync(("ownerUserId", request.OwnerUserId)) is { } unknown)
            {
                return unknown;
            }

            var risk = ToView(Ids.New(write.Now), request, write.Actor.UserId, write.Now, write.Now);
            await RiskStore.InsertAsync(write.Db, id, risk);
            write.Record(EventTypes.RiskRecorded, risk);
            await Forecasting.JudgeMeasuredAsync(write, await write.TolerancesAsync(), Dimension.Risk);
            return risk;
        });
        return result;
    }

    /// <summary>A risk or opportunity re-assessed, actioned or closed.</summary>
    public async Task<WriteResult<RiskView>> UpdateAsync(Guid id, Guid riskId, RiskRequest request, Caller caller)
    {
        if (Validate(request) is { IsValid: false } invalid)
        {
            return WriteResult.Refused<RiskView>(Problems.Validation(invalid.Errors));
        }

        var result = await writes.RunAsync<RiskView>(caller, id, async write =>
        {
            if (ProjectAccess.Check(write.Standing, ProjectAction.UpdateRisk) is { } forbidden)
            {
                return forbidden;
            }

            if (await write.CheckKnownAsync(("ownerUserId", request.OwnerUserId)) is { } unknown)
            {
                return unknown;
            }

            var existing = await RiskStore.GetAsync(write.Db, id, riskId);
            if (existing is null)
            {
                return DomainError.NotFound("The risk was not found.");
            }

            var risk = ToView(riskId, request, existing.RecordedBy, existing.RecordedAt, write.Now);
            await RiskStore.UpdateAsync(write.Db, risk);
            write.Record(EventTypes.RiskUpdated, risk);
            await Forecasting.JudgeMeasuredAsync(write, await write.TolerancesAsync(), Dimension.Risk);
            return risk;
        });
        return result;
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
