using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Api.Projects;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Access;
using ProjectMethod.Domain.Roles;

namespace ProjectMethod.Api.Roles;

/// <summary>Appointing the project's roles: the use case the API and the web pages share.</summary>
public static class Appointments
{
    /// <summary>A role appointed on the project under the role rules, by whoever may appoint it.</summary>
    public static async Task<WriteResult<RoleView>> AssignAsync(Guid id, AssignRole request, HttpContext http, ProjectWrites writes)
    {
        var validation = new Validation()
            .Required("role", request.Role)
            .Text("userId", request.UserId, Validation.ShortText)
            .Text("displayName", request.DisplayName, Validation.ShortText);
        if (!validation.IsValid)
        {
            return WriteResult.Refused<RoleView>(Problems.Validation(validation.Errors));
        }

        var result = await writes.RunAsync<RoleView>(http, id, async write =>
        {
            var role = request.Role!.Value;
            if (ProjectAccess.Check(write.Standing, ProjectAccess.AppointmentOf(role)) is { } forbidden)
            {
                return forbidden;
            }

            var handbook = await write.HandbookAsync();
            var candidate = new RoleAssignment(Ids.New(write.Now), role, request.UserId!.Trim(), request.DisplayName!.Trim());
            if (RoleRules.CheckAssignment(write.Roles, candidate, handbook.RoleWaivers) is { } broken)
            {
                return DomainError.Conflict("role-rule-broken", "Role rule broken", broken.Description)
                    with { Extensions = new Dictionary<string, object?> { ["rule"] = broken.Rule } };
            }

            var assigned = new RoleView(candidate.Id, role, candidate.UserId, candidate.DisplayName, write.Actor.UserId, write.Now);
            await RoleStore.InsertAsync(write.Db, id, assigned);
            write.Record(EventTypes.RoleAssigned, new { assignmentId = candidate.Id, role, candidate.UserId, candidate.DisplayName });
            return assigned;
        });

        return result;
    }
}
