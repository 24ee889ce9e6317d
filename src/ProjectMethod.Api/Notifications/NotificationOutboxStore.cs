using NodaTime;
using ProjectMethod.Api.Benefits;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Gates;
using ProjectMethod.Api.Handbooks;
using ProjectMethod.Api.Ideas;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.ManageByException;
using ProjectMethod.Api.Products;
using ProjectMethod.Api.Projects;
using ProjectMethod.Api.Roles;
using ProjectMethod.Domain.Exceptions;
using ProjectMethod.Domain.Handbooks;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Notifications;

/// <summary>
/// Who is told of a change, decided in the change's own transaction (the audit trail hands every event here): the decider
/// or the voters when a decision is asked for, the owner of an exception's tolerance when it waits for a decision, the
/// Project Manager and the Executive when an exception is raised, whoever takes a product's next step, the project's
/// manager and board when a decision is made, and the employee whose idea was answered. Whoever made the change is not
/// told of it — except of an exception report due from them, which is their duty whoever raised it.
/// </summary>
public static class NotificationOutbox
{
    /// <summary>
    /// Records who is told of the event. The cause is the event's chain hash: unique to this event in this municipality's
    /// chain, and in any other's, so the Message-Id derived from it is never another message's.
    /// </summary>
    public static async Task EnqueueAsync(DbSession db, string eventHash, Guid? projectId, string type, string actor, object payload, Instant at)
    {
        var drafts = projectId is { } project
            ? await OnProjectAsync(db, $"event:{eventHash}", project, type, payload)
            : await OffProjectAsync(db, $"event:{eventHash}", payload);
        foreach (var draft in drafts.Where(d => d.Recipient != actor || d.Topic == NotificationTopic.ExceptionReport).DistinctBy(d => d.Recipient))
        {
            await NotificationStore.RecordAsync(db, draft, await NotificationStore.DeliveryAsync(db, draft.Recipient, draft.Kind), at);
        }
    }

    private static async Task<IReadOnlyList<NotificationDraft>> OffProjectAsync(DbSession db, string cause, object payload)
    {
        if (payload is not IdeaTriagedData triaged || await IdeaStore.GetAsync(db, triaged.IdeaId) is not { Origin: IdeaOrigin.Employee } idea)
        {
            return [];
        }

        return [new(cause, idea.SubmittedBy, NotificationKind.IdeaAnswered, NotificationTopic.IdeaAnswered, NotificationReason.IdeaSender, null, idea.Title, "/ideer")];
    }

