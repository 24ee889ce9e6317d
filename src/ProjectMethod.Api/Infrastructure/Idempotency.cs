using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// The <c>Idempotency-Key</c> header on POST (IETF httpapi-idempotency-key-header): the same key and body from the same
/// user replays the first response without a second write; the same key with another body is 422; a key whose first
/// request is still running is 409. The record of the response commits in the same transaction as the change.
/// Keys expire after 24 hours.
/// </summary>
public sealed class Idempotency(RequestDelegate next, Database database, IClock clock)
{
    public const string Header = "Idempotency-Key";

    /// <summary>Says a response is the first one replayed.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;
    public static readonly Duration Lifetime = Duration.FromHours(24);

    // A request that has not finished in this time is taken to have died with its process.
    private static readonly Duration Abandoned = Duration.FromMinutes(2);

    public async Task InvokeAsync(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method) || !http.Request.Headers.TryGetValue(Header, out var values) || http.User.Identity?.IsAuthenticated != true)
        {
            await next(http);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || values.Count != 1 || key.Any(c => c < 0x21 || c > 0x7E))
        {
            await Problems.Problem(StatusCodes.Status400BadRequest, "invalid-idempotency-key", "Invalid Idempotency-Key",
                $"{Header} is one value of 1–{MaxKeyLength} visible ASCII characters.").ExecuteAsync(http);
            return;
        }

        var userId = http.User.ToActor().UserId;
        var requestHash = await HashAsync(http.Request);
        var (method, path) = (http.Request.Method, http.Request.Path.Value ?? "");
        var now = clock.GetCurrentInstant();
        var earlier = await ClaimAsync(userId, key, method, path, requestHash, now, http.RequestAborted);
        if (earlier is not null)
        {
            await AnswerRepeatAsync(http, earlier, method, path, requestHash);
            return;
        }

        await RunOnceAsync(http, userId, key);
    }

    /// <summary>Records the key as in flight, or returns what an earlier request with it left.</summary>
    private Task<StoredResponse?> ClaimAsync(string userId, string key, string method, string path, string requestHash, Instant now, CancellationToken cancellationToken) =>
        database.WriteAsync<StoredResponse?>(async db =>
        {
            await IdempotencyStore.ForgetExpiredAsync(db, now - Lifetime);
            var stored = await IdempotencyStore.GetAsync(db, userId, key);
            if (stored is not null && !(stored.Status is null && stored.CreatedAt < now - Abandoned))
            {
                return (true, stored);
            }

            await IdempotencyStore.ClaimAsync(db, userId, key, method, path, requestHash, now);
            return (true, null);
        }, cancellationToken);

    private static async Task AnswerRepeatAsync(HttpContext http, StoredResponse earlier, string method, string path, string requestHash)
    {
        if (earlier.Status is not { } status)
        {
            await Problems.Problem(StatusCodes.Status409Conflict, "idempotency-key-in-flight", "Request in progress",
                $"The first request with this {Header} is still being processed; retry later.").ExecuteAsync(http);
            return;
        }

        if (earlier.Method != method || earlier.Path != path || earlier.RequestHash != requestHash)
        {
            await Problems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key reused",
                $"This {Header} was used for a different request; use a new key for a new request.").ExecuteAsync(http);
            return;
        }

        http.Response.StatusCode = status;
        http.Response.Headers[ReplayedHeader] = "true";
        if (earlier.Location is not null)
        {
            http.Response.Headers.Location = earlier.Location;
        }

        if (earlier.Etag is not null)
        {
            http.Response.Headers.ETag = earlier.Etag;
        }

        if (earlier.Body is { Length: > 0 } body)
        {
            http.Response.ContentType = earlier.ContentType;
            await http.Response.WriteAsync(body, http.RequestAborted);
        }
    }

    /// <summary>Runs the request in one transaction with the record of its response; a refusal is recorded on its own.</summary>
    private async Task RunOnceAsync(HttpContext http, string userId, string key)
    {
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await using (var write = await database.BeginAmbientAsync(http.RequestAborted))
            using (Database.Join(write))
            {
                await next(http);
                var succeeded = http.Response.StatusCode < 400 && !write.RollbackOnly;
                if (succeeded)
                {
                    await CompleteAsync(new DbSession(write.Connection, write.Transaction, CancellationToken.None), http, userId, key, buffer);
                    await write.CommitAsync(http.RequestAborted);
                }
            }

            if (http.Response.StatusCode >= 500)
            {
                await ForgetAsync(userId, key);
            }
            else if (http.Response.StatusCode >= 400)
            {
                await database.WriteAsync(async db =>
                {
                    await CompleteAsync(db, http, userId, key, buffer);
                    return (true, 0);
                }, CancellationToken.None);
            }
        }
        catch
        {
            await ForgetAsync(userId, key);
            throw;
        }
        finally
        {
            http.Response.Body = original;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    private static Task CompleteAsync(DbSession db, HttpContext http, string userId, string key, MemoryStream buffer) =>
        IdempotencyStore.CompleteAsync(db, userId, key, new StoredResponse
        {
            Method = http.Request.Method,
            Path = http.Request.Path.Value ?? "",
            RequestHash = "",
            Status = http.Response.StatusCode,
            ContentType = http.Response.ContentType,
            Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            Etag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
            Body = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length),
            CreatedAt = default,
        });

    private Task<int> ForgetAsync(string userId, string key) =>
        database.WriteAsync(async db =>
        {
            await IdempotencyStore.ForgetAsync(db, userId, key);
            return (true, 0);
        }, CancellationToken.None);

    private static async Task<string> HashAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            sha.AppendData(chunk, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
