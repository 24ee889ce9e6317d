using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Microsoft.Extensions.Options;
using NodaTime;
using Polly.Retry;
using Polly;
using ProjectMethod.Api.Events;
using ProjectMethod.Api.Webhooks;

namespace ProjectMethod.Api.Infrastructure;

/// <summary>
/// Sends the outbox's due deliveries. Each is claimed under the write lock (so two instances never send the same one),
/// posted with an HMAC-SHA256 signature, retried at once with back-off (Polly), and when it still fails, tried again
/// later from the outbox, which survives a restart.
/// </summary>
public sealed partial class WebhookSender(
    Database database, IClock clock, IHttpClientFactory clients, IOptions<WebhookOptions> options, ILogger<WebhookSender> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    private const int BatchSize = 20;
    private static readonly Duration Lease = Duration.FromMinutes(1);

    private readonly ResiliencePipeline<HttpResponseMessage> pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TaskCanceledException>()
                .HandleResult(response => (int)response.StatusCode >= 500 || response.StatusCode == System.Net.HttpStatusCode.TooManyRequests),
        })
        .Build();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        OutboxPolling.RunAsync(SendDueAsync, options.Value.PollInterval, exception => LogOutboxUnavailable(logger, exception), stoppingToken);

    /// <summary>Claims and sends what is due now; returns how many deliveries were tried.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        // Look before taking the write lock: most polls find nothing to do.
        if (!await database.ReadAsync(db => WebhookStore.AnyDueAsync(db, now), cancellationToken))
        {
            return 0;
        }

        var due = await database.WriteAsync(async db => (true, await WebhookStore.ClaimDueAsync(db, now, now + Lease, BatchSize)), cancellationToken);

        foreach (var delivery in due)
        {
            var error = await SendAsync(delivery, cancellationToken);
            await RecordAsync(delivery, error, cancellationToken);
        }

        return due.Count;
    }

    private async Task<string?> SendAsync(DueDelivery delivery, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(delivery.Url, UriKind.Absolute, out var url) || !options.Value.Allows(url))
        {
            return "The host is not in Webhooks:AllowedHosts.";
        }

        var body = JsonSerializer.Serialize(
            CloudEvent.From(delivery.Sequence, delivery.ProjectId, delivery.Type, delivery.Actor, delivery.OccurredAt, delivery.Payload), Json.Options);
        var timestamp = clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Sign(delivery.Secret, timestamp, body);
        try
        {
            using var response = await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/cloudevents+json")),
                };
                request.Headers.Add("X-ProjectMethod-Delivery", delivery.Id.ToString("D"));
                request.Headers.Add("X-ProjectMethod-Timestamp", timestamp);
                request.Headers.Add("X-ProjectMethod-Signature", "sha256=" + signature);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
                timeout.CancelAfter(options.Value.RequestTimeout);
                return await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }, cancellationToken);
            return response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode}.";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return exception.Message;
        }
    }

    private async Task RecordAsync(DueDelivery delivery, string? error, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var attempts = delivery.Attempts + 1;
        var (status, next) = error is null ? (DeliveryStatus.Delivered, now)
            : attempts >= options.Value.MaxAttempts ? (DeliveryStatus.Failed, now)
            : (DeliveryStatus.Pending, now + Backoff(attempts));
        await database.WriteAsync(async db =>
        {
            await WebhookStore.RecordAsync(db, delivery.Id, status, attempts, next, error, error is null ? now : null);
            return (true, 0);
        }, cancellationToken);
    }

    /// <summary>30 s, 1 min, 2 min … up to 6 h between the outbox's tries of one delivery.</summary>
    public static Duration Backoff(int attempts) => OutboxPolling.Backoff(attempts, Duration.FromSeconds(30));

    /// <summary>hex(HMAC-SHA256(secret, timestamp + "." + body)); receivers recompute it to trust a delivery.</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook outbox could not be read; trying again")]
    private static partial void LogOutboxUnavailable(ILogger logger, Exception exception);
}
