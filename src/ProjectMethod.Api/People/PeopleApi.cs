using Microsoft.AspNetCore.Http.HttpResults;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.People;

public static class PeopleApi
{
    public const int MaxMatches = 50;

    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/people").WithTags("People");
        group.MapGet("/", Search).WithName(Operations.SearchPeople).WithSummary("Find people by name, id, unit or title")
            .WithDescription($"Any employee. Every word of q, in any order, case and accents ignored; the best {MaxMatches} at most (limit, default 20), by name. Without q, everyone by name up to the limit.")
            .WithProblems(400);
        group.MapGet("/{personId}", GetOne).WithName(Operations.GetPerson).WithSummary("One person").WithDescription("Any employee.").WithProblems(404);
        group.MapPut("/{personId}", Put).WithName(Operations.PutPerson).RequireAuthorization(Policies.DirectorySync)
            .WithSummary("Create or update a person from the municipality's directory")
            .WithDescription("An admin or an integrator, for a nightly sync: the id is the person's sign-in subject (sub). The whole record is replaced: a field left out is cleared. 201 for a new person, 200 for a known one. Sign-ins refresh the name, e-mail and unit from their claims too.")
            .WithProblems(400, 403);
        return app;
    }

    private static async Task<Results<Ok<ItemList<PersonView>>, ProblemHttpResult>> Search(
        PeopleReader directory, CancellationToken cancellationToken, string? q = null, int? limit = null)
    {
        if (limit is < 1 or > MaxMatches || q is { Length: > Validation.ShortText })
        {
            return Problems.Validation(new Dictionary<string, string[]>
            {
                [limit is < 1 or > MaxMatches ? "limit" : "q"] = [limit is < 1 or > MaxMatches ? $"limit must be between 1 and {MaxMatches}." : $"q must be at most {Validation.ShortText} characters."],
            });
        }

        var people = await directory.PeopleAsync(cancellationToken);
        return TypedResults.Ok(new ItemList<PersonView>(PeopleReader.Search(people.Values, q, limit ?? 20)));
    }

    private static async Task<Results<Ok<PersonView>, ProblemHttpResult>> GetOne(string personId, PeopleReader directory, CancellationToken cancellationToken) =>
        (await directory.PeopleAsync(cancellationToken)).GetValueOrDefault(personId) is { } person ? TypedResults.Ok(person) : Problems.NotFound("The person");

    private static async Task<Results<Created<PersonView>, Ok<PersonView>, ProblemHttpResult>> Put(
        string personId, PutPerson request, HttpContext http, PeopleCommands people)
    {
        var outcome = await people.PutAsync(personId, request, http.User.ToActor().UserId, http.RequestAborted);
        if (outcome.Error is { } refused)
        {
            return Problems.From(refused);
        }

        var (person, created) = outcome.Value;
        return created ? TypedResults.Created($"/api/v1/people/{Uri.EscapeDataString(person.Id)}", person) : TypedResults.Ok(person);
    }
}
