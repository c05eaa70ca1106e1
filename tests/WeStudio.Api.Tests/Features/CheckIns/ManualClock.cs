namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>A clock the test moves by hand (Microsoft.Extensions.TimeProvider.Testing is not served here).</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void SetUtcNow(DateTimeOffset value) => now = value;

    public void Advance(TimeSpan by) => now += by;
}
