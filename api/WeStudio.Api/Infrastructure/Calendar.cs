namespace WeStudio.Api.Infrastructure;

/// <summary>
/// The zone every calendar rule (month, semester, year, report deadline) is computed in: <c>Calendar:TimeZone</c>,
/// default <c>Asia/Shanghai</c> (DESIGN.md, "Time"). Instants stay UTC; only calendar questions go through here.
/// </summary>
public sealed class Calendar(IConfiguration configuration, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(configuration["Calendar:TimeZone"] ?? "Asia/Shanghai");

    /// <summary>Today's date in <see cref="Zone"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>The instant a local wall-clock time in <see cref="Zone"/> denotes.</summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
