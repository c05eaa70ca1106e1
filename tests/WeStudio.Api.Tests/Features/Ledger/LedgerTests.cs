using System.Net;
using System.Text.Json;
using Dapper;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.ProgressReports;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Ledger;

/// <summary>A studio of a programme created for the ledger tests, licensed on a chosen date.</summary>
public sealed record LedgerWorld(SignedIn Admin, Guid CommitteeId, Guid DistrictId, Guid SchoolId, Guid ProgrammeId, Guid StudioId, SignedIn Leader, SignedIn[] Members);

public static class LedgerScenario
{
    public static DateTimeOffset Beijing(string local) => DateTimeOffset.Parse(local + "+08:00");

    /// <summary>The label of build year 1 of the default test programme (starts 2026-01-01).</summary>
    public const string BuildYear1 = "第1建设年度 2026-01-01—2026-12-31";

    /// <summary>A committee, district, school, a programme of the given kind starting 2026-01-01 (2-year cycle unless given), one studio licensed on <paramref name="licensedOn"/>.</summary>
    public static async Task<LedgerWorld> LedgerWorldAsync(this ApiFactory factory, string studioKind = "PartyBuildingMaster", int members = 2,
        string licensedOn = "2025-12-01", string? ruleSet = null, string startsOn = "2026-01-01", int cycleYears = 2)
    {
        var (admin, committeeId) = await factory.CommitteeAdminAsync();
        var district = await admin.OrgUnitAsync(committeeId, "柳北区");
        var school = await admin.OrgUnitAsync(district, "景行小学");
        var programme = await (await admin.Client.PostJsonAsync("/api/v1/programmes", new
        {
            name = "台账测试批次", issuer = "中共柳州市委教育工作委员会", studioKind, cycleYears, startsOn, teamCap = 20, ruleSet,
        })).ReadAsync<JsonElement>();
        var programmeId = programme.GetProperty("id").GetGuid();
        var (studioId, leader) = await factory.StudioAsync(admin, programmeId, school);
        var people = new List<SignedIn>();
        if (members > 0)
        {
            var code = await leader.InvitationAsync(studioId, members);
            for (var i = 0; i < members; i++)
            {
                var member = await factory.MemberAsync();
                (await member.Client.PostJsonAsync("/api/v1/studios/join", new { code })).EnsureSuccessStatusCode();
                people.Add(member);
            }
        }
        await factory.LicenseOnAsync(studioId, licensedOn);
        return new LedgerWorld(admin, committeeId, district, school, programmeId, studioId, leader, people.ToArray());
    }

    /// <summary>Studios are licensed when created (the database's clock); tests move that date into the past.</summary>
    public static async Task LicenseOnAsync(this ApiFactory factory, Guid studioId, string day)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE studios SET created_at = @at WHERE id = @studioId", new { at = Beijing(day + "T00:00:00").UtcDateTime, studioId });
        await conn.ExecuteAsync("UPDATE studio_memberships SET joined_at = @at WHERE studio_id = @studioId", new { at = Beijing(day + "T00:00:00").UtcDateTime, studioId });
    }

    public static async Task<Guid> ActivityAsync(this SignedIn leader, Guid studioId, string kind, string localStart, string title = "活动",
        Guid? pairedSchoolOrgUnitId = null, string? pairedSchoolName = null, string? subKind = null)
    {
        var startsAt = Beijing(localStart);
        var created = await (await leader.Client.PostJsonAsync($"/api/v1/studios/{studioId}/activities", new
        {
            kind, title, startsAt, endsAt = startsAt.AddMinutes(20), pairedSchoolOrgUnitId, pairedSchoolName, subKind,
        })).ReadAsync<JsonElement>();
        return created.GetProperty("id").GetGuid();
    }

    public static async Task<StudioLedgerDto> LedgerAsync(this SignedIn who, Guid studioId, int year = 2026) =>
        await (await who.Client.GetAsync($"/api/v1/studios/{studioId}/ledger?year={year}")).ReadAsync<StudioLedgerDto>();

    public static LedgerCell Cell(this StudioLedgerDto ledger, string code, string period) =>
        ledger.Requirements.Single(r => r.Code == code).Cells.Single(c => c.Period == period);
}

