using ProjectMethod.Api.CoCreation;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Infrastructure;
using ProjectMethod.Domain;
using ProjectMethod.Domain.Organisation;

namespace ProjectMethod.Api.Groups;

/// <summary>The reference groups, working groups and board observers of a project, set up and changed.</summary>
public sealed class GroupCommands(ProjectWrites writes)
{
    private const int MaxMembers = 50;

    private static readonly DomainError MissingGroup = DomainError.NotFound("The group was not found.");

    /// <summary>A new group (no id) or a group's whole description replaced.</summary>
    public async Task<WriteResult<GroupView>> SaveAsync(Guid id, Guid? groupId, GroupRequest request, Caller caller)
    {
        var members = request.MemberUserIds ?? [];
        var stakeholders = request.StakeholderGroupIds ?? [];
        var validation = new Validation()
            .Required("kind", request.Kind)
            .Text("name", request.Name, Validation.ShortText)
            .Text("mandate", request.Mandate, Validation.LongText)
            .That(members.Count <= MaxMembers, "memberUserIds", $"At most {MaxMembers} members.")
            .That(stakeholders.Count <= MaxMembers && stakeholders.Distinct().Count() == stakeholders.Count, "stakeholderGroupIds", $"At most {MaxMembers} stakeholder groups, each once.");
        if (!validation.IsValid)
        {
            return WriteResult.Refused<GroupView>(Problems.Validation(validation.Errors));
        }

        return await writes.RunAsync<GroupView>(caller, id, async write =>
        {
            var existing = (await GroupStore.OfProjectAsync(write.Db, id)).FirstOrDefault(g => g.Id == groupId);
            if (groupId is not null && existing is null)
            {
                return MissingGroup;
            }

            var kind = request.Kind!.Value;
            var people = members.Select(m => m.Trim()).Distinct().ToList();
            var refused = GroupRules.CheckManage(write.Standing, kind)
                ?? (existing is not null && existing.Kind != kind ? GroupRules.CheckManage(write.Standing, existing.Kind) : null)
                ?? await write.CheckKnownAsync(people.Select((m, i) => ($"memberUserIds[{i}]", (string?)m)).ToArray())
                ?? await CheckStakeholdersAsync(write, stakeholders)
                ?? GroupRules.CheckMembers(kind, people, stakeholders.Count, write.Roles);
            if (refused is not null)
            {
                return refused;
            }

            var group = new GroupView
            {
                Id = existing?.Id ?? Ids.New(write.Now), Kind = kind, Name = request.Name!.Trim(), Mandate = request.Mandate!.Trim(), MemberUserIds = people,
                StakeholderGroupIds = stakeholders, UpdatedBy = write.Actor.UserId, UpdatedAt = write.Now,
            };
            await GroupStore.SaveAsync(write.Db, id, group, existing is null);
            write.Record(EventTypes.GroupSet, group);
            return group;
        });
    }

    private static async Task<DomainError?> CheckStakeholdersAsync(ProjectWrite write, IReadOnlyList<Guid> stakeholders)
    {
        if (stakeholders.Count == 0)
        {
            return null;
        }

        var known = (await CoCreationStore.GroupsAsync(write.Db, write.Project.Id)).Select(g => g.Id).ToHashSet();
        var validation = new Validation();
        for (var i = 0; i < stakeholders.Count; i++)
        {
            validation.That(known.Contains(stakeholders[i]), $"stakeholderGroupIds[{i}]", "Names a stakeholder group of this project's co-creation register.");
        }

        return validation.IsValid ? null : validation.ToError();
    }
}
