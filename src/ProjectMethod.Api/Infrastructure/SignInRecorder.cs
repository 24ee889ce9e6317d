using ProjectMethod.Api.People;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Learns who calls: an authenticated caller's claims refresh the register of people, and the register's copy this
/// instance keeps is brought up to date, so the names an answer shows for user ids are the register's now. A database
/// that refuses writes just now does not stop the request (reads go on, with the names last read); the claims are
/// recorded on a later call.
/// </summary>
public sealed class SignInRecorder(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, PeopleCommands people, PeopleReader directory)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            try
            {
                await people.RecordAsync(context.User, context.RequestAborted);
                await directory.PeopleAsync(context.RequestAborted);
            }
            catch (Exception exception) when (Unavailable.Is(exception))
            {
                // The request itself answers 503 if it needs to write; a read goes on.
            }
        }

        await next(context);
    }
}
