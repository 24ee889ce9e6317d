using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>The service over a real SQLite file of its own, a fake clock and a test signing key.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";
    public static readonly AuthOptions Auth = new(null, SigningKey, "projectmethod-test", "projectmethod");

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), "projectmethod-tests", $"{Guid.NewGuid():N}.db");

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 3, 2, 8, 0));

    public string ConnectionString => $"Data Source={databasePath}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ProjectMethod", ConnectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:Issuer", Auth.Issuer);
        builder.UseSetting("Auth:Audience", Auth.Audience);
        builder.ConfigureTestServices(services => services.AddSingleton<IClock>(Clock));
    }

    /// <summary>A client acting as this user, with these global roles.</summary>
    public HttpClient As(string userId, params string[] globalRoles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userId, globalRoles));
        return client;
    }

    public static string TokenFor(string userId, params string[] globalRoles) =>
        ProjectMethod.Api.Infrastructure.Auth.CreateDevelopmentToken(Auth, userId, userId, globalRoles,
            SystemClock.Instance.GetCurrentInstant(), Duration.FromHours(1));

    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