public sealed class LedgerTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task EachNoticeShipsItsRequirementSetWithItsClauses()
    {
        Assert.Equal(["monthly-seminar", "semester-seminar", "training-lectures", "backbone-teachers", "research-project", "paired-school", "representative-achievements", "progress-report", "mid-term-evaluation", "final-acceptance"],
            RuleSets.For(RuleSet.Liuzhou).Select(r => r.Code));
        Assert.Equal(["representative-achievements", "progress-report", "mid-term-evaluation", "final-acceptance", "party-life-systems"],
            RuleSets.For(RuleSet.LiuzhouBranchSecretary).Select(r => r.Code));
        Assert.Equal(["representative-achievement", "yearly-assessment", "final-report"], RuleSets.For(RuleSet.Maoming).Select(r => r.Code));
        Assert.Equal(7, RuleSets.For(RuleSet.Wenzhou).Length);
        foreach (var set in Enum.GetValues<RuleSet>().Where(s => s != RuleSet.None))
        {
            Assert.NotEmpty(RuleSets.For(set));
            foreach (var r in RuleSets.For(set))
            {
                Assert.Contains(r.Clause, c => c >= '\u4e00' && c <= '\u9fff');
                Assert.Contains("seeds/00", r.Source);
                // A number the notice does not give is never invented: a count without a target is shown for the evaluator.
                Assert.False(r.Counts == RequirementCounts.AttendanceRate && r.TargetRate is not null, $"{set}/{r.Code} has an invented rate");
            }
        }
        var liuzhou = RuleSets.For(RuleSet.Liuzhou).ToDictionary(r => r.Code);
        Assert.Equal((RequirementPeriod.Month, 1), (liuzhou["monthly-seminar"].Period, liuzhou["monthly-seminar"].TargetMin));
        Assert.Equal((RequirementPeriod.BuildYear, 2), (liuzhou["training-lectures"].Period, liuzhou["training-lectures"].TargetMin));
        Assert.Equal((RequirementPeriod.BuildYear, 5), (liuzhou["backbone-teachers"].Period, liuzhou["backbone-teachers"].TargetMin));
        Assert.Equal(RequirementPeriod.CalendarYear, liuzhou["progress-report"].Period);
        Assert.Equal((1, 2), (liuzhou["representative-achievements"].TargetMin, liuzhou["representative-achievements"].TargetMax));
        Assert.Contains("予以通报", liuzhou["final-acceptance"].Clause);
        Assert.DoesNotContain(RuleSets.For(RuleSet.LiuzhouBranchSecretary), r => r.ActivityKinds.Contains(Api.Features.Activities.ActivityKind.MonthlySeminar) || r.ActivityKinds.Contains(Api.Features.Activities.ActivityKind.SemesterSeminar));
        Assert.DoesNotContain(RuleSets.For(RuleSet.Maoming), r => r.Counts == RequirementCounts.ProgressReport);
        Assert.Contains(RuleSets.For(RuleSet.Wenzhou), r => r.Code == "venue-six-haves" && r.Counts == RequirementCounts.EvaluatorChecked && r.Clause.Contains("六有"));
        Assert.Contains(RuleSets.For(RuleSet.Wenzhou), r => r.Code == "activities-with-brief" && r.TargetMin == 8 && r.Period == RequirementPeriod.BuildYear && r.Clause.Contains("有通知、有简讯"));
        var points = RuleSets.For(RuleSet.Wenzhou).Single(r => r.Code == "activities-cycle");
        Assert.Equal((16m, 1m, 20m), (points.PointsAtTarget!.Value, points.PointsPerUnit!.Value, points.PointsMax!.Value));
        Assert.Null(RuleSets.For(RuleSet.Wenzhou).Single(r => r.Code == "attendance").TargetRate);
        var gansu = RuleSets.EligibilityOf(RuleSet.Gansu)!;
        Assert.Equal((3, 50, 45, 3, 6, 15), (gansu.MinYearsAsBranchSecretary, gansu.MaxAge, gansu.MaxAgeInUniversities, gansu.MeritsRequired, gansu.MeritConditions, gansu.VenueSquareMetres));
        Assert.Null(RuleSets.EligibilityOf(RuleSet.Liuzhou));
    }

    [Fact]
    public async Task AProgrammeGetsTheSetOfItsStudioKindUnlessOneIsNamed()
    {
        var (admin, _) = await factory.CommitteeAdminAsync();
        async Task<(string RuleSet, RequirementDto[] Requirements)> Create(string kind, string? ruleSet)
        {
            var p = await (await admin.Client.PostJsonAsync("/api/v1/programmes", new { name = "批次", issuer = "工委", studioKind = kind, cycleYears = 3, startsOn = "2026-01-01", teamCap = 10, ruleSet })).ReadAsync<JsonElement>();
            var id = p.GetProperty("id").GetGuid();
            return (p.GetProperty("ruleSet").GetString()!, await (await admin.Client.GetAsync($"/api/v1/programmes/{id}/requirements")).ReadAsync<RequirementDto[]>());
        }

        var maoming = await Create("DualLeader", null);
        var wenzhou = await Create("PioneerMember", null);
        var secretary = await Create("BranchSecretary", null);
        var master = await Create("PartyBuildingMaster", null);
        var gansu = await Create("DualExcellence", null);
        var guyuan = await Create("BranchSecretary", "Guyuan");
        var named = await Create("DualExcellence", "Liuzhou");

        Assert.Equal("Maoming", maoming.RuleSet);
        Assert.Equal(RuleSets.For(RuleSet.Maoming).Select(r => r.Clause), maoming.Requirements.Select(r => r.Clause));
        Assert.Equal("Wenzhou", wenzhou.RuleSet);
        Assert.Equal(7, wenzhou.Requirements.Length);
        Assert.Equal("LiuzhouBranchSecretary", secretary.RuleSet);
        Assert.Equal("Liuzhou", master.RuleSet);
        Assert.Equal("Gansu", gansu.RuleSet);
        Assert.Equal(RuleSets.For(RuleSet.Gansu).Select(r => r.Code), gansu.Requirements.Select(r => r.Code));
        Assert.Equal("Guyuan", guyuan.RuleSet);
        Assert.Equal("Liuzhou", named.RuleSet);
        Assert.Equal(10, named.Requirements.Length);
        // The requirements endpoint shows each requirement's period kind, target, points where scored, and note.
        var scored = wenzhou.Requirements.Single(r => r.Code == "activities-cycle");
        Assert.Equal((RequirementPeriod.Cycle, 16, 16m, 20m), (scored.Period, scored.TargetMin, scored.PointsAtTarget!.Value, scored.PointsMax!.Value));
        Assert.Contains("Deducted", scored.Note);
        Assert.Equal(RequirementPeriod.CalendarYear, master.Requirements.Single(r => r.Code == "progress-report").Period);
        Assert.Equal(RequirementPeriod.BuildYear, master.Requirements.Single(r => r.Code == "training-lectures").Period);
        var raw = await (await admin.Client.GetAsync($"/api/v1/programmes/{(await (await admin.Client.GetAsync("/api/v1/programmes")).ReadAsync<JsonElement>()).EnumerateArray().First(p => p.GetProperty("ruleSet").GetString() == "Wenzhou").GetProperty("id").GetGuid()}/requirements")).JsonAsync();
        var rawScored = raw.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "activities-cycle");
        Assert.Equal("Cycle", rawScored.GetProperty("period").GetString());
        Assert.Equal(20, rawScored.GetProperty("pointsMax").GetDecimal());
    }

    [Fact]
    public async Task AMonthWithOneSeminarIsMetAndAMonthWithACancelledOneIsMissed()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync();
        await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-02-10T15:00:00", "2月党建专题研讨");
        var march = await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-03-10T15:00:00", "3月党建专题研讨");
        (await w.Leader.Client.PostJsonAsync($"/api/v1/activities/{march}/cancel", new { reason = "台风停课" })).EnsureSuccessStatusCode();
        await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-07-10T15:00:00", "7月党建专题研讨");

        var ledger = await w.Leader.LedgerAsync(w.StudioId);

        var feb = ledger.Cell("monthly-seminar", "2026-02");
        Assert.Equal(LedgerStatus.Met, feb.Status);
        Assert.Equal(1, feb.Actual);
        Assert.Equal("2月党建专题研讨", Assert.Single(feb.Evidence).Title);
        Assert.Equal(LedgerStatus.Missed, ledger.Cell("monthly-seminar", "2026-03").Status);
        Assert.Equal(0, ledger.Cell("monthly-seminar", "2026-03").Actual);
        Assert.Equal(LedgerStatus.AtRisk, ledger.Cell("monthly-seminar", "2026-06").Status);
        var july = ledger.Cell("monthly-seminar", "2026-07");
        Assert.Equal(LedgerStatus.OnTrack, july.Status); // scheduled, not yet held: it does not count yet
        Assert.Equal(0, july.Actual);
    }

    [Fact]
    public async Task AnActivityAt2330On31JanuaryBeijingTimeIsInJanuaryAndInTheAutumnSemester()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync();
        await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-01-31T23:30:00", "1月研讨");
        await w.Leader.ActivityAsync(w.StudioId, "SemesterSeminar", "2026-01-31T23:30:00", "秋季学期专题研讨会");

        var ledger = await w.Leader.LedgerAsync(w.StudioId);

        Assert.Equal(LedgerStatus.Met, ledger.Cell("monthly-seminar", "2026-01").Status);
        Assert.Equal(LedgerStatus.Missed, ledger.Cell("monthly-seminar", "2026-02").Status);
        var autumn = ledger.Cell("semester-seminar", "2025—2026秋季学期");
        Assert.Equal(LedgerStatus.Met, autumn.Status);
        Assert.Equal(new DateOnly(2026, 2, 1), autumn.Ends);
        Assert.Equal(0, ledger.Cell("semester-seminar", "2026春季学期").Actual);
        Assert.Equal(LedgerStatus.AtRisk, ledger.Cell("semester-seminar", "2026春季学期").Status);
        Assert.Equal(LedgerStatus.OnTrack, ledger.Cell("semester-seminar", "2026—2027秋季学期").Status);
    }

    [Fact]
    public async Task APeriodTurnsAtRiskWhenMoreThanHalfIsGoneOrFewerThanTenDaysAreLeft()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-14T12:00:00"));
        var w = await factory.LedgerWorldAsync();

        Assert.Equal(LedgerStatus.OnTrack, (await w.Leader.LedgerAsync(w.StudioId)).Cell("monthly-seminar", "2026-06").Status);
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-01T00:00:00"));
        Assert.Equal(LedgerStatus.OnTrack, (await w.Leader.LedgerAsync(w.StudioId)).Cell("monthly-seminar", "2026-06").Status);
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-16T00:00:00"));
        Assert.Equal(LedgerStatus.OnTrack, (await w.Leader.LedgerAsync(w.StudioId)).Cell("monthly-seminar", "2026-06").Status); // exactly half
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-16T00:01:00"));
        Assert.Equal(LedgerStatus.AtRisk, (await w.Leader.LedgerAsync(w.StudioId)).Cell("monthly-seminar", "2026-06").Status);
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-01T00:00:00"));
        Assert.Equal(LedgerStatus.OnTrack, (await w.Leader.LedgerAsync(w.StudioId)).Cell("training-lectures", LedgerScenario.BuildYear1).Status);
    }

    [Fact]
    public async Task AYearNotYetMetIsAtRiskWithFewerThanTenDaysLeftAndMissedOnceOver()
    {
        // Sessions live on the test clock (72 h) and may not run ahead of real time: this test lives in the last 3 days of 2025.
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2025-12-29T00:01:00"));
        var w = await factory.LedgerWorldAsync(startsOn: "2025-01-01", licensedOn: "2024-12-01");
        await w.Leader.ActivityAsync(w.StudioId, "TrainingLecture", "2025-03-03T09:00:00");

        const string year1 = "第1建设年度 2025-01-01—2025-12-31";
        Assert.Equal(LedgerStatus.AtRisk, (await w.Leader.LedgerAsync(w.StudioId, 2025)).Cell("training-lectures", year1).Status);
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2025-12-31T23:59:00"));
        Assert.Equal(LedgerStatus.AtRisk, (await w.Leader.LedgerAsync(w.StudioId, 2025)).Cell("training-lectures", year1).Status);
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-01-01T00:00:00"));
        var ledger = await w.Leader.LedgerAsync(w.StudioId, 2025);
        Assert.Equal((1.0, LedgerStatus.Missed), (ledger.Cell("training-lectures", year1).Actual!.Value, ledger.Cell("training-lectures", year1).Status));
        Assert.Equal(LedgerStatus.Missed, ledger.Cell("progress-report", "2025年").Status);
    }

    [Fact]
    public async Task PeriodsThatEndedBeforeLicensingAreNotApplicable()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(licensedOn: "2026-03-15");

        var ledger = await w.Leader.LedgerAsync(w.StudioId);

        Assert.Equal(LedgerStatus.NotApplicable, ledger.Cell("monthly-seminar", "2026-01").Status);
        Assert.Equal(LedgerStatus.NotApplicable, ledger.Cell("monthly-seminar", "2026-02").Status);
        Assert.Equal(LedgerStatus.Missed, ledger.Cell("monthly-seminar", "2026-04").Status);
        Assert.Equal(new DateOnly(2026, 3, 15), ledger.LicensedOn);
    }

    [Fact]
    public async Task PairedSchoolsBackboneTeachersAchievementsAndTheReportAreCounted()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(members: 2);
        var paired = await w.Admin.OrgUnitAsync(w.DistrictId, "柳州市第十二中学");
        // Every core member teaches at the host school, which helps on the visits (the default helping school).
        foreach (var who in w.Members.Append(w.Leader))
            (await w.Admin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/members/{who.Id}/school", new { orgUnitId = w.SchoolId })).EnsureSuccessStatusCode();
        await w.Leader.ActivityAsync(w.StudioId, "PairingVisit", "2026-03-03T09:00:00", "结对帮扶一", pairedSchoolOrgUnitId: paired);
        await w.Leader.ActivityAsync(w.StudioId, "PairingVisit", "2026-04-03T09:00:00", "结对帮扶二", pairedSchoolOrgUnitId: paired);
        await w.Leader.ActivityAsync(w.StudioId, "PairingVisit", "2026-05-03T09:00:00", "结对帮扶三", pairedSchoolName: "融安县实验小学");
        foreach (var m in w.Members)
            (await w.Leader.Client.PutAsync($"/api/v1/studios/{w.StudioId}/backbone-teachers/2026/{m.Id}", JsonContent(new { note = "双培养" }))).EnsureSuccessStatusCode();
        (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/achievements", new
        {
            form = "ResearchOutput", researchSubtype = "Project", title = "“党建+教育”融合路径研究", year = 2026, authors = "覃美玲 等", level = "City",
        })).EnsureSuccessStatusCode();

        var ledger = await w.Leader.LedgerAsync(w.StudioId);
        // One core school (景行小学), which paired with two distinct schools: 1 of 1, its line and its three visits.
        Assert.Equal((1.0, 1, LedgerStatus.Met), (ledger.Cell("paired-school", LedgerScenario.BuildYear1).Actual!.Value, ledger.Cell("paired-school", LedgerScenario.BuildYear1).Target!.Value,
            ledger.Cell("paired-school", LedgerScenario.BuildYear1).Status));
        Assert.Equal(4, ledger.Cell("paired-school", LedgerScenario.BuildYear1).Evidence.Length);
        Assert.Equal(2, ledger.Cell("backbone-teachers", LedgerScenario.BuildYear1).Actual);
        Assert.Equal(LedgerStatus.Met, ledger.Cell("research-project", LedgerScenario.BuildYear1).Status);
        Assert.Equal(LedgerStatus.Met, ledger.Cell("representative-achievements", LedgerScenario.BuildYear1).Status);
        Assert.Equal(LedgerStatus.OnTrack, ledger.Cell("backbone-teachers", LedgerScenario.BuildYear1).Status); // 20 June: under half the year gone
        Assert.Equal(LedgerStatus.OnTrack, ledger.Cell("progress-report", "2026年").Status);

        (await w.Leader.Client.PutAsync($"/api/v1/studios/{w.StudioId}/progress-reports/2026", JsonContent(new { text = "2026年度建设进展报告……" }))).EnsureSuccessStatusCode();
        Assert.Equal(LedgerStatus.Met, (await w.Leader.LedgerAsync(w.StudioId)).Cell("progress-report", "2026年").Status);

        var again = await w.Leader.Client.PutAsync($"/api/v1/studios/{w.StudioId}/progress-reports/2026", JsonContent(new { text = "改" }));
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_already_submitted");
        var returned = await (await w.Admin.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/progress-reports/2026/return", new { comments = "请补充结对帮扶成效" })).ReadAsync<ProgressReportDto>();
        Assert.Equal(ProgressReportStatus.Returned, returned.Status);
        Assert.Equal(LedgerStatus.OnTrack, (await w.Leader.LedgerAsync(w.StudioId)).Cell("progress-report", "2026年").Status);
        var leaderCannotReturn = await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/progress-reports/2026/return", new { comments = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, leaderCannotReturn.StatusCode);
    }

    [Fact]
    public async Task WenzhouCountsBriefedActivitiesAndAttendanceAndLeavesVenueItemsToTheEvaluator()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "PioneerMember", members: 3);
        var briefed = await w.Leader.ActivityAsync(w.StudioId, "ResearchSession", "2026-03-03T09:00:00");
        await w.Leader.ActivityAsync(w.StudioId, "ThemedPartyDay", "2026-04-03T09:00:00");
        await using (var conn = await factory.Database.OpenConnectionAsync())
        {
            // Announced in the app ten days ahead (有通知): created_at is the database's clock, not the test's.
            await conn.ExecuteAsync("UPDATE activities SET created_at = starts_at - INTERVAL 10 DAY WHERE id = @briefed", new { briefed });
        }
        (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{briefed}/attendance/{w.Members[0].Id}", new { reason = "现场签到表补录" })).EnsureSuccessStatusCode();
        (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{briefed}/brief", new
        {
            title = "课题研讨简讯", theme = "“三进三实”行动", exchange = "交流", record = "记录", summary = "小结", photoIds = Array.Empty<Guid>(),
        })).EnsureSuccessStatusCode();
        (await w.Leader.Client.PostAsync($"/api/v1/activities/{briefed}/brief/publish", null)).EnsureSuccessStatusCode();

        var ledger = await w.Leader.LedgerAsync(w.StudioId);

        Assert.Equal(RuleSet.Wenzhou, ledger.RuleSet);
        var withBrief = ledger.Cell("activities-with-brief", LedgerScenario.BuildYear1);
        Assert.Equal((1.0, LedgerStatus.OnTrack), (withBrief.Actual!.Value, withBrief.Status));
        Assert.Equal(briefed, Assert.Single(withBrief.Evidence).Id);
        var attendance = ledger.Cell("attendance", LedgerScenario.BuildYear1);
        Assert.Equal(0.125, attendance.Actual); // 1 present of 4 expected (leader and 3 members) at each of 2 activities
        Assert.Equal(LedgerStatus.EvaluatorChecked, attendance.Status); // 参与率高: no figure in the notice, the evaluator judges
        Assert.Equal(2, attendance.Evidence.Length);
        Assert.Equal(LedgerStatus.EvaluatorChecked, ledger.Requirements.Single(r => r.Code == "venue-six-haves").Cells.Single().Status);
        var team = ledger.Cell("team-size", LedgerScenario.BuildYear1);
        Assert.Equal((3.0, LedgerStatus.OnTrack), (team.Actual!.Value, team.Status));
    }

    [Fact]
    public async Task ALeaderSeesOnlyTheirStudiosLedgerAndAnAdminOnlyTheirSubtree()
    {
        var w = await factory.LedgerWorldAsync();
        var other = await factory.LedgerWorldAsync();

        Assert.Equal(HttpStatusCode.OK, (await w.Members[0].Client.GetAsync($"/api/v1/studios/{w.StudioId}/ledger?year=2026")).StatusCode);
        await (await other.Leader.Client.GetAsync($"/api/v1/studios/{w.StudioId}/ledger?year=2026")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.Admin.Client.GetAsync($"/api/v1/studios/{w.StudioId}/ledger?year=2026")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.Admin.Client.GetAsync($"/api/v1/studios/{w.StudioId}/ledger.xlsx?year=2026")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.Admin.Client.GetAsync($"/api/v1/ledger.xlsx?programmeId={w.ProgrammeId}&year=2026")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Leader.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026")).StatusCode);
        await (await w.Admin.Client.GetAsync($"/api/v1/studios/{Guid.NewGuid()}/ledger")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await w.Admin.Client.GetAsync($"/api/v1/studios/{w.StudioId}/ledger?year=1999")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await w.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026-13")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await w.Admin.Client.GetAsync("/api/v1/ledger?period=2026")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task EachRefusalOfTheOverviewAndTheExportsHasItsCode()
    {
        var w = await factory.LedgerWorldAsync(members: 0);
        var admin = w.Admin.Client;
        async Task Refused(string url, HttpStatusCode status, string code) => await (await admin.GetAsync(url)).ShouldBeProblemAsync(status, code);

        await Refused($"/api/v1/ledger?programmeId={Guid.NewGuid()}&period=2026", HttpStatusCode.NotFound, "not_found");
        await Refused($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026&status=Late", HttpStatusCode.BadRequest, "validation_failed");
        await Refused($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026&sort=oldest", HttpStatusCode.BadRequest, "validation_failed");
        await Refused($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026&pageSize=501", HttpStatusCode.BadRequest, "validation_failed");
        await Refused($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=1999", HttpStatusCode.BadRequest, "validation_failed");
        await Refused("/api/v1/ledger.xlsx?year=2026", HttpStatusCode.BadRequest, "validation_failed");
        await Refused($"/api/v1/ledger.xlsx?programmeId={w.ProgrammeId}&year=1999", HttpStatusCode.BadRequest, "validation_failed");
        await Refused($"/api/v1/ledger.xlsx?programmeId={Guid.NewGuid()}&year=2026", HttpStatusCode.NotFound, "not_found");
        await Refused($"/api/v1/studios/{w.StudioId}/ledger.xlsx?year=2101", HttpStatusCode.BadRequest, "validation_failed");
        await Refused($"/api/v1/studios/{Guid.NewGuid()}/ledger.xlsx?year=2026", HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task TheOverviewListsTheSubtreesStudiosMostMissedFirstAndFilters()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync();
        var otherDistrict = await w.Admin.OrgUnitAsync(w.CommitteeId, "鱼峰区");
        var otherSchool = await w.Admin.OrgUnitAsync(otherDistrict, "鱼峰小学");
        var (diligent, diligentLeader) = await factory.StudioAsync(w.Admin, w.ProgrammeId, otherSchool);
        await factory.LicenseOnAsync(diligent, "2025-12-01");
        foreach (var month in new[] { "01", "02", "03", "04", "05" })
            await diligentLeader.ActivityAsync(diligent, "MonthlySeminar", $"2026-{month}-10T15:00:00");
        var outsider = await factory.LedgerWorldAsync(); // another committee: never listed

        var overview = await (await w.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026")).ReadAsync<LedgerOverviewDto>();

        Assert.Equal(2, overview.Total);
        Assert.Equal([w.StudioId, diligent], overview.Items.Select(i => i.StudioId));
        Assert.True(overview.Items[0].Missed > overview.Items[1].Missed);
        Assert.Equal("柳北区", overview.Items[0].DistrictName);
        Assert.Equal(5, overview.Items[0].Requirements.Single(r => r.Code == "monthly-seminar").MissedPeriods);
        Assert.Equal(LedgerStatus.AtRisk, overview.Items[0].Requirements.Single(r => r.Code == "monthly-seminar").Status);

        var inDistrict = await (await w.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026&districtId={otherDistrict}")).ReadAsync<LedgerOverviewDto>();
        Assert.Equal([diligent], inDistrict.Items.Select(i => i.StudioId));

        var march = await (await w.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026-03&status=Met")).ReadAsync<LedgerOverviewDto>();
        Assert.Equal([diligent], march.Items.Select(i => i.StudioId));
        Assert.Equal(LedgerScenario.Beijing("2026-04-01T00:00:00"), march.AsOf);
        Assert.DoesNotContain(outsider.StudioId, overview.Items.Select(i => i.StudioId));
    }

    [Fact]
    public async Task APairedSchoolIsRecordedOnlyOnAPairingVisit()
    {
        var w = await factory.LedgerWorldAsync(members: 0);
        var startsAt = LedgerScenario.Beijing("2026-03-03T09:00:00");
        var refused = await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities",
            new { kind = "MonthlySeminar", title = "t", startsAt, endsAt = startsAt.AddHours(1), pairedSchoolName = "某校" });
        var body = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("pairedSchoolName", out _));
        var unknown = await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities",
            new { kind = "PairingVisit", title = "t", startsAt, endsAt = startsAt.AddHours(1), pairedSchoolOrgUnitId = Guid.NewGuid() });
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, Scenario.Json), System.Text.Encoding.UTF8, "application/json");
}
