using ProjectMethod.Domain.Gates;
using ProjectMethod.Domain.Phases;
using ProjectMethod.Domain.Products;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// The command line's sub-commands: <c>token</c>, <c>phase-machine</c>, <c>product-machine</c>, <c>backup &lt;file&gt;</c>,
/// <c>verify [&lt;file&gt;]</c> and <c>verify-document &lt;pdf&gt;</c> run instead of the service; <c>demo</c> runs the service, filled first.
/// </summary>
public static class SubCommands
{
    /// <summary>How many of the arguments are the sub-command's own words ("backup &lt;file&gt;"); what follows them is configuration.</summary>
    public static int OperandsOf(string[] args) => args switch
    {
        ["backup", _, ..] or ["verify-document", _, ..] => 2,
        ["verify", var next, ..] when !next.StartsWith('-') => 2,
        ["verify", ..] or ["demo", ..] => 1,
        _ => 0,
    };

    /// <summary>Runs a sub-command that replaces the service and answers its exit code, or null when the service is to run.</summary>
    public static async Task<int?> RunInsteadOfServiceAsync(string[] args, WebApplicationBuilder builder)
    {
        switch (args)
        {
            case ["token", ..]:
                return DevelopmentTokens.Print(AuthOptions.From(builder.Configuration), args[1..], Console.Out);
            case ["phase-machine"]:
                await Console.Out.WriteLineAsync(PhaseMachine.Mermaid(CriteriaCatalogue.Default));
                return 0;
            case ["product-machine"]:
                await Console.Out.WriteLineAsync(ProductMachine.Mermaid());
                return 0;
            case ["backup", var target, ..]:
                // An online backup of SQLite.
                return await Maintenance.BackupAsync(Storage.From(builder.Configuration), target, Console.Out);
            case ["verify", ..]:
                return await VerifyAsync(args, builder);
            case ["verify-document", var document, ..]:
                builder.AddProjectMethod(new LimitOptions());
                return await Maintenance.VerifyDocumentAsync(builder.Build().Services.GetRequiredService<Database>(), document, Console.Out);
            default:
                return null;
        }
    }

    /// <summary>The service as usual, filled first with a demo municipality through its own API (Development: dev tokens).</summary>
    public static async Task RunDemoAsync(WebApplication app)
    {
        await app.StartAsync();
        await Demo.SeedAsync(new Uri(app.Urls.First()), AuthOptions.From(app.Configuration), Console.Out, CancellationToken.None);
        await app.WaitForShutdownAsync();
    }

    /// <summary>A verification that changes nothing: of the given file, or of the configured database.</summary>
    private static async Task<int> VerifyAsync(string[] args, WebApplicationBuilder builder)
    {
        if (args is [_, var file, ..] && !file.StartsWith('-'))
        {
            if (!File.Exists(file))
            {
                await Console.Out.WriteLineAsync($"{file} does not exist.");
                return 2;
            }

            builder.Configuration["Storage:Provider"] = SqliteDialect.Name;
            builder.Configuration["ConnectionStrings:ProjectMethod"] = $"Data Source={file};Mode=ReadOnly";
        }

        builder.AddProjectMethod(new LimitOptions());
        var services = builder.Build().Services;
        return await Maintenance.VerifyAsync(services.GetRequiredService<StorageOptions>(), services.GetRequiredService<Database>(), Console.Out);
    }
}