    private static async Task<IReadOnlyList<NotificationDraft>> OnProjectAsync(DbSession db, string cause, Guid projectId, string type, object payload)
    {
        if (!Notified(type, payload))
        {
            return [];
        }

        if (await ProjectStore.GetAsync(db, projectId) is not { } project)
        {
            return [];
        }

        var roles = await RoleStore.ForProjectAsync(db, projectId);
        IEnumerable<string> Holding(ProjectRole role) => roles.Where(r => r.Role == role).Select(r => r.UserId);
        var page = $"/prosjekter/{projectId:D}";
        NotificationDraft Draft(string recipient, NotificationKind kind, NotificationTopic topic, NotificationReason reason, string subject, string link) =>
            new(cause, recipient, kind, topic, reason, projectId, subject, link);

        async Task<IEnumerable<NotificationDraft>> Deciders(Decider decider, NotificationTopic topic, string subject, string link) => decider switch
        {
            Decider.PortfolioBoard =>
                (await NotificationStore.BoardAsync(db)).Select(u => Draft(u, NotificationKind.DecisionWaiting, topic, NotificationReason.PortfolioBoard, subject, link)),
            Decider.ProgrammeBoard when project.ProgrammeId is { } programmeId && await Programmes.ProgrammeStore.GetAsync(db, programmeId) is { } programme =>
                (await Programmes.ProgrammeStore.BoardAsync(db, programmeId)).Append(programme.OwnerUserId).Distinct()
                    .Select(u => Draft(u, NotificationKind.DecisionWaiting, topic, NotificationReason.ProgrammeBoard, subject, link)),
            _ => Holding(ProjectRole.Executive).Select(u => Draft(u, NotificationKind.DecisionWaiting, topic, NotificationReason.Executive, subject, link)),
        };

        switch (payload)
        {
            case DecisionRequestedData requested:
            {
                var point = requested.DecisionPoint.Wire();
                var drafts = (await Deciders(DecisionPoints.DeciderOf(requested.DecisionPoint), NotificationTopic.GateDecision, point, page)).ToList();
                var handbook = (await HandbookStore.GetAsync(db, project.HandbookSector, project.HandbookVersion)).Version;
                if (handbook.ApprovalModeAt(requested.DecisionPoint) == ApprovalMode.BoardConsensus)
                {
                    drafts.AddRange(Holding(ProjectRole.SeniorUser).Concat(Holding(ProjectRole.SeniorSupplier))
                        .Select(u => Draft(u, NotificationKind.DecisionWaiting, NotificationTopic.GateVote, NotificationReason.BoardMember, point, page)));
                }

                return drafts;
            }

            case ExceptionRaisedData raised:
            {
                var dimension = raised.Dimension.Wire();
                var status = $"{page}/status";
                return
                [
                    .. Holding(ProjectRole.ProjectManager).Select(u => Draft(u, NotificationKind.ExceptionReportDue, NotificationTopic.ExceptionReport,
                        NotificationReason.ProjectManager, dimension, status)),
                    .. Holding(ProjectRole.Executive).Select(u => Draft(u, NotificationKind.ExceptionRaised, NotificationTopic.ExceptionRaised,
                        NotificationReason.Executive, dimension, status)),
                ];
            }

            case ExceptionReportedData reported when await ExceptionStore.GetAsync(db, projectId, reported.ExceptionId) is { } exception:
                return [.. await Deciders(exception.Owner, NotificationTopic.ExceptionDecision, exception.Dimension.Wire(), $"{page}/status")];

            case ExceptionDecidedData { State: ExceptionState.Escalated } escalated when await ExceptionStore.GetAsync(db, projectId, escalated.ExceptionId) is { } exception:
                return [.. await Deciders(exception.Owner, NotificationTopic.ExceptionDecision, exception.Dimension.Wire(), $"{page}/status")];

            case BenefitChangeView change:
            {
                var title = (await BenefitStore.ForProjectAsync(db, projectId)).FirstOrDefault(b => b.Id == change.BenefitId)?.Title ?? "";
                var decider = project.Phase == Phase.Execution ? Decider.Executive : Decider.PortfolioBoard;
                return [.. await Deciders(decider, NotificationTopic.BenefitChange, title, $"{page}/gevinster")];
            }

            case ProductStepData { To: ProductState.InReview, Product.QualityResponsibleUserId: { } reviewer } step:
                return [Draft(reviewer, NotificationKind.ProductWaiting, NotificationTopic.ProductReview, NotificationReason.QualityResponsible,
                    step.Product.Title, ProductLink(projectId, step.Product.Id))];

            case ProductStepData { To: ProductState.Passed, Product.AcceptorUserId: { } acceptor } step:
                return [Draft(acceptor, NotificationKind.ProductWaiting, NotificationTopic.ProductAcceptance, NotificationReason.Acceptor,
                    step.Product.Title, ProductLink(projectId, step.Product.Id))];

            case ProductView { State: ProductState.Draft, AcceptorUserId: { } acceptor, QualityResponsibleUserId: not null } product:
                // Once per product: its description waits for approval from when both who review and who accept are named.
                return [new($"product:{product.Id:D}", acceptor, NotificationKind.ProductWaiting, NotificationTopic.ProductApproval, NotificationReason.Acceptor,
                    projectId, product.Title, ProductLink(projectId, product.Id))];

            case DecisionView decision:
            {
                var subject = $"{decision.DecisionPoint.Wire()}|{decision.Decision.Wire()}";
                return
                [
                    .. Holding(ProjectRole.ProjectManager).Select(u => Draft(u, NotificationKind.DecisionMade, NotificationTopic.DecisionMade,
                        NotificationReason.ProjectManager, subject, page)),
                    .. Holding(ProjectRole.Executive).Select(u => Draft(u, NotificationKind.DecisionMade, NotificationTopic.DecisionMade,
                        NotificationReason.Executive, subject, page)),
                    .. Holding(ProjectRole.SeniorUser).Concat(Holding(ProjectRole.SeniorSupplier)).Select(u => Draft(u, NotificationKind.DecisionMade,
                        NotificationTopic.DecisionMade, NotificationReason.BoardMember, subject, page)),
                ];
            }

            case Actions.ActionView action:
                return [Draft(action.OwnerUserId, NotificationKind.ActionAssigned, NotificationTopic.ActionAssigned, NotificationReason.ActionOwner, action.What,
                    $"{page}#oppfolging") with { DueOn = action.DueOn }];

            case IdeaTriagedData:
                return await OffProjectAsync(db, cause, payload);

            default:
                return [];
        }
    }

    /// <summary>The events anyone is told of (the rest cost the write nothing).</summary>
    private static bool Notified(string type, object payload) => payload switch
    {
        DecisionRequestedData or ExceptionRaisedData or ExceptionReportedData or IdeaTriagedData => true,
        ExceptionDecidedData decided => decided.State == ExceptionState.Escalated,
        BenefitChangeView => type == EventTypes.BenefitChangeProposed.Name,
        ProductStepData => type == EventTypes.ProductSubmitted.Name || type == EventTypes.ProductReviewed.Name,
        ProductView => type == EventTypes.ProductDefined.Name || type == EventTypes.ProductUpdated.Name || type == EventTypes.QualityResponsibleNamed.Name,
        DecisionView => type == EventTypes.DecisionMade.Name,
        Actions.ActionView => type == EventTypes.ActionAdded.Name,
        _ => false,
    };

    public static string ProductLink(Guid projectId, Guid productId) => $"/prosjekter/{projectId:D}/produkter#produkt-{productId:D}";
}
