using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.People;

/// <summary>
/// Learns who calls: an authenticated caller's claims refresh the register of people. A database that refuses writes
/// just now does not stop the request (reads go on); the claims are recorded on a later call.
/// </summary>
public sealed class SignInRecorder(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, PeopleCommands people)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            try
            {
                await people.RecordAsync(context.User, context.RequestAborted);
            }
            catch (Exception exception) when (Unavailable.Is(exception))
            {
                // The request itself answers 503 if it needs to write; a read goes on.
            }
        }

        await next(context);
    }
}
