using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Products;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Changes;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Roles;
using ProjectMethod.Domain.Tolerances;

namespace ProjectMethod.Api.Changes;

/// <summary>Change control: issues raised, the change authority named, and issues decided — an approved baseline change moving the stage plan and the products as one.</summary>
public sealed class ChangeCommands(ProjectWrites writes)
{
    private const int MaxProducts = 20;

    private static readonly DomainError MissingChange = DomainError.NotFound("The issue was not found.");

    public async Task<WriteResult<ChangeView>> RaiseAsync(Guid id, RaiseChange request, Caller caller)
    {
        var impact = request.Impact ?? new ChangeImpact();
        var (adds, removes) = (request.AddProducts ?? [], request.RemoveProductIds ?? []);
        var validation = new Validation()
            .Required("kind", request.Kind)
            .Text("title", request.Title, Validation.ShortText)
            .Text("description", request.Description, Validation.LongText)
            .That(impact.Days is null or >= -3650 and <= 3650, "impact.days", "impact.days is -3650 to 3650.")
            .That(impact.Cost is null or >= -1_000_000_000_000m and <= 1_000_000_000_000m, "impact.cost", "impact.cost is at most a trillion NOK either way.")
            .Text("impact.quality", impact.Quality, Validation.LongText, required: false)
            .Text("impact.scope", impact.Scope, Validation.LongText, required: false)
            .Text("impact.benefit", impact.Benefit, Validation.LongText, required: false)
            .Text("impact.risk", impact.Risk, Validation.LongText, required: false)
            .That(adds.Count <= MaxProducts, "addProducts", $"At most {MaxProducts} products.")
            .That(removes.Count <= MaxProducts && removes.Distinct().Count() == removes.Count, "removeProductIds", $"At most {MaxProducts} products, each once.")
            .That(request.Kind is not ChangeKind.Problem || (adds.Count == 0 && removes.Count == 0 && (impact.Days ?? 0) == 0 && (impact.Cost ?? 0) == 0),
                "kind", "A problem or concern changes no baseline; raise a request for change or an off-specification for that.");
        for (var i = 0; i < adds.Count && i < MaxProducts; i++)
        {
            validation.Text($"addProducts[{i}].title", adds[i].Title, Validation.ShortText).Text($"addProducts[{i}].purpose", adds[i].Purpose, Validation.LongText);
        }

        if (!validation.IsValid)
        {
            return WriteResult.Refused<ChangeView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<ChangeView>(caller, id, async write =>
        {
            if (ChangeRules.CheckRaise(write.Standing, write.Project.Phase) is { } refused)
            {
                return refused;
            }

            if (await CheckRemovableAsync(write, removes) is { } notRemovable)
            {
                return notRemovable;
            }

            var change = await ChangeStore.InsertAsync(write.Db, id, new ChangeView
            {
                Id = Ids.New(write.Now), Number = 0, Kind = request.Kind!.Value, Title = request.Title!.Trim(), Description = request.Description!.Trim(),
                Impact = new ChangeImpact(impact.Days ?? 0, impact.Cost ?? 0, Trimmed(impact.Quality), Trimmed(impact.Scope), Trimmed(impact.Benefit), Trimmed(impact.Risk)),
                AddProducts = adds.Select(p => new NewProduct(p.Title!.Trim(), p.Purpose!.Trim())).ToList(), RemoveProductIds = removes, State = ChangeState.Open,
                RaisedBy = write.Actor.UserId, RaisedAt = write.Now, ExceptionIds = [],
            });
            write.Record(EventTypes.ChangeRaised, change);
            return change;
        });
    }

    public async Task<WriteResult<ChangeAuthorityView>> SetAuthorityAsync(Guid id, SetChangeAuthority request, Caller caller)
    {
        var validation = new Validation()
            .Text("userId", request.UserId, Validation.ShortText)
            .Required("costLimit", request.CostLimit)
            .Required("daysLimit", request.DaysLimit)
            .That(request.CostLimit is null or >= 0, "costLimit", "costLimit is 0 NOK or more.")
            .That(request.DaysLimit is null or >= 0 and <= 3650, "daysLimit", "daysLimit is 0 to 3650 days.");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ChangeAuthorityView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<ChangeAuthorityView>(caller, id, async write =>
        {
            if (!write.Standing.Holds(ProjectRole.Executive))
            {
                return DomainError.Forbidden("Only the Executive names the change authority.");
            }

            if (await write.CheckKnownAsync(("userId", request.UserId)) is { } unknown)
            {
                return unknown;
            }

            var authority = new ChangeAuthorityView(request.UserId!.Trim(), request.CostLimit!.Value, request.DaysLimit!.Value, write.Actor.UserId, write.Now);
            await ChangeStore.SetAuthorityAsync(write.Db, id, authority);
            write.Record(EventTypes.ChangeAuthoritySet, authority);
            return authority;
        });
    }

    public async Task<WriteResult<ChangeView>> DecideAsync(Guid id, Guid changeId, DecideChange request, Caller caller)
    {
        var validation = new Validation().Required("outcome", request.Outcome).Text("rationale", request.Rationale, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<ChangeView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<ChangeView>(caller, id, async write =>
        {
            if (await ChangeStore.GetAsync(write.Db, id, changeId) is not { } change)
            {
                return MissingChange;
            }

            var impact = ImpactOf(change);
            var authority = await ChangeStore.AuthorityAsync(write.Db, id);
            var refused = ChangeRules.CheckUndecided(change.State)
                ?? ChangeRules.CheckDecider(write.Standing, change.RaisedBy, authority is null ? null : new ChangeAuthority(authority.UserId, authority.CostLimit, authority.DaysLimit), impact);
            if (refused is not null)
            {
                return refused;
            }

            var decided = change with
            {
                Outcome = request.Outcome, Rationale = request.Rationale!.Trim(), DecidedBy = write.Actor.UserId, DecidedAt = write.Now,
                State = request.Outcome switch { ChangeOutcome.Reject => ChangeState.Rejected, ChangeOutcome.Defer => ChangeState.Deferred, _ => ChangeState.Approved },
            };
            if (request.Outcome == ChangeOutcome.Approve && impact.ChangesBaseline)
            {
                var baseline = await ChangeBaselineAsync(write, decided, impact);
                if (baseline.Error is { } notApplied)
                {
                    return notApplied;
                }

                decided = baseline.Value!;
            }

            await ChangeStore.DecideAsync(write.Db, id, decided);
            write.Record(EventTypes.ChangeDecided, decided);
            return decided;
        });
    }

    private static BaselineImpact ImpactOf(ChangeView change) =>
        new(change.Impact.Days ?? 0, change.Impact.Cost ?? 0, change.AddProducts.Count, change.RemoveProductIds.Count);

    /// <summary>
    /// The approved change judged, then made: the stage under way with the change's days, cost and products removed is
    /// judged against the stage's and the project's tolerances. Inside them, the stage plan, its tolerances' plan values
    /// and the products change as one baseline; outside them, the exceptions are raised and the baseline stays.
    /// </summary>
    private static async Task<Outcome<ChangeView>> ChangeBaselineAsync(ProjectWrite write, ChangeView change, BaselineImpact impact)
    {
        var (db, projectId) = (write.Db, write.Project.Id);
        var plans = await ToleranceStore.PlansAsync(db, projectId);
        var stage = write.Project.Stage;
        var plan = plans.FirstOrDefault(p => p.Stage == stage);
        if (ChangeRules.CheckApprovable(impact, write.Project.Phase, stage, plan is not null) is { } notNow)
        {
            return notNow;
        }

        if (await CheckRemovableAsync(write, change.RemoveProductIds) is { } notRemovable)
        {
            return notRemovable;
        }

        var settings = await write.TolerancesAsync();
        var sets = await ToleranceStore.AllAsync(db, projectId);
        var stageTolerance = sets.GetValueOrDefault(ToleranceScope.OfStage(plan!.Stage));
        var projectTolerance = sets.GetValueOrDefault(ToleranceScope.Project);
        var latest = await ForecastStore.LatestStageValuesAsync(db, projectId, plan.Stage);
        decimal? Latest(Dimension d) => latest?.Values.TryGetValue(d, out var v) == true ? v : null;

        var values = new Dictionary<Dimension, decimal>
        {
            [Dimension.Time] = ChangeRules.Judged(Dimensions.DayNumber(plan.PlannedEnd), Latest(Dimension.Time), impact.Days),
            [Dimension.Cost] = ChangeRules.Judged(plan.Budget, Latest(Dimension.Cost), impact.Cost),
        };
        var projectValues = projectTolerance is null ? null : ProjectForecast.Derive(plan.Stage, values, plans.Select(p => new StageBaseline(p.Stage, p.PlannedEnd, p.Budget)).ToList(), projectTolerance);
        if (impact.ProductsRemoved > 0 && settings.Dimensions.Contains(Dimension.Scope))
        {
            var products = ProductStore.Facts(await ProductStore.ForProjectAsync(db, projectId));
            values[Dimension.Scope] = ProductMeasures.RemovedFromScope(products, plan.Stage) + impact.ProductsRemoved;
            projectValues?.Add(Dimension.Scope, ProductMeasures.RemovedFromScope(products) + impact.ProductsRemoved);
        }

        var stageEvaluation = stageTolerance is null ? [] : ToleranceRules.Evaluate(stageTolerance, values, settings.AtRiskThreshold);
        var projectEvaluation = projectTolerance is null || projectValues is null ? [] : ToleranceRules.Evaluate(projectTolerance, projectValues, settings.AtRiskThreshold);
        if (stageEvaluation.Concat(projectEvaluation).Any(e => e.Status == ToleranceStatus.Exceeded))
        {
            var forecastId = Ids.New(write.Now);
            var evaluation = new EvaluationView(stageEvaluation.Select(DimensionView.From).ToList(), projectEvaluation.Select(DimensionView.From).ToList(), null);
            await ForecastStore.InsertAsync(db, new ForecastRecord(forecastId, projectId, ForecastLevel.Change, plan.Stage, null, values, projectValues,
                $"Issue {change.Number}, «{change.Title}», judged before its baseline change.", evaluation, write.Actor.UserId, write.Now));
            var open = await ExceptionStore.OpenBreachesAsync(db, projectId);
            var breaches = Breaches.ToRaise(ToleranceLevel.Stage, plan.Stage, null, stageEvaluation, open)
                .Concat(Breaches.ToRaise(ToleranceLevel.Project, plan.Stage, null, projectEvaluation, open)).ToList();
            var raised = await ExceptionStore.RaiseAsync(write, breaches, forecastId);
            return change with { State = ChangeState.Escalated, ExceptionIds = raised.Select(e => e.Id).ToList() };
        }

        var tolerances = stageTolerance is null ? null : stageTolerance with
        {
            ByDimension = stageTolerance.ByDimension.ToDictionary(t => t.Key, t => t.Key switch
            {
                Dimension.Time => ChangeRules.Moved(t.Value, impact.Days),
                Dimension.Cost => ChangeRules.Moved(t.Value, impact.Cost),
                _ => t.Value,
            }),
        };
        var moved = plan with
        {
            PlannedEnd = plan.PlannedEnd.PlusDays(impact.Days), Budget = plan.Budget + impact.Cost,
            ProductsInScope = Math.Max(0, plan.ProductsInScope + impact.ProductsAdded - impact.ProductsRemoved), SetBy = write.Actor.UserId, SetAt = write.Now,
        };
        var saved = await StageBaselines.SaveAsync(write, plan.Stage, tolerances, moved);
        if (saved.Error is { } refused)
        {
            return refused;
        }

        var added = new List<NewProduct>();
        foreach (var product in change.AddProducts)
        {
            var draft = new Products.ProductView
            {
                Id = Ids.New(write.Now), Title = product.Title!, Purpose = product.Purpose!, Composition = "", Derivation = "", QualityCriteria = [], AcceptanceCriteria = [],
                Stage = plan.Stage, DeliveringStage = plan.Stage, State = ProductState.Draft, OpenDefects = 0, CreatedBy = write.Actor.UserId, CreatedAt = write.Now,
                UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now,
            };
            await ProductStore.InsertAsync(db, projectId, draft);
            write.Record(EventTypes.ProductDefined, draft);
            added.Add(product with { ProductId = draft.Id });
        }

        var current = (await ProductStore.ForProjectAsync(db, projectId)).ToDictionary(p => p.Id);
        foreach (var productId in change.RemoveProductIds)
        {
            var product = current[productId];
            var removed = product with
            {
                State = ProductState.RemovedFromScope, RemovedInStage = plan.Stage, LastComment = $"Issue {change.Number}: {change.Title}", UpdatedBy = write.Actor.UserId,
                UpdatedAt = write.Now,
            };
            await ProductStore.UpdateAsync(db, projectId, removed);
            write.Record(EventTypes.ProductRemovedFromScope, new ProductStepData(removed, product.State, removed.State, write.Actor.UserId, removed.LastComment));
        }

        return change with { AddProducts = added };
    }

    /// <summary>Only products of this project that are neither accepted nor already removed leave the scope.</summary>
    private static async Task<DomainError?> CheckRemovableAsync(ProjectWrite write, IReadOnlyList<Guid> productIds)
    {
        if (productIds.Count == 0)
        {
            return null;
        }

        var products = (await ProductStore.ForProjectAsync(write.Db, write.Project.Id)).ToDictionary(p => p.Id);
        var validation = new Validation();
        for (var i = 0; i < productIds.Count; i++)
        {
            validation.That(products.TryGetValue(productIds[i], out var product) && !ProductMachine.IsFinal(product.State), $"removeProductIds[{i}]",
                "Names a product of this project that is neither accepted nor removed from scope.");
        }

        return validation.IsValid ? null : validation.ToError();
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
