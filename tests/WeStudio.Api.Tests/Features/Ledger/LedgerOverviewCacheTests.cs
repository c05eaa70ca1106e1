using System.Net.Http.Json;
using Dapper;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Ledger;

/// <summary>
/// The committee overview reuses each studio's counts from <see cref="LedgerCache"/>. These tests prove it does (a
/// planted count shows), and that it never answers from counts older than the data: after every kind of write the
/// ledger counts, and after a scheduled activity starts, the overview equals the studio ledger, which always counts
/// from the tables.
/// </summary>
public sealed class LedgerOverviewCacheTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<OverviewRow> RowAsync(HttpClient client, LedgerWorld w, string period = "2026")
    {
        var overview = await (await client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period={period}&pageSize=500")).ReadAsync<LedgerOverviewDto>();
        return overview.Items.Single(i => i.StudioId == w.StudioId);
    }

    /// <summary>The overview row of the studio equals what its ledger, counted from the tables at the same instant, says.</summary>
    private static async Task<OverviewRow> SameAsFreshAsync(LedgerWorld w)
    {
        var row = await RowAsync(w.Admin.Client, w);
        var fresh = await w.Admin.LedgerAsync(w.StudioId);
        Assert.Equal(fresh.Totals, row.Totals);
        var today = DateOnly.FromDateTime(fresh.ComputedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
        foreach (var line in fresh.Requirements)
        {
            var shown = row.Requirements.Single(r => r.Code == line.Code);
            var current = line.Cells.LastOrDefault(c => c.Starts <= today) ?? line.Cells.FirstOrDefault();
            Assert.Equal((line.Code, current?.Status ?? LedgerStatus.NotApplicable, line.Cells.Count(c => c.Status == LedgerStatus.Missed)),
                (shown.Code, shown.Status, shown.MissedPeriods));
        }
        return row;
    }

    private static int Missed(OverviewRow row, string code) => row.Requirements.Single(r => r.Code == code).MissedPeriods;

    [Fact]
    public async Task AnotherInstanceUsesCountsFromRedisWhileTheStudiosVersionStandsAndRecountsAfterAWrite()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync();
        var before = await SameAsFreshAsync(w);
        Assert.Equal(5, Missed(before, "monthly-seminar")); // January to May

        // Plant counts: January to May each get a seminar in the cached entry, under the studio's current version.
        var cache = factory.Services.GetRequiredService<LedgerCache>();
        using var redis = ConnectionMultiplexer.Connect(ApiFactory.RedisConnectionString);
        var key = Assert.Single(redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: $"{factory.RedisPrefix}ledger:*:{w.StudioId:N}:*")).ToString();
        var parts = key[factory.RedisPrefix.Length..].Split(':'); // ledger, plan, studio, horizon
        var horizon = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[3]));
        var entry = Assert.Single(await cache.GetAsync(parts[1], [w.StudioId], horizon, CancellationToken.None))!;
        var planted = (double[])entry.Actuals.Clone();
        for (var month = 0; month < 5; month++) planted[month] = 1; // monthly-seminar, 2026-01 … 2026-05
        await cache.SetAsync(parts[1], horizon, [(w.StudioId, entry with { Actuals = planted })], CancellationToken.None);

        // Another instance (its own host, nothing in memory) takes the planted counts from Redis: their version is current.
        await using var other = factory.WithWebHostBuilder(_ => { });
        var otherClient = other.CreateClient();
        otherClient.DefaultRequestHeaders.Authorization = new("Bearer", w.Admin.Token);
        Assert.Equal(0, Missed(await RowAsync(otherClient, w), "monthly-seminar"));

        // Any write the ledger counts raises the version: the planted count is gone, the real ones show.
        await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-02-10T15:00:00");
        Assert.Equal(4, Missed(await RowAsync(otherClient, w), "monthly-seminar")); // January, March, April, May
        Assert.Equal(4, Missed(await SameAsFreshAsync(w), "monthly-seminar"));
    }

    [Fact]
    public async Task EveryWriteTheLedgerCountsShowsInTheOverviewAtOnce()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(members: 5);
        var rows = new List<OverviewRow> { await SameAsFreshAsync(w) };
        async Task Step()
        {
            var row = await SameAsFreshAsync(w);
            Assert.NotEqual(System.Text.Json.JsonSerializer.Serialize(rows[^1]), System.Text.Json.JsonSerializer.Serialize(row)); // the write changed something
            rows.Add(row);
        }

        var march = await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-03-10T15:00:00");
        await Step();
        (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{march}", new
        {
            kind = "MonthlySeminar", title = "活动", startsAt = LedgerScenario.Beijing("2026-04-10T15:00:00"), endsAt = LedgerScenario.Beijing("2026-04-10T15:20:00"),
        })).EnsureSuccessStatusCode();
        var moved = await SameAsFreshAsync(w); // March missed again, April met: the totals stay, the cells moved
        Assert.Equal(LedgerStatus.Met, (await w.Admin.LedgerAsync(w.StudioId)).Cell("monthly-seminar", "2026-04").Status);
        rows.Add(moved);
        (await w.Leader.Client.PostJsonAsync($"/api/v1/activities/{march}/cancel", new { reason = "改期" })).EnsureSuccessStatusCode();
        await Step();
        var lectures = new[] { "2026-03-03T09:00:00", "2026-05-03T09:00:00" };
        foreach (var at in lectures) await w.Leader.ActivityAsync(w.StudioId, "TrainingLecture", at);
        await Step();
        foreach (var m in w.Members)
            (await w.Leader.Client.PutAsync($"/api/v1/studios/{w.StudioId}/backbone-teachers/2026/{m.Id}", JsonContent.Create(new { note = "骨干" }))).EnsureSuccessStatusCode();
        await Step(); // five backbone teachers: met
        (await w.Leader.Client.DeleteAsync($"/api/v1/studios/{w.StudioId}/backbone-teachers/2026/{w.Members[0].Id}")).EnsureSuccessStatusCode();
        await Step();
        var achievement = await (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/achievements", new
        {
            form = "ResearchOutput", researchSubtype = "Project", title = "课题", year = 2026, authors = "覃美玲", level = "City",
        })).ReadAsync<System.Text.Json.JsonElement>();
        await Step();
        (await w.Leader.Client.DeleteAsync($"/api/v1/achievements/{achievement.GetProperty("id").GetGuid()}")).EnsureSuccessStatusCode();
        await Step();
        (await w.Leader.Client.PutAsync($"/api/v1/studios/{w.StudioId}/progress-reports/2026", JsonContent.Create(new { text = "2026年度建设进展报告" }))).EnsureSuccessStatusCode();
        await Step();
        (await w.Admin.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/progress-reports/2026/return", new { comments = "请补充" })).EnsureSuccessStatusCode();
        await Step(); // returned: no longer counts
    }

    [Fact]
    public async Task TeamNoticesAndAttendanceOfAWenzhouStudioShowInTheOverviewAtOnce()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "PioneerMember", members: 10);
        var activity = await w.Leader.ActivityAsync(w.StudioId, "ResearchSession", "2026-03-03T09:00:00");
        var start = await SameAsFreshAsync(w);
        Assert.Equal(LedgerStatus.Met, start.Requirements.Single(r => r.Code == "team-size").Status);

        // Attendance: check-ins raise no version; the rate is counted on every look and shown for the evaluator (no figure in the notice).
        foreach (var m in w.Members.Take(9))
            (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity}/attendance/{m.Id}", new { reason = "补录" })).EnsureSuccessStatusCode();
        Assert.Equal(0.818, (await w.Admin.LedgerAsync(w.StudioId)).Cell("attendance", LedgerScenario.BuildYear1).Actual);
        Assert.Equal(LedgerStatus.EvaluatorChecked, (await SameAsFreshAsync(w)).Requirements.Single(r => r.Code == "attendance").Status);

        // A notice delivered before the activity, and its brief published: the activity counts as 有通知、有简讯.
        await using (var conn = await factory.Database.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("""
                INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
                VALUES (@id, 'ActivityUpcoming', @activity, @studio, @member, 'test', @at, @at)
                """, new { id = WeStudio.Api.Infrastructure.Database.NewId(), activity, studio = w.StudioId, member = w.Members[1].Id, at = LedgerScenario.Beijing("2026-03-02T09:00:00").UtcDateTime });
        }
        (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{activity}/brief", new
        {
            title = "简讯", theme = "主题", exchange = "交流", record = "记录", summary = "小结", photoIds = Array.Empty<Guid>(),
        })).EnsureSuccessStatusCode();
        (await w.Leader.Client.PostAsync($"/api/v1/activities/{activity}/brief/publish", null)).EnsureSuccessStatusCode();
        await SameAsFreshAsync(w);
        Assert.Equal(0, (await w.Admin.LedgerAsync(w.StudioId)).Cell("activities-with-brief", LedgerScenario.BuildYear1).Actual);
        await using (var conn = await factory.Database.OpenConnectionAsync())
        {
            // What the reminder dispatcher writes when WeChat accepted the message.
            await conn.ExecuteAsync("UPDATE reminders SET status = 'Sent', sent_at = @at WHERE subject_id = @activity",
                new { activity, at = LedgerScenario.Beijing("2026-03-02T09:00:00").UtcDateTime });
        }
        Assert.Equal(1, (await w.Admin.LedgerAsync(w.StudioId)).Cell("activities-with-brief", LedgerScenario.BuildYear1).Actual);
        await SameAsFreshAsync(w);

        // The team: a member leaves, 9 of 10. The API stamps the database's clock; the test moves it onto the test's clock.
        (await w.Leader.Client.DeleteAsync($"/api/v1/studios/{w.StudioId}/members/{w.Members[9].Id}?reason=调离")).EnsureSuccessStatusCode();
        await using (var conn = await factory.Database.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("UPDATE studio_memberships SET removed_at = @at WHERE studio_id = @studio AND member_id = @member",
                new { studio = w.StudioId, member = w.Members[9].Id, at = LedgerScenario.Beijing("2026-06-19T12:00:00").UtcDateTime });
        }
        Assert.Equal(9, (await w.Admin.LedgerAsync(w.StudioId)).Cell("team-size", LedgerScenario.BuildYear1).Actual);
        Assert.Equal(LedgerStatus.OnTrack, (await SameAsFreshAsync(w)).Requirements.Single(r => r.Code == "team-size").Status);
    }

    [Fact]
    public async Task AnActivityScheduledAheadCountsOnceItHasStartedWithoutAnyWrite()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-21T12:00:00"));
        var w = await factory.LedgerWorldAsync();
        await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-06-22T15:00:00");
        var before = await SameAsFreshAsync(w);
        Assert.Equal(LedgerStatus.AtRisk, before.Requirements.Single(r => r.Code == "monthly-seminar").Status);

        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-22T15:00:01")); // sessions last 72 h: stay within them
        var after = await SameAsFreshAsync(w);
        Assert.Equal(LedgerStatus.Met, after.Requirements.Single(r => r.Code == "monthly-seminar").Status);
    }

    [Fact]
    public async Task AMonthsOverviewAndTheYearsAreCachedApartAndBothStayRight()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync();
        await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-03-10T15:00:00");
        await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-05-10T15:00:00");

        for (var round = 0; round < 2; round++) // the second round answers from the cache
        {
            var march = await RowAsync(w.Admin.Client, w, "2026-03");
            var year = await RowAsync(w.Admin.Client, w, "2026");
            Assert.Equal((LedgerStatus.Met, 2), (march.Requirements.Single(r => r.Code == "monthly-seminar").Status, Missed(march, "monthly-seminar")));
            Assert.Equal(3, Missed(year, "monthly-seminar")); // January, February, April
        }
    }

    [Fact]
    public async Task LooksWhileLeadersWriteAllAnswerAndEndWhereAFreshCountEnds()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync();
        var looks = Enumerable.Range(0, 6).Select(async _ =>
        {
            for (var i = 0; i < 5; i++) await RowAsync(w.Admin.Client, w);
        });
        var writes = Enumerable.Range(1, 5).Select(month => w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", $"2026-0{month}-10T15:00:00"));
        await Task.WhenAll(looks.Concat(writes));

        var after = await SameAsFreshAsync(w);
        Assert.Equal(0, Missed(after, "monthly-seminar"));
    }

    private const string InsertSeminar = """
        INSERT INTO activities (id, studio_id, kind, title, starts_at, ends_at, created_by)
        VALUES (@id, @studioId, 'MonthlySeminar', '研讨', @startsAt, @endsAt, @createdBy)
        """;

    private static object Seminar(Guid studioId, Guid createdBy, string localStart) => new
    {
        id = WeStudio.Api.Infrastructure.Database.NewId(), studioId, createdBy,
        startsAt = LedgerScenario.Beijing(localStart).UtcDateTime, endsAt = LedgerScenario.Beijing(localStart).AddMinutes(30).UtcDateTime,
    };

    /// <summary>A second studio of the same programme and school, licensed like the first.</summary>
    private async Task<(Guid StudioId, SignedIn Leader)> SecondStudioAsync(LedgerWorld w)
    {
        var (studioId, leader) = await factory.StudioAsync(w.Admin, w.ProgrammeId, w.SchoolId);
        await factory.LicenseOnAsync(studioId, "2025-09-01");
        return (studioId, leader);
    }

    private static async Task<int> MissedSeminarsAsync(LedgerWorld w, Guid studioId)
    {
        var overview = await (await w.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026&pageSize=500")).ReadAsync<LedgerOverviewDto>();
        var shown = Missed(overview.Items.Single(i => i.StudioId == studioId), "monthly-seminar");
        var fresh = (await w.Admin.LedgerAsync(studioId)).Requirements.Single(r => r.Code == "monthly-seminar").Cells.Count(c => c.Status == LedgerStatus.Missed);
        Assert.Equal(fresh, shown);
        return shown;
    }

    /// <summary>
    /// The trap of "what changed since my last look" on MySQL: writer A (one studio) takes its place first and commits
    /// last, writer B (another studio) commits in between. A watermark read after B (a timestamp, an auto-increment) is
    /// past A's change and misses it. The epoch barrier makes the look wait for A, and then it sees both.
    /// </summary>
    [Fact]
    public async Task AWriterThatCommitsAfterALaterWriterIsNotMissedByTheNextLook()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync();
        var (second, secondLeader) = await SecondStudioAsync(w);
        Assert.Equal(5, await MissedSeminarsAsync(w, w.StudioId)); // January to May; the overview now holds both studios
        Assert.Equal(5, await MissedSeminarsAsync(w, second));

        await using var a = await factory.Database.OpenConnectionAsync();
        await using var txA = await a.BeginTransactionAsync();
        await a.ExecuteAsync(new CommandDefinition(InsertSeminar, Seminar(second, secondLeader.Id, "2026-03-10T15:00:00"), txA)); // stamped, not committed
        await using (var b = await factory.Database.OpenConnectionAsync())
            await b.ExecuteAsync(InsertSeminar, Seminar(w.StudioId, w.Leader.Id, "2026-04-10T15:00:00")); // later, committed first

        var look = RowAsync(w.Admin.Client, w);
        await Task.Delay(500);
        Assert.False(look.IsCompleted, "the look must wait for the writer that holds an older epoch");
        await txA.CommitAsync();
        Assert.Equal(4, Missed(await look, "monthly-seminar")); // B's write
        Assert.Equal(4, await MissedSeminarsAsync(w, second)); // A's write, seen by the look that waited for it
        Assert.Equal(4, await MissedSeminarsAsync(w, w.StudioId));
    }

    /// <summary>Writers of two studios whose transactions overlap and commit in a shuffled order, looks in between: no look ends behind.</summary>
    [Fact]
    public async Task OverlappingWritersCommittingOutOfOrderAreAllSeenByTheLooksThatFollow()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-12-20T12:00:00"));
        var w = await factory.LedgerWorldAsync();
        var (second, secondLeader) = await SecondStudioAsync(w);
        await SameAsFreshAsync(w);
        var writes = Enumerable.Range(1, 11).SelectMany(month => new[] { (w.StudioId, w.Leader.Id, month), (second, secondLeader.Id, month) });
        var writers = writes.Select(async write =>
        {
            await using var conn = await factory.Database.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await conn.ExecuteAsync(new CommandDefinition(InsertSeminar, Seminar(write.Item1, write.Item2, $"2026-{write.month:00}-10T15:00:00"), tx));
            await Task.Delay(Random.Shared.Next(0, 300));
            await tx.CommitAsync();
        }).ToList();
        var looks = Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++) { await RowAsync(w.Admin.Client, w); await Task.Delay(40); }
        });
        await Task.WhenAll(writers.Append(looks));
        Assert.Equal(0, await MissedSeminarsAsync(w, w.StudioId)); // January to November each have one; December still runs
        Assert.Equal(0, await MissedSeminarsAsync(w, second));
    }

    [Fact]
    public async Task WithRedisDownTheOverviewCountsFromTheTables()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync();
        await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-03-10T15:00:00");
        using var deadRedis = new RedisConnection(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,connectTimeout=200,abortConnect=false",
        }).Build());
        await using var outage = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
        {
            services.RemoveAll<LedgerCache>();
            services.AddSingleton(_ => new LedgerCache(deadRedis, NullLogger<LedgerCache>.Instance));
        }));
        var client = outage.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", w.Admin.Token);

        for (var round = 0; round < 2; round++)
        {
            var row = await RowAsync(client, w);
            Assert.Equal(4, Missed(row, "monthly-seminar"));
        }
    }
}
