namespace ProjectMethod.Api.Infrastructure;

/// <summary>How an outbox's sender runs: it works again at once while it finds something to do, and waits between polls.</summary>
public static class OutboxPolling
{
    /// <summary>
    /// How long an outbox waits before trying an entry again: <paramref name="first"/> after the first try, doubling with each
    /// one after it, at most 6 h.
    /// </summary>
    public static NodaTime.Duration Backoff(int attempts, NodaTime.Duration first) =>
        NodaTime.Duration.FromSeconds(Math.Min(first.TotalSeconds * Math.Pow(2, attempts - 1), TimeSpan.FromHours(6).TotalSeconds));

    /// <summary>
    /// Runs <paramref name="work"/> (which answers how much it did) until the service stops. When it did nothing, or the
    /// database was briefly unavailable (told to <paramref name="unavailable"/>), it waits <paramref name="interval"/>: the
    /// outbox keeps everything until it is sent, and the sender never stops the service.
    /// </summary>
    public static async Task RunAsync(Func<CancellationToken, Task<int>> work, TimeSpan interval, Action<Exception> unavailable, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            bool idle;
            try
            {
                idle = await work(stoppingToken) == 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                unavailable(exception);
                idle = true;
            }

            if (idle)
            {
                try
                {
                    await Task.Delay(interval, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }
}
