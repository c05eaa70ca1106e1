using Microsoft.Extensions.Options;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Reminders;

/// <summary>
/// The background loop of every API instance (unless <c>Reminders:WorkerEnabled</c> is false): schedules every
/// <c>PollSeconds</c> and dispatches until nothing is due, waiting for the next second when the shared send rate is used up.
/// Instances coordinate through MySQL (unique outbox rows, SKIP LOCKED claims) and Redis (the rate), not through this loop.
/// </summary>
public sealed class ReminderWorker(
    ReminderScheduler scheduler, ReminderDispatcher dispatcher, IOptionsMonitor<ReminderOptions> options, TimeProvider clock, ILogger<ReminderWorker> logger)
    : PeriodicJob(clock, logger)
{
    private readonly TimeProvider time = clock;
    private DateTimeOffset nextSchedule = DateTimeOffset.MinValue;

    private TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(0.1, options.CurrentValue.PollSeconds));

    /// <summary><c>PollSeconds</c> (at least 0.1 s); zero, the loop off, when <c>WorkerEnabled</c> is false.</summary>
    protected override TimeSpan Interval => options.CurrentValue.WorkerEnabled ? Poll : TimeSpan.Zero;

    /// <summary>
    /// Schedules when <c>PollSeconds</c> have passed since the last scheduling, then dispatches. Runs again at once while it
    /// settled reminders; when the send rate stopped it, waits until the next second of the rate.
    /// </summary>
    protected override async Task<TimeSpan?> RunPassAsync(CancellationToken ct)
    {
        if (time.GetUtcNow() >= nextSchedule)
        {
            await scheduler.RunOnceAsync(ct);
            nextSchedule = time.GetUtcNow() + Poll;
        }
        var result = await dispatcher.RunOnceAsync(ct);
        if (result.RateLimited) return result.RetryAfter > TimeSpan.Zero ? result.RetryAfter : TimeSpan.FromMilliseconds(100);
        return result.Handled > 0 ? TimeSpan.Zero : null;
    }
}
