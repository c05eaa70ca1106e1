using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Ledger;

/// <summary>
/// The notices' rules at their periods' edges: build years counted from the programme's start (one starting in October),
/// calendar deadlines, Wenzhou's points, the 名师党支部书记工作室 set, trainees, Guyuan's marks, shares and stars.
/// Data goes in through the API at one clock; the ledger is then read through the service as the clock moves (sessions
/// live on the test clock and would expire).
/// </summary>
public sealed class RuleSetsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private LedgerService Ledger => factory.Services.GetRequiredService<LedgerService>();

    private async Task<StudioLedgerDto> LedgerAtAsync(Guid studioId, string local, int year)
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing(local));
        return (await Ledger.StudioLedgerAsync(studioId, year, default))!;
    }

    private const string Year1 = "第1建设年度 2024-10-01—2025-09-30";
    private const string Year2 = "第2建设年度 2025-10-01—2026-09-30";

    [Fact]
    public async Task AProgrammeStartingInOctoberOwesItsYearlyTargetsPerBuildYearNotByThe31stOfDecember()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2024-10-01T09:00:00"));
        var w = await factory.LedgerWorldAsync(startsOn: "2024-10-01", licensedOn: "2024-10-01", members: 0);
        await w.Leader.ActivityAsync(w.StudioId, "TrainingLecture", "2025-03-03T09:00:00", "讲座一");
        await w.Leader.ActivityAsync(w.StudioId, "TrainingLecture", "2025-09-30T23:30:00", "讲座二：建设年度最后一天");
        await w.Leader.ActivityAsync(w.StudioId, "TrainingLecture", "2025-10-01T00:00:00", "讲座三：第二建设年度第一天");

        // 31 December of the first quarter: a quarter of build year 1 is gone, nothing is owed yet.
        var december = await LedgerAtAsync(w.StudioId, "2024-12-31T23:00:00", 2024);
        var cell = december.Cell("training-lectures", Year1);
        Assert.Equal((LedgerStatus.OnTrack, new DateOnly(2024, 10, 1), new DateOnly(2025, 10, 1)), (cell.Status, cell.Starts, cell.Ends));
        Assert.Single(december.Requirements.Single(r => r.Code == "training-lectures").Cells); // only build year 1 overlaps 2024

        // The last day of build year 1: its two lectures (the second at 23:30 that day) meet it.
        var lastDay = await LedgerAtAsync(w.StudioId, "2025-09-30T23:45:00", 2025);
        Assert.Equal((2.0, LedgerStatus.Met), (lastDay.Cell("training-lectures", Year1).Actual!.Value, lastDay.Cell("training-lectures", Year1).Status));
        // The first day of build year 2: the lecture at midnight counts there, not in year 1.
        var firstDay = await LedgerAtAsync(w.StudioId, "2025-10-01T12:00:00", 2025);
        Assert.Equal((2.0, LedgerStatus.Met), (firstDay.Cell("training-lectures", Year1).Actual!.Value, firstDay.Cell("training-lectures", Year1).Status));
        Assert.Equal((1.0, LedgerStatus.OnTrack), (firstDay.Cell("training-lectures", Year2).Actual!.Value, firstDay.Cell("training-lectures", Year2).Status));
        // Build year 1's backbone teachers, research project and achievements: the year ended without them.
        Assert.Equal(LedgerStatus.Missed, firstDay.Cell("backbone-teachers", Year1).Status);
        Assert.Equal(LedgerStatus.Missed, firstDay.Cell("research-project", Year1).Status);
        Assert.Equal(LedgerStatus.AtRisk, lastDay.Cell("backbone-teachers", Year1).Status);
    }

    [Fact]
    public async Task TheProgressReportIsDueEach31DecemberInsideTheCycleAndNoneAfterAcceptance()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2024-10-01T09:00:00"));
        var w = await factory.LedgerWorldAsync(startsOn: "2024-10-01", licensedOn: "2024-10-01", members: 0);

        Assert.Equal(LedgerStatus.AtRisk, (await LedgerAtAsync(w.StudioId, "2024-12-31T23:00:00", 2024)).Cell("progress-report", "2024年").Status);
        Assert.Equal(LedgerStatus.Missed, (await LedgerAtAsync(w.StudioId, "2025-01-01T00:00:00", 2024)).Cell("progress-report", "2024年").Status);
        Assert.Equal(LedgerStatus.OnTrack, (await LedgerAtAsync(w.StudioId, "2025-03-01T00:00:00", 2025)).Cell("progress-report", "2025年").Status);
        // The cycle ends on 2026-10-01 (验收): 31 December 2026 comes after it.
        var after = (await LedgerAtAsync(w.StudioId, "2026-06-01T00:00:00", 2026)).Cell("progress-report", "2026年");
        Assert.Equal(LedgerStatus.NotApplicable, after.Status);
        Assert.Contains("after acceptance", after.Reason);
    }

    [Fact]
    public async Task MaomingsThreeYearCycleOwesThreeBuildYearsNotFourCalendarYears()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2024-03-01T09:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "DualLeader", startsOn: "2023-09-01", licensedOn: "2023-09-01", members: 0, cycleYears: 3);
        var cells = new List<LedgerCell>();
        foreach (var year in new[] { 2023, 2024, 2025, 2026 })
            cells.AddRange((await Ledger.StudioLedgerAsync(w.StudioId, year, default))!.Requirements.Single(r => r.Code == "representative-achievement").Cells);
        Assert.Equal(["第1建设年度 2023-09-01—2024-08-31", "第2建设年度 2024-09-01—2025-08-31", "第3建设年度 2025-09-01—2026-08-31"],
            cells.Select(c => c.Period).Distinct());
        var ledger = (await Ledger.StudioLedgerAsync(w.StudioId, 2024, default))!;
        Assert.DoesNotContain(ledger.Requirements, r => r.Counts == RequirementCounts.ProgressReport); // no invented 31 December report
        Assert.All(ledger.Requirements.Single(r => r.Code == "yearly-assessment").Cells, c => Assert.Equal(LedgerStatus.EvaluatorChecked, c.Status));
    }

    [Theory]
    [InlineData(15, 15, LedgerStatus.Deducted)]
    [InlineData(16, 16, LedgerStatus.Met)]
    [InlineData(19, 19, LedgerStatus.Met)]
    [InlineData(20, 20, LedgerStatus.Met)]
    [InlineData(25, 20, LedgerStatus.Met)]
    public async Task WenzhousTwoYearActivityItemIsScoredInPoints(int activities, double points, LedgerStatus status)
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2024-01-01T09:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "PioneerMember", startsOn: "2024-01-01", licensedOn: "2024-01-01", members: 0);
        await SeedBriefedActivitiesAsync(w, activities, theme: "研修主题");
        await SeedBriefedActivitiesAsync(w, 2, theme: "  "); // notice and brief, but no theme: 有主题 fails, never counted

        var ended = (await LedgerAtAsync(w.StudioId, "2026-01-01T00:00:00", 2025)).Requirements.Single(r => r.Code == "activities-cycle");
        var cell = ended.Cells.Single();
        Assert.Equal((activities, points, status), ((int)cell.Actual!.Value, cell.Points!.Value, cell.Status));
        Assert.Equal((16m, 20m), (ended.PointsAtTarget!.Value, ended.PointsMax!.Value));
        // While the cycle runs, being short is not yet a deduction.
        var running = (await LedgerAtAsync(w.StudioId, "2025-12-31T12:00:00", 2025)).Requirements.Single(r => r.Code == "activities-cycle").Cells.Single();
        Assert.Equal(activities >= 16 ? LedgerStatus.Met : LedgerStatus.AtRisk, running.Status);
    }

    /// <summary>Held activities in 2024–2025 announced a week ahead, each with a published brief; theme as given (activity and brief).</summary>
    private async Task SeedBriefedActivitiesAsync(LedgerWorld w, int count, string theme)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        for (var i = 0; i < count; i++)
        {
            var startsAt = LedgerScenario.Beijing("2024-01-10T14:00:00").AddDays(25 * i).UtcDateTime;
            var (activityId, briefId) = (Guid.NewGuid(), Guid.NewGuid());
            await conn.ExecuteAsync("""
                INSERT INTO activities (id, studio_id, kind, title, theme, starts_at, ends_at, created_by, created_at, updated_at)
                VALUES (@activityId, @studioId, 'ResearchSession', '研修活动', @theme, @startsAt, @endsAt, @leaderId, @createdAt, @createdAt);
                INSERT INTO briefs (id, activity_id, studio_id, status, current_version, published_version, first_published_at, published_at, created_at, updated_at)
                VALUES (@briefId, @activityId, @studioId, 'Published', 1, 1, @publishedAt, @publishedAt, @publishedAt, @publishedAt);
                INSERT INTO brief_versions (brief_id, version, title, theme, edited_by, edited_at) VALUES (@briefId, 1, '简讯', @theme, @leaderId, @publishedAt);
                """, new
            {
                activityId, briefId, studioId = w.StudioId, theme, startsAt, endsAt = startsAt.AddHours(2), leaderId = w.Leader.Id,
                createdAt = startsAt.AddDays(-7), publishedAt = startsAt.AddDays(1),
            });
        }
    }

    [Fact]
    public async Task ABranchSecretaryStudiosLedgerHasNoSeminarRows()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "BranchSecretary", members: 0);
        await w.Leader.ActivityAsync(w.StudioId, "ThreeMeetingsOneLesson", "2026-03-03T15:00:00", "支部党员大会", subKind: "BranchGeneralMeeting");

        var ledger = await w.Leader.LedgerAsync(w.StudioId);

        Assert.Equal(RuleSet.LiuzhouBranchSecretary, ledger.RuleSet);
        Assert.DoesNotContain(ledger.Requirements, r => r.Code is "monthly-seminar" or "semester-seminar" or "training-lectures" or "backbone-teachers" or "research-project" or "paired-school");
        Assert.Equal(["representative-achievements", "progress-report", "mid-term-evaluation", "final-acceptance", "party-life-systems"], ledger.Requirements.Select(r => r.Code));
        Assert.Equal(LedgerStatus.OnTrack, ledger.Cell("representative-achievements", LedgerScenario.BuildYear1).Status);
    }

    [Fact]
    public async Task AFullTeamOfTenTakesSixTraineesAndFiveBackboneTeachersMeetTheRequirement()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var (admin, committeeId) = await factory.CommitteeAdminAsync();
        var school = await admin.OrgUnitAsync(committeeId, "景行小学");
        var programme = await (await admin.Client.PostJsonAsync("/api/v1/programmes", new
        {
            name = "满员批次", issuer = "中共柳州市委教育工作委员会", studioKind = "PartyBuildingMaster", cycleYears = 2, startsOn = "2026-01-01", teamCap = 10,
        })).ReadAsync<JsonElement>();
        var (studioId, leader) = await factory.StudioAsync(admin, programme.GetProperty("id").GetGuid(), school);
        var memberCode = await leader.InvitationAsync(studioId, 20);
        for (var i = 0; i < 10; i++)
            (await (await factory.MemberAsync()).Client.PostJsonAsync("/api/v1/studios/join", new { code = memberCode })).EnsureSuccessStatusCode();
        await (await (await factory.MemberAsync()).Client.PostJsonAsync("/api/v1/studios/join", new { code = memberCode })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "team_full");

        var traineeCode = (await (await leader.Client.PostJsonAsync($"/api/v1/studios/{studioId}/invitations", new { maxUses = 6, expiresInHours = 24, role = "Trainee" })).ReadAsync<InvitationDto>()).Code;
        var trainees = new List<SignedIn>();
        for (var i = 0; i < 6; i++)
        {
            var trainee = await factory.MemberAsync();
            var joined = await (await trainee.Client.PostJsonAsync("/api/v1/studios/join", new { code = traineeCode })).ReadAsync<JoinedStudioDto>();
            Assert.Equal(StudioRole.Trainee, joined.Role);
            trainees.Add(trainee);
        }
        var studio = await (await leader.Client.GetAsync($"/api/v1/studios/{studioId}")).ReadAsync<StudioDto>();
        Assert.Equal((10, 6), (studio.MemberCount, studio.TraineeCount));
        foreach (var trainee in trainees.Take(5))
            (await leader.Client.PutAsync($"/api/v1/studios/{studioId}/backbone-teachers/2026/{trainee.Id}", System.Net.Http.Json.JsonContent.Create(new { note = "学员" }))).EnsureSuccessStatusCode();
        // A trainee reads the studio and its ledger as a member does.
        Assert.Equal(HttpStatusCode.OK, (await trainees[5].Client.GetAsync($"/api/v1/studios/{studioId}/ledger?year=2026")).StatusCode);

        var ledger = await leader.LedgerAsync(studioId);
        var backbone = ledger.Cell("backbone-teachers", LedgerScenario.BuildYear1);
        Assert.Equal((5.0, LedgerStatus.Met), (backbone.Actual!.Value, backbone.Status));
        await (await leader.Client.PostJsonAsync($"/api/v1/studios/{studioId}/invitations", new { maxUses = 1, expiresInHours = 24, role = "Leader" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await leader.Client.PostJsonAsync($"/api/v1/studios/{studioId}/invitations", new { maxUses = 1, expiresInHours = 24, role = "Guest" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task TeamSizeCountsTheTeamNotTheTrainees()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "PioneerMember", members: 2);
        var traineeCode = (await (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/invitations", new { maxUses = 3, expiresInHours = 24, role = "Trainee" })).ReadAsync<InvitationDto>()).Code;
        for (var i = 0; i < 3; i++)
            (await (await factory.MemberAsync()).Client.PostJsonAsync("/api/v1/studios/join", new { code = traineeCode })).EnsureSuccessStatusCode();

        Assert.Equal(2, (await w.Leader.LedgerAsync(w.StudioId)).Cell("team-size", LedgerScenario.BuildYear1).Actual);
    }

    [Fact]
    public async Task GuyuanCountsMarksAndTrainingSharesAndShowsStarSharesAgainstTheNotice()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "BranchSecretary", ruleSet: "Guyuan", members: 4);
        var requirements = await (await w.Admin.Client.GetAsync($"/api/v1/programmes/{w.ProgrammeId}/requirements")).ReadAsync<RequirementDto[]>();
        var visit = requirements.Single(r => r.Code == "contact-visit");
        Assert.Equal((RequirementCounts.CommitteeMarked, RequirementPeriod.Quarter), (visit.Counts, visit.Period));

        // 三会一课 and 主题党日: the notice sets no frequency, so the month's count is shown for the evaluator.
        await w.Leader.ActivityAsync(w.StudioId, "ThreeMeetingsOneLesson", "2026-03-03T15:00:00", "支委会", subKind: "BranchCommitteeMeeting");
        var march = (await w.Leader.LedgerAsync(w.StudioId)).Cell("three-meetings-one-lesson", "2026-03");
        Assert.Equal((1.0, LedgerStatus.EvaluatorChecked), (march.Actual!.Value, march.Status));

        // The committee marks its member's visit in the second quarter.
        var url = $"/api/v1/studios/{w.StudioId}/ledger/marks/{visit.Id}/2026-04-01";
        var mark = await (await w.Admin.Client.PutJsonAsync(url, new { note = "工委委员到联系点调研" })).ReadAsync<LedgerMarkDto>();
        Assert.Equal(("contact-visit", new DateOnly(2026, 4, 1)), (mark.RequirementCode, mark.PeriodStarts));
        var ledger = await w.Leader.LedgerAsync(w.StudioId);
        Assert.Equal(LedgerStatus.Met, ledger.Cell("contact-visit", "2026年第2季度").Status);
        Assert.Contains("联系点", Assert.Single(ledger.Cell("contact-visit", "2026年第2季度").Evidence).Title);
        Assert.Equal(LedgerStatus.Missed, ledger.Cell("contact-visit", "2026年第1季度").Status);

        // Refusals: not a period start, a period not begun, a requirement that is not marked, not an admin above it.
        await (await w.Admin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/ledger/marks/{visit.Id}/2026-04-02", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await w.Admin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/ledger/marks/{visit.Id}/2026-10-01", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await w.Admin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/ledger/marks/{visit.Id}/2026-13-01", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var share = requirements.Single(r => r.Code == "rotation-training");
        await (await w.Admin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/ledger/marks/{share.Id}/2026-01-01", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await w.Admin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/ledger/marks/{Guid.NewGuid()}/2026-04-01", new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var outsider = await factory.LedgerWorldAsync(members: 0);
        await (await outsider.Admin.Client.PutJsonAsync(url, new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Leader.Client.PutJsonAsync(url, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.Client.DeleteAsync(url)).StatusCode);
        Assert.Equal(LedgerStatus.AtRisk, (await w.Leader.LedgerAsync(w.StudioId)).Cell("contact-visit", "2026年第2季度").Status);
        await (await w.Admin.Client.DeleteAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        // 党员轮训率 ≥ 60%: 3 of the 5 people (leader and 4 members) trained is met; the overview counts it at once.
        var lecture = await w.Leader.ActivityAsync(w.StudioId, "TrainingLecture", "2026-05-10T09:00:00", "党员轮训");
        async Task<LedgerStatus> OverviewShareAsync() =>
            (await (await w.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026")).ReadAsync<LedgerOverviewDto>())
            .Items.Single().Requirements.Single(r => r.Code == "rotation-training").Status;
        Assert.Equal(LedgerStatus.OnTrack, await OverviewShareAsync()); // 20 June: under half the year gone
        foreach (var m in w.Members.Take(3))
            (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{lecture}/attendance/{m.Id}", new { reason = "轮训签到" })).EnsureSuccessStatusCode();
        Assert.Equal(0.6, (await w.Leader.LedgerAsync(w.StudioId)).Cell("rotation-training", "2026年").Actual);
        Assert.Equal(LedgerStatus.Met, await OverviewShareAsync());

        // Star ratings: by the committee, with a reason; the overview shows the shares against 100% / 85% / 30%.
        var second = await factory.StudioAsync(w.Admin, w.ProgrammeId, w.SchoolId);
        var rated = await (await w.Admin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/star-ratings/2026", new { stars = 4, reason = "三会一课规范，台账清晰" })).ReadAsync<StarRatingDto>();
        Assert.Equal(4, rated.Stars);
        await (await w.Admin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/star-ratings/2026", new { stars = 6, reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await w.Admin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/star-ratings/2026", new { stars = 3 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await outsider.Admin.Client.PutJsonAsync($"/api/v1/studios/{outsider.StudioId}/star-ratings/2026", new { stars = 3, reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "star_ratings_not_used");
        var overview = await (await w.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026")).ReadAsync<LedgerOverviewDto>();
        var shares = overview.StarShares!;
        Assert.Equal([(1, 0.5, 1.00m), (3, 0.5, 0.85m), (4, 0.5, 0.30m)], shares.Select(s => (s.MinStars, s.Share, s.Target)));
        Assert.All(shares, s => Assert.Equal((2, 1), (s.Studios, s.Rated)));
        Assert.Single(await (await w.Leader.Client.GetAsync($"/api/v1/studios/{w.StudioId}/star-ratings")).ReadAsync<StarRatingDto[]>());
        Assert.Null((await (await outsider.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={outsider.ProgrammeId}&period=2026")).ReadAsync<LedgerOverviewDto>()).StarShares);
        _ = second;
    }
}
