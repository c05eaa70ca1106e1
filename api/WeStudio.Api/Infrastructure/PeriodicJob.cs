namespace WeStudio.Api.Infrastructure;

/// <summary>
/// A background loop of one feature's job, the same in every API instance: runs a pass, waits, runs again, until the
/// host stops. Waits on <see cref="TimeProvider"/>, so tests with a fake clock decide when the next pass runs.
/// A failed pass is logged and retried after <see cref="Interval"/>; the job itself must be safe to run on several
/// instances at once (claims in the database, not in this loop).
/// </summary>
public abstract class PeriodicJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>The normal wait between passes; zero or less disables the loop.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass. Returns how long to wait before the next one, or null for <see cref="Interval"/>
    /// (zero: run again at once, e.g. while a backlog remains).</summary>
    protected abstract Task<TimeSpan?> RunPassAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = Interval;
            try
            {
                wait = await RunPassAsync(stoppingToken) ?? Interval;
                WeStudioMetrics.JobRuns.Add(1, new("job_name", GetType().Name), new("result", "ok"));
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return; // shutting down: a pass cut short is retried by the next start
            }
            catch (Exception e)
            {
                WeStudioMetrics.JobRuns.Add(1, new("job_name", GetType().Name), new("result", "failed"));
                logger.LogError(e, "{Job} pass failed; the next pass runs in {Seconds} s", GetType().Name, wait.TotalSeconds);
            }
            if (wait <= TimeSpan.Zero) continue;
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
