using System.Data.Common;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;
using Npgsql;
using ProjectMethod.Api.Infrastructure;

namespace ProjectMethod.Api.Tests.Infrastructure;

/// <summary>
/// The service over a database of its own (a SQLite file, or a fresh PostgreSQL or SQL Server database), a fake clock and a test
/// signing key. One fixture, parameterised by provider: each functional test class runs once per provider.
/// </summary>
public abstract class ApiFactory(string provider, string? sharedDatabase = null) : WebApplicationFactory<Program>
{
    public const string SigningKey = "test-signing-key-that-is-long-enough-0123456789";

    static ApiFactory()
    {
        // Many hosts run side by side in one test run: none watches its configuration files, so they do not use up the
        // machine's inotify instances.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
    public static readonly AuthOptions Auth = new(null, SigningKey, "projectmethod-test", "projectmethod");

    private readonly Lazy<string> connectionString = new(() => sharedDatabase ?? TestDatabases.Create(provider));
    private readonly Dictionary<string, string?> settings = [];
    private readonly List<Action<IServiceCollection>> services = [];

    public string Provider => provider;

    public FakeClock Clock { get; } = new(Instant.FromUtc(2026, 3, 2, 8, 0));

    public string ConnectionString => connectionString.Value;

    /// <summary>Extra configuration for this host, set before it starts.</summary>
    public ApiFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>Services of this host replaced before it starts, for tests that make the world fail under it.</summary>
    public ApiFactory WithServices(Action<IServiceCollection> configure)
    {
        services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:Provider", provider);
        builder.UseSetting("ConnectionStrings:ProjectMethod", ConnectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:Issuer", Auth.Issuer);
        builder.UseSetting("Auth:Audience", Auth.Audience);
        builder.UseSetting("Webhooks:AllowedHosts:0", "127.0.0.1");
        builder.UseSetting("Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Webhooks:PollInterval", "00:00:00.100");
        // A test class makes many requests as one user in well under a minute; the limit has a test of its own.
        builder.UseSetting("Limits:RequestsPerMinute", "100000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<IClock>(Clock);
            services.ForEach(configure => configure(collection));
        });
    }

    /// <summary>The host, started, with the people the tests name in its register (as a directory sync would leave them).</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        TestPeople.SeedAsync(host.Services.GetRequiredService<Database>(), Clock.GetCurrentInstant()).GetAwaiter().GetResult();
        return host;
    }

    /// <summary>A sector of its own, added by the portfolio board: for a test that counts the projects of one sector.</summary>
    public async Task<string> NewSectorAsync(string prefix = "s")
    {
        var slug = $"{prefix}{Guid.NewGuid():N}"[..20];
        await As("bjorn", ProjectMethod.Domain.Roles.GlobalRoles.PortfolioBoard).Put($"/api/v1/sectors/{slug}", new { nameNb = slug, nameEn = slug })
            .Expect(System.Net.HttpStatusCode.Created);
        return slug;
    }

    /// <summary>A second, independent service instance over a new database of the same provider.</summary>
    public ApiFactory Another() => provider switch
    {
        "postgres" => new PostgresApi(),
        "sqlserver" => new SqlServerApi(),
        _ => new SqliteApi(),
    };

    /// <summary>A second service instance over this one's database, as when two instances share a server database or a host restarts.</summary>
    public ApiFactory SameDatabase() => provider switch
    {
        "postgres" => new PostgresApi(ConnectionString),
        "sqlserver" => new SqlServerApi(ConnectionString),
        _ => new SqliteApi(ConnectionString),
    };

    /// <summary>A client without a token whose every exchange is held to the committed OpenAPI document.</summary>
    public new HttpClient CreateClient() => CreateDefaultClient(new ContractCheck());

    /// <summary>A client acting as this user whose requests are not held to the contract: for bodies meant to break it.</summary>
    public HttpClient SendingInvalidBodiesAs(string userId, params string[] globalRoles)
    {
        var client = CreateDefaultClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userId, globalRoles));
        return client;
    }

    /// <summary>A client acting as this user, with these global roles.</summary>
    public HttpClient As(string userId, params string[] globalRoles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userId, globalRoles));
        return client;
    }

    public static string TokenFor(string userId, params string[] globalRoles) =>
        ProjectMethod.Api.Infrastructure.Auth.CreateDevelopmentToken(Auth, userId, TestPeople.NameOf(userId), globalRoles,
            SystemClock.Instance.GetCurrentInstant(), Duration.FromHours(1));

    /// <summary>A connection straight to the database, for tests that look at or tamper with rows.</summary>
    public DbConnection OpenDatabase()
    {
        DbConnection connection = provider switch
        {
            "postgres" => new NpgsqlConnection(ConnectionString),
            "sqlserver" => new SqlConnection(ConnectionString),
            _ => new SqliteConnection(ConnectionString),
        };
        connection.Open();
        return connection;
    }

    private int dropped;

    /// <summary>
    /// Drops the database once, whether the factory is disposed synchronously, asynchronously or both — after holding
    /// every event the test recorded to its type's schema in the document, so each event type is checked by every test
    /// that makes one.
    /// </summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (connectionString.IsValueCreated && sharedDatabase is null && Interlocked.Exchange(ref dropped, 1) == 0)
        {
            var broken = EventsBreakingTheContract();
            TestDatabases.Drop(provider, connectionString.Value);
            if (broken is not null)
            {
                throw new ContractBrokenException(broken);
            }
        }
    }

    /// <summary>Why a recorded event's payload is not what its webhook's data says, or null (also when the database cannot be read: a test broke it).</summary>
    private string? EventsBreakingTheContract()
    {
        try
        {
            using var connection = OpenDatabase();
            return Dapper.SqlMapper.Query<(string Type, string Payload)>(connection, "SELECT type, payload FROM audit_events ORDER BY sequence")
                .Select(e => Contract.CheckEventData(e.Type, e.Payload))
                .FirstOrDefault(broken => broken is not null);
        }
        catch (DbException)
        {
            return null;
        }
    }
}

public sealed class SqliteApi : ApiFactory
{
    public SqliteApi()
        : base("sqlite")
    {
    }

    internal SqliteApi(string sharedDatabase)
        : base("sqlite", sharedDatabase)
    {
    }
}

public sealed class PostgresApi : ApiFactory
{
    public PostgresApi()
        : base("postgres")
    {
    }

    internal PostgresApi(string sharedDatabase)
        : base("postgres", sharedDatabase)
    {
    }
}

public sealed class SqlServerApi : ApiFactory
{
    public SqlServerApi()
        : base("sqlserver")
    {
    }

    internal SqlServerApi(string sharedDatabase)
        : base("sqlserver", sharedDatabase)
    {
    }
}
