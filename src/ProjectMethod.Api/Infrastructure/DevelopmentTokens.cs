using NodaTime;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>The <c>token</c> command: prints a development token signed with <c>Auth:SigningKey</c>.</summary>
public static class DevelopmentTokens
{
    public static int Print(AuthOptions options, IReadOnlyList<string> args, TextWriter output)
    {
        string? subject = null;
        string? name = null;
        var roles = new List<string>();
        var hours = 8;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--sub": subject = args[i + 1]; break;
                case "--name": name = args[i + 1]; break;
                case "--role": roles.Add(args[i + 1]); break;
                case "--hours": hours = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture); break;
                default: return Usage(output);
            }
        }

        if (subject is null || args.Count % 2 != 0)
        {
            return Usage(output);
        }

        output.WriteLine(Auth.CreateDevelopmentToken(options, subject, name ?? subject, roles, SystemClock.Instance.GetCurrentInstant(), Duration.FromHours(hours)));
        return 0;
    }

    private static int Usage(TextWriter output)
    {
        output.WriteLine("usage: token --sub <user id> [--name <display name>] [--role <global role>]... [--hours <lifetime, default 8>]");
        return 2;
    }
}
