using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>The service as a real process on 127.0.0.1 (Kestrel, its own output folder), for tests that kill it.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process process;

    private ServiceProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static Task<ServiceProcess> StartAsync(string provider, string connectionString, params (string Key, string Value)[] settings) =>
        StartAsync(provider, connectionString, [], settings);

    /// <summary>The service started with these arguments (<c>demo</c>) and settings.</summary>
    public static async Task<ServiceProcess> StartAsync(string provider, string connectionString, string[] arguments, params (string Key, string Value)[] settings)
    {
        var folder = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "ProjectMethod.Api.dll"), .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Urls"] = address.ToString();
        start.Environment["Storage__Provider"] = provider;
        start.Environment["ConnectionStrings__ProjectMethod"] = connectionString;
        start.Environment["Auth__SigningKey"] = ApiFactory.SigningKey;
        start.Environment["Auth__Issuer"] = ApiFactory.Auth.Issuer;
        start.Environment["Auth__Audience"] = ApiFactory.Auth.Audience;
        start.Environment["Limits__RequestsPerMinute"] = "100000";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, address);
        await service.WaitUntilReadyAsync();
        // A service that trusts another authority takes no test token: its people are learned as they sign in.
        if (!settings.Any(s => s.Key == "Auth:Authority"))
        {
            using var directory = service.As("katalog", ProjectMethod.Domain.Roles.GlobalRoles.Integrator);
            using var board = service.As("bjorn", ProjectMethod.Domain.Roles.GlobalRoles.PortfolioBoard);
            await TestPeople.SeedAsync(directory, board);
        }

        return service;
    }

    /// <summary>Runs a sub-command of the service (backup, verify …) to its end: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var folder = Path.GetDirectoryName(typeof(Program).Assembly.Location)!;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "ProjectMethod.Api.dll"), .. arguments])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }

    public HttpClient As(string userId, params string[] globalRoles) => Client(new HttpClientHandler(), userId, globalRoles);

    /// <summary>A client acting as this user whose every exchange is held to the committed OpenAPI document.</summary>
    public HttpClient HeldToContractAs(string userId, params string[] globalRoles) =>
        Client(new ContractCheck { InnerHandler = new HttpClientHandler() }, userId, globalRoles);

    private HttpClient Client(HttpMessageHandler handler, string userId, string[] globalRoles)
    {
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiFactory.TokenFor(userId, globalRoles));
        return client;
    }

    /// <summary>Ends the process at once, as a power cut or an OOM kill would: no shutdown, no flush.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The service did not become ready within three minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
