using NodaTime;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>What the first request with an <c>Idempotency-Key</c> left: the request's fingerprint and, once done, its response.</summary>
public sealed record StoredResponse
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    public required string RequestHash { get; init; }

    public int? Status { get; init; }

    public string? ContentType { get; init; }

    public string? Location { get; init; }

    public string? Etag { get; init; }

    public string? Body { get; init; }

    public required Instant CreatedAt { get; init; }
}

/// <summary>The idempotency records: one per user and key, kept 24 hours.</summary>
public static class IdempotencyStore
{
    private static readonly Sql ForgetExpired = Sql.Of("DELETE FROM idempotency_keys WHERE created_at < @expired");

    private static readonly Sql One = Sql.Of(
        """
        SELECT method, path, request_hash AS RequestHash, status, content_type AS ContentType, location, etag, body, created_at AS CreatedAt
        FROM idempotency_keys WHERE user_id = @userId AND idempotency_key = @key
        """);

    private static readonly Sql Claim = Sql.Of(
        """
        INSERT INTO idempotency_keys (user_id, idempotency_key, method, path, request_hash, created_at)
        VALUES (@userId, @key, @method, @path, @requestHash, @now)
        ON CONFLICT (user_id, idempotency_key) DO UPDATE
        SET method = excluded.method, path = excluded.path, request_hash = excluded.request_hash, created_at = excluded.created_at,
            status = NULL, content_type = NULL, location = NULL, etag = NULL, body = NULL
        """);

    private static readonly Sql Complete = Sql.Of(
        """
        UPDATE idempotency_keys SET status = @Status, content_type = @ContentType, location = @Location, etag = @Etag, body = @Body
        WHERE user_id = @userId AND idempotency_key = @key
        """);

    private static readonly Sql Forget = Sql.Of("DELETE FROM idempotency_keys WHERE user_id = @userId AND idempotency_key = @key");

    public static Task ForgetExpiredAsync(DbSession db, Instant expired) => db.ExecuteAsync(ForgetExpired, new { expired });

    public static Task<StoredResponse?> GetAsync(DbSession db, string userId, string key) => db.SingleOrDefaultAsync<StoredResponse>(One, new { userId, key });

    /// <summary>Records the key as in flight, replacing an expired or abandoned record of it.</summary>
    public static Task ClaimAsync(DbSession db, string userId, string key, string method, string path, string requestHash, Instant now) =>
        db.ExecuteAsync(Claim, new { userId, key, method, path, requestHash, now });

    public static Task CompleteAsync(DbSession db, string userId, string key, StoredResponse response) =>
        db.ExecuteAsync(Complete, new { response.Status, response.ContentType, response.Location, response.Etag, response.Body, userId, key });

    public static Task ForgetAsync(DbSession db, string userId, string key) => db.ExecuteAsync(Forget, new { userId, key });
}
