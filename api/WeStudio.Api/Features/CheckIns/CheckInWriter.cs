using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>
/// Group commit of members' scans (issue 15): the one writer of scanned check-ins in this instance. Requests queue their
/// scan (<see cref="WriteAsync"/>) and await its own outcome; a single loop takes up to <see cref="CheckInOptions.BatchMaxSize"/>
/// queued scans (after the first, it waits at most <see cref="CheckInOptions.BatchMaxDelayMilliseconds"/> for the batch
/// to fill) and writes them with one multi-row INSERT and one COMMIT (<see cref="CheckInStore.WriteScansAsync"/>).
/// Scans that arrive while a batch commits form the next one; up to <see cref="CheckInOptions.MaxBatchesInFlight"/> batches
/// are written at once (two batches never hold the same scan; the unique keys settle a member's scans split across them). Nothing is answered before its batch committed: a crash
/// loses only scans that were never acknowledged, and the member's retry with the same nonce finds either the committed
/// row (200, the same body) or none (the scan is written then, 201). Several instances each run their own writer; the
/// database's unique keys keep one row per member and activity and per member and nonce across them.
/// On shutdown the loop stops taking new scans, writes what is queued, and ends.
/// </summary>
public sealed class CheckInWriter(CheckInStore store, IOptions<CheckInOptions> options, ILogger<CheckInWriter> logger) : BackgroundService
{
    private sealed record Pending(BatchScan Scan, TaskCompletionSource<ScanWriteOutcome> Outcome);

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Fault injection for tests only, null in production: runs on the writer's connection between a batch's INSERT and its
    /// COMMIT (e.g. a test kills that connection to show that a crash there acknowledges nothing and loses nothing acknowledged).
    /// </summary>
    public Func<MySqlConnection, Task>? BeforeCommit { get; set; }

    /// <summary>
    /// Queues a scan and completes when its batch committed, with the scan's own outcome. Throws what the batch's write threw
    /// (the scan is then not acknowledged: it may or may not be in, and a retry with the same nonce tells which), or
    /// <see cref="ChannelClosedException"/> once the instance is stopping.
    /// </summary>
    public Task<ScanWriteOutcome> WriteAsync(BatchScan scan)
    {
        var pending = new Pending(scan, new TaskCompletionSource<ScanWriteOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending)) throw new ChannelClosedException("The check-in writer is stopping.");
        return pending.Outcome.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using var stopping = stoppingToken.Register(() => queue.Writer.TryComplete());
        var maxSize = options.Value.BatchMaxSize;
        var maxDelay = TimeSpan.FromMilliseconds(options.Value.BatchMaxDelayMilliseconds);
        // Batches in flight at once: while one waits for its COMMIT (the log flush), the next is already being written, and
        // the database flushes their commits together.
        using var slots = new SemaphoreSlim(options.Value.MaxBatchesInFlight);
        var inFlight = new List<Task>();
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            await slots.WaitAsync(CancellationToken.None);
            var batch = new List<Pending>(maxSize);
            while (batch.Count < maxSize && queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0)
            {
                slots.Release();
                continue;
            }
            if (batch.Count < maxSize && maxDelay > TimeSpan.Zero) await FillAsync(batch, maxSize, maxDelay);
            inFlight.RemoveAll(t => t.IsCompleted);
            inFlight.Add(WriteReleasingAsync(batch, slots));
        }
        await Task.WhenAll(inFlight);
    }

    private async Task WriteReleasingAsync(List<Pending> batch, SemaphoreSlim slots)
    {
        try
        {
            await WriteBatchAsync(batch);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>Waits up to <paramref name="maxDelay"/> for more scans to join <paramref name="batch"/>, until it is full.</summary>
    private async Task FillAsync(List<Pending> batch, int maxSize, TimeSpan maxDelay)
    {
        using var timeout = new CancellationTokenSource(maxDelay);
        try
        {
            while (batch.Count < maxSize && await queue.Reader.WaitToReadAsync(timeout.Token))
                while (batch.Count < maxSize && queue.Reader.TryRead(out var next)) batch.Add(next);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // Not the request's token: a scan that is queued is written even when its client gave up (its retry is idempotent).
            var outcomes = await store.WriteScansAsync(batch.Select(p => p.Scan).ToList(), BeforeCommit, CancellationToken.None);
            WeStudioMetrics.CheckInBatchSize.Record(batch.Count);
            WeStudioMetrics.CheckInBatchDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            for (var i = 0; i < batch.Count; i++) batch[i].Outcome.TrySetResult(outcomes[i]);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A batch of {Count} check-ins was not written", batch.Count);
            foreach (var pending in batch) pending.Outcome.TrySetException(e);
        }
    }
}
