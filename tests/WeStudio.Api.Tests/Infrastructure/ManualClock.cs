namespace WeStudio.Api.Tests.Infrastructure;

/// <summary>A <see cref="TimeProvider"/> that moves only when told (Microsoft.Extensions.TimeProvider.Testing is not served here).</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref ticks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void SetUtcNow(DateTimeOffset now) => Interlocked.Exchange(ref ticks, now.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref ticks, by.Ticks);
}
