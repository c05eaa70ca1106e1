using System.Collections.Concurrent;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>
/// In-process copies of activities by <c>seq</c> (the subject of their codes), so a scan does not read the activity from
/// MySQL. The <c>seq</c> → activity mapping never changes; the rest of the row may (cancelled, title, venue), so the cache
/// decides nothing on its own: the group commit inserts only while the activity is not cancelled and still has the cached
/// title and venue (<see cref="CheckInStore.WriteScansAsync"/>), and a scan refused on a cached copy is checked again
/// against a fresh read before the member sees the refusal. A stale copy therefore costs one more read, never a wrong answer.
/// Bounded: past <see cref="Capacity"/> entries it starts afresh (a hall's activities are few at any moment).
/// </summary>
public sealed class CheckInActivityCache
{
    /// <summary>Most activities kept.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<long, CheckInActivity> bySeq = new();

    public CheckInActivity? Get(long seq) => bySeq.GetValueOrDefault(seq);

    /// <summary>Keeps <paramref name="activity"/> (a fresh read) as the copy of its <c>seq</c>.</summary>
    public void Set(CheckInActivity activity)
    {
        if (bySeq.Count >= Capacity) bySeq.Clear();
        bySeq[activity.Seq] = activity;
    }
}
