using Microsoft.Extensions.Configuration;
using StackExchange.Redis;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Infrastructure;

using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>Against the real Redis named by <c>ConnectionStrings__Redis</c>; each test writes under its own key prefix.</summary>
public sealed class CheckInStateStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly string prefix = $"test:{Guid.NewGuid():N}:";
    private readonly RedisConnection redis;
    private readonly ManualClock clock = new(Start);
    private readonly CheckInStateStore store;

    public CheckInStateStoreTests()
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Redis")
            ?? throw new InvalidOperationException("Set ConnectionStrings__Redis (e.g. 127.0.0.1:6379) to run the Redis tests.");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = connectionString, ["Redis:KeyPrefix"] = prefix })
            .Build();
        redis = new RedisConnection(configuration);
        store = new CheckInStateStore(redis, clock);
    }

    public void Dispose()
    {
        var keys = OurKeys();
        if (keys.Length > 0) redis.Database.KeyDelete(keys);
        redis.Dispose();
    }

    [Fact]
    public async Task MissingStateReadsAsNotOpen()
    {
        var state = await store.GetAsync(Guid.NewGuid());

        Assert.Equal(CheckInState.NotOpen, state);
        Assert.False(state.IsOpenAt(clock.GetUtcNow()));
    }

    [Fact]
    public async Task OpenReadsBackAsOpenUntilItsScheduledClose()
    {
        var activity = Guid.NewGuid();
        var closesAt = Start.AddHours(2);

        var epoch = await store.OpenAsync(activity, closesAt);
        var state = await store.GetAsync(activity);

        Assert.Equal(new CheckInState(true, epoch, Start, closesAt), state);
        Assert.Equal(1, epoch);
        Assert.True(state.IsOpenAt(Start.AddHours(2).AddMilliseconds(-1)));
        Assert.False(state.IsOpenAt(closesAt));
    }

    [Fact]
    public async Task OpenTwiceKeepsEpoch()
    {
        var activity = Guid.NewGuid();
        var first = await store.OpenAsync(activity, Start.AddHours(1));
        clock.Advance(TimeSpan.FromMinutes(5));

        var second = await store.OpenAsync(activity, Start.AddHours(3));
        var state = await store.GetAsync(activity);

        Assert.Equal(first, second);
        Assert.Equal(new CheckInState(true, first, Start, Start.AddHours(3)), state);
    }

    [Fact]
    public async Task CloseBumpsEpochSoOldCodesDie()
    {
        var codec = CheckInTokenCodecTests.Codec(CheckInTokenCodecTests.Secret);
        var activity = Guid.NewGuid();
        var opened = await store.OpenAsync(activity, null);
        var shown = codec.Issue(TokenPurpose.CheckIn, 77, opened, clock.GetUtcNow()).Token;
        clock.Advance(TimeSpan.FromSeconds(2));

        var closed = await store.CloseAsync(activity);
        var afterClose = await store.GetAsync(activity);
        var reopened = await store.OpenAsync(activity, null);
        var afterReopen = await store.GetAsync(activity);

        // The code shown before the close is still inside its window and correctly signed, but its epoch is gone.
        var claims = codec.Verify(shown, TokenPurpose.CheckIn, clock.GetUtcNow()).Claims;
        Assert.Equal(opened, claims?.Epoch);
        Assert.False(afterClose.Open);
        Assert.NotEqual(opened, afterClose.Epoch);
        Assert.Equal(closed, afterClose.Epoch);
        Assert.True(afterReopen.Open);
        Assert.Equal(reopened, afterReopen.Epoch);
        Assert.NotEqual(opened, reopened);
        Assert.NotEqual(closed, reopened);
    }

    [Fact]
    public async Task CloseRecordsWhenCheckInClosedAndClosingAgainKeepsThatMoment()
    {
        var activity = Guid.NewGuid();
        await store.OpenAsync(activity, Start.AddHours(2));
        clock.Advance(TimeSpan.FromMinutes(30));
        var closedAt = clock.GetUtcNow();

        var first = await store.CloseAsync(activity);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await store.CloseAsync(activity);

        Assert.Equal(first + 1, second);
        Assert.Equal(new CheckInState(false, second, Start, closedAt), await store.GetAsync(activity));
    }

    [Fact]
    public async Task OpeningAfterTheScheduledCloseTakesANewEpoch()
    {
        var activity = Guid.NewGuid();
        var first = await store.OpenAsync(activity, Start.AddMinutes(30));
        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.False((await store.GetAsync(activity)).IsOpenAt(clock.GetUtcNow()));
        var second = await store.OpenAsync(activity, null);
        var state = await store.GetAsync(activity);

        Assert.NotEqual(first, second);
        Assert.Equal(new CheckInState(true, second, clock.GetUtcNow(), null), state);
        Assert.True(state.IsOpenAt(clock.GetUtcNow()));
    }

    [Fact]
    public async Task ConcurrentOpensAgreeOnOneEpoch()
    {
        var activity = Guid.NewGuid();
        await store.CloseAsync(activity);

        var epochs = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => store.OpenAsync(activity, Start.AddHours(1))));

        Assert.Single(epochs.Distinct());
        Assert.Equal(2, epochs[0]);
    }

    [Fact]
    public async Task ActivitiesHaveSeparateStates()
    {
        var open = Guid.NewGuid();
        var other = Guid.NewGuid();

        await store.OpenAsync(open, null);
        await store.CloseAsync(other);
        await store.CloseAsync(other);

        Assert.Equal(new CheckInState(true, 1, Start, null), await store.GetAsync(open));
        Assert.Equal(new CheckInState(false, 2, null, null), await store.GetAsync(other));
    }

    [Fact]
    public async Task StateIsOneHashTaggedKeyThatExpiresSomeDaysAfterClosesAt()
    {
        var activity = Guid.NewGuid();
        await store.OpenAsync(activity, Start.AddHours(2));

        var key = Assert.Single(OurKeys());
        var ttl = await redis.Database.KeyTimeToLiveAsync(key);

        Assert.Equal($"{prefix}checkin:{{act:{activity:D}}}", (string?)key);
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(2) + CheckInStateStore.Retention - TimeSpan.FromMinutes(1), TimeSpan.FromHours(2) + CheckInStateStore.Retention);
    }

    [Fact]
    public async Task ClosedStateExpiresSomeDaysAfterTheClose()
    {
        var activity = Guid.NewGuid();
        await store.OpenAsync(activity, Start.AddDays(3));
        await store.CloseAsync(activity);

        var ttl = await redis.Database.KeyTimeToLiveAsync(Assert.Single(OurKeys()));

        Assert.InRange(ttl!.Value, CheckInStateStore.Retention - TimeSpan.FromMinutes(1), CheckInStateStore.Retention);
    }

    [Fact]
    public async Task OpenRefusesACloseThatIsNotInTheFuture()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.OpenAsync(Guid.NewGuid(), Start));
        Assert.Empty(OurKeys());
    }

    [Fact]
    public async Task EpochWrapsWithinWhatACodeCanCarry()
    {
        var activity = Guid.NewGuid();
        await redis.Database.HashSetAsync(redis.Key($"checkin:{{act:{activity:D}}}"), [new HashEntry("open", "0"), new HashEntry("epoch", CheckInTokenCodec.MaxEpoch)]);

        var epoch = await store.OpenAsync(activity, null);

        Assert.Equal(0, epoch);
    }

    private RedisKey[] OurKeys()
    {
        var muxer = redis.Database.Multiplexer;
        return muxer.GetEndPoints().SelectMany(e => muxer.GetServer(e).Keys(pattern: prefix + "*")).ToArray();
    }
}
