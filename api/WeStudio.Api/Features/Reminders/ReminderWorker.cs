using Microsoft.Extensions.Options;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// The background loop of every API instance (unless <c>Reminders:WorkerEnabled</c> is false): schedules every
/// <c>PollSeconds</c> and dispatches until nothing is due, waiting for the next second when the shared send rate is used up.
/// Instances coordinate through PostgreSQL (unique outbox rows, SKIP LOCKED claims) and Redis (the rate), not through this loop.
/// </summary>
public sealed class ReminderWorker(ReminderScheduler scheduler, ReminderDispatcher dispatcher, IOptionsMonitor<ReminderOptions> options, ILogger<ReminderWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.WorkerEnabled) return;
        var nextSchedule = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.FromSeconds(Math.Max(0.1, options.CurrentValue.PollSeconds));
            try
            {
                if (DateTimeOffset.UtcNow >= nextSchedule)
                {
                    await scheduler.RunOnceAsync(stoppingToken);
                    nextSchedule = DateTimeOffset.UtcNow + wait;
                }
                var result = await dispatcher.RunOnceAsync(stoppingToken);
                if (result.RateLimited) wait = result.RetryAfter > TimeSpan.Zero ? result.RetryAfter : TimeSpan.FromMilliseconds(100);
                else if (result.Handled > 0) wait = TimeSpan.Zero;
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return; // shutting down: a pass cut short is retried by the next start
            }
            catch (Exception e)
            {
                logger.LogError(e, "Reminder pass failed; retrying in {Seconds} s", wait.TotalSeconds);
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
