using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Products;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Products;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Roles;

/// <summary>Appointing the project's roles: the use case the API and the web pages share.</summary>
public sealed class RoleCommands(ProjectWrites writes)
{
    /// <summary>A role appointed on the project under the role rules, by whoever may appoint it.</summary>
    public async Task<WriteResult<RoleView>> AssignAsync(Guid id, AssignRole request, Caller caller)
    {
        var validation = new Validation()
            .Required("role", request.Role)
            .Text("userId", request.UserId, Validation.ShortText)
            .Text("displayName", request.DisplayName, Validation.ShortText, required: false);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<RoleView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<RoleView>(caller, id, async write =>
        {
            var role = request.Role!.Value;
            if (ProjectAccess.Check(write.Standing, ProjectAccess.AppointmentOf(role)) is { } forbidden)
            {
                return forbidden;
            }

            if (await NameOfAsync(write, request.UserId!) is not { } name)
            {
                return (await write.CheckKnownAsync(("userId", request.UserId)))!;
            }

            var handbook = await write.HandbookAsync();
            var candidate = new RoleAssignment(Ids.New(write.Now), role, request.UserId!.Trim(), name);
            if (RoleRules.CheckAssignment(write.Roles, candidate, handbook.RoleWaivers) is { } broken)
            {
                return broken.ToError();
            }

            var assigned = new RoleView(candidate.Id, role, candidate.UserId, candidate.DisplayName, write.Actor.UserId, write.Now);
            await RoleStore.InsertAsync(write.Db, id, assigned);
            write.Record(EventTypes.RoleAssigned, new RoleAssignedData(candidate.Id, role, candidate.UserId, candidate.DisplayName));
            return assigned;
        });

        return result;
    }
    /// <summary>
    /// Somebody else in the place of a role's holder, with the reason, by whoever may appoint that role. The combination
    /// rules hold for the organisation as it will be; what waited for the old holder by virtue of the role — a decision
    /// or a vote (derived from the roles), a product to accept or review — waits for the new one.
    /// </summary>
    public async Task<WriteResult<RoleView>> ReplaceAsync(Guid id, Guid assignmentId, ReplaceRole request, Caller caller)
    {
        var validation = new Validation()
            .Text("userId", request.UserId, Validation.ShortText)
            .Text("displayName", request.DisplayName, Validation.ShortText, required: false)
            .Text("rationale", request.Rationale, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<RoleView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<RoleView>(caller, id, async write =>
        {
            if (write.Roles.FirstOrDefault(r => r.Id == assignmentId) is not { } replaced)
            {
                return MissingAssignment;
            }

            if (ProjectAccess.Check(write.Standing, ProjectAccess.AppointmentOf(replaced.Role)) is { } forbidden)
            {
                return forbidden;
            }

            if (await NameOfAsync(write, request.UserId!) is not { } name)
            {
                return (await write.CheckKnownAsync(("userId", request.UserId)))!;
            }

            var candidate = new RoleAssignment(Ids.New(write.Now), replaced.Role, request.UserId!.Trim(), name);
            if (RoleRules.CheckReplacement(write.Roles, replaced, candidate, (await write.HandbookAsync()).RoleWaivers) is { } broken)
            {
                return broken.ToError();
            }

            var appointed = new RoleView(candidate.Id, candidate.Role, candidate.UserId, candidate.DisplayName, write.Actor.UserId, write.Now);
            await RoleStore.RemoveAsync(write.Db, id, replaced.Id);
            await RoleStore.InsertAsync(write.Db, id, appointed);
            var products = await HandOverProductsAsync(write, replaced, candidate.UserId);
            write.Record(EventTypes.RoleReplaced, new RoleReplacedData(
                replaced.Id, candidate.Id, replaced.Role, replaced.UserId, candidate.UserId, candidate.DisplayName, request.Rationale!.Trim(), products));
            return appointed;
        });

        return result;
    }

    /// <summary>A role assignment ended, with the reason, unless a decision point already passed needs the role (then it is replaced).</summary>
    public async Task<WriteResult<bool>> RemoveAsync(Guid id, Guid assignmentId, RemoveRole request, Caller caller)
    {
        var validation = new Validation().Text("rationale", request.Rationale, Validation.LongText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<bool>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<bool>(caller, id, async write =>
        {
            if (write.Roles.FirstOrDefault(r => r.Id == assignmentId) is not { } removed)
            {
                return MissingAssignment;
            }

            if (ProjectAccess.Check(write.Standing, ProjectAccess.AppointmentOf(removed.Role)) is { } forbidden)
            {
                return forbidden;
            }

            if (RoleRules.CheckRemoval(write.Roles, removed, write.Project.Phase) is { } required)
            {
                return required.ToError();
            }

            await RoleStore.RemoveAsync(write.Db, id, assignmentId);
            write.Record(EventTypes.RoleRemoved, new RoleRemovedData(assignmentId, removed.Role, removed.UserId, request.Rationale!.Trim()));
            return true;
        });

        return result;
    }

    /// <summary>The name of the person an assignment names, from the register of people; null for an id nobody has.</summary>
    private static async Task<string?> NameOfAsync(ProjectWrite write, string userId) => (await write.PeopleAsync()).GetValueOrDefault(userId.Trim())?.Name;

    private static readonly DomainError MissingAssignment = DomainError.NotFound("The role assignment was not found.");

    /// <summary>
    /// The products still to be accepted by a replaced Senior User, or reviewed by a replaced Senior Supplier who answers
    /// for their quality, move to the new holder; the ids moved.
    /// </summary>
    private static async Task<IReadOnlyList<Guid>> HandOverProductsAsync(ProjectWrite write, RoleAssignment replaced, string newHolder)
    {
        if (replaced.Role is not (ProjectRole.SeniorUser or ProjectRole.SeniorSupplier))
        {
            return [];
        }

        var moved = new List<Guid>();
        foreach (var product in (await ProductStore.ForProjectAsync(write.Db, write.Project.Id)).Where(p => !ProductMachine.IsFinal(p.State)))
        {
            var handedOver = replaced.Role == ProjectRole.SeniorUser
                ? product.AcceptorUserId == replaced.UserId ? product with { AcceptorUserId = newHolder } : null
                : product.QualityResponsibleUserId == replaced.UserId ? product with { QualityResponsibleUserId = newHolder } : null;
            if (handedOver is not null)
            {
                await ProductStore.UpdateAsync(write.Db, write.Project.Id, handedOver with { UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now });
                moved.Add(product.Id);
            }
        }

        return moved;
    }
}
