using System.Net;
using System.Text.Json;
using Dapper;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Ledger;

/// <summary>
/// Issue 12's last three pieces: a person's school and pairing per core member's school (seeds/000 三(二)4(3)), the
/// 三会一课 sub-kinds (seeds/004 and the 支部工作条例), and a programme's own targets.
/// </summary>
public sealed class SchoolsSubKindsTargetsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<HttpResponseMessage> SetSchoolAsync(SignedIn who, Guid studioId, Guid memberId, object body) =>
        await who.Client.PutJsonAsync($"/api/v1/studios/{studioId}/members/{memberId}/school", body);

    /// <summary>An admin of a unit below the committee (a district admin), signed in.</summary>
    private async Task<HttpClient> UnitAdminAsync(Guid orgUnitId)
    {
        var username = $"unit-{Guid.NewGuid():N}"[..20];
        await using (var conn = await factory.Database.OpenConnectionAsync())
            await conn.ExecuteAsync("INSERT INTO admins (id, username, password_hash, display_name, org_unit_id) VALUES (@id, @username, @hash, '区管理员', @orgUnitId)",
                new { id = Guid.NewGuid(), username, hash = WeStudio.Api.Features.Auth.AdminPasswords.Hash("unit password"), orgUnitId });
        var login = await factory.CreateClient().PostJsonAsync("/api/v1/auth/admin-login", new { username, password = "unit password" });
        return factory.Authorized((await login.ReadAsync<JsonElement>()).GetProperty("token").GetString()!);
    }

    [Fact]
    public async Task ASchoolIsRecordedByThePersonTheLeaderOrAnAdminAndMustBeASchoolOfTheCommittee()
    {
        var w = await factory.LedgerWorldAsync(members: 2);
        var other = await w.Admin.OrgUnitAsync(w.DistrictId, "胜利小学");
        var (foreignAdmin, foreignCommittee) = await factory.CommitteeAdminAsync();
        var foreignSchool = await foreignAdmin.OrgUnitAsync(foreignCommittee, "外市学校");

        await (await SetSchoolAsync(w.Members[0], w.StudioId, w.Members[0].Id, new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await SetSchoolAsync(w.Members[0], w.StudioId, w.Members[0].Id, new { orgUnitId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await SetSchoolAsync(w.Members[0], w.StudioId, w.Members[0].Id, new { orgUnitId = w.CommitteeId })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "not_a_school");
        await (await SetSchoolAsync(w.Members[0], w.StudioId, w.Members[0].Id, new { orgUnitId = w.DistrictId })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "not_a_school");
        await (await SetSchoolAsync(w.Members[0], w.StudioId, w.Members[0].Id, new { orgUnitId = foreignSchool })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "school_outside_committee");
        // A member cannot record another's school; an outsider cannot record anyone's; nobody records a stranger's.
        await (await SetSchoolAsync(w.Members[0], w.StudioId, w.Members[1].Id, new { orgUnitId = other })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var stranger = await factory.MemberAsync();
        await (await SetSchoolAsync(stranger, w.StudioId, stranger.Id, new { orgUnitId = other })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await SetSchoolAsync(w.Leader, w.StudioId, stranger.Id, new { orgUnitId = other })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await foreignAdmin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/members/{w.Members[0].Id}/school", new { orgUnitId = other }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await SetSchoolAsync(w.Members[0], Guid.NewGuid(), w.Members[0].Id, new { orgUnitId = other })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await using (var conn = await factory.Database.OpenConnectionAsync())
            Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM members WHERE id IN @ids AND school_org_unit_id IS NOT NULL",
                new { ids = new[] { w.Members[0].Id, w.Members[1].Id, stranger.Id } }));

        var mine = await (await SetSchoolAsync(w.Members[0], w.StudioId, w.Members[0].Id, new { orgUnitId = other })).ReadAsync<JsonElement>();
        Assert.Equal("胜利小学", mine.GetProperty("schoolName").GetString());
        (await SetSchoolAsync(w.Leader, w.StudioId, w.Members[1].Id, new { orgUnitId = w.SchoolId })).EnsureSuccessStatusCode();
        (await w.Admin.Client.PutJsonAsync($"/api/v1/studios/{w.StudioId}/members/{w.Leader.Id}/school", new { orgUnitId = w.SchoolId })).EnsureSuccessStatusCode();

        var people = await (await w.Leader.Client.GetAsync($"/api/v1/studios/{w.StudioId}/members")).ReadAsync<JsonElement>();
        var schools = people.EnumerateArray().ToDictionary(p => p.GetProperty("memberId").GetGuid(), p => p.GetProperty("schoolName").GetString());
        Assert.Equal("景行小学", schools[w.Leader.Id]);
        Assert.Equal("胜利小学", schools[w.Members[0].Id]);
        Assert.Equal("景行小学", schools[w.Members[1].Id]);
    }

    [Fact]
    public async Task APairingVisitsHelpingSchoolIsTheHostUnitByDefaultOrACoreMembersSchool()
    {
        var w = await factory.LedgerWorldAsync(members: 1);
        var paired = await w.Admin.OrgUnitAsync(w.DistrictId, "柳州市第十二中学");
        var victory = await w.Admin.OrgUnitAsync(w.DistrictId, "胜利小学");
        var startsAt = LedgerScenario.Beijing("2026-03-03T09:00:00");
        object Visit(Guid? helping) => new { kind = "PairingVisit", title = "结对帮扶", startsAt, endsAt = startsAt.AddHours(1), pairedSchoolOrgUnitId = paired, helpingSchoolOrgUnitId = helping };

        var byDefault = await (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities", Visit(null))).ReadAsync<JsonElement>();
        Assert.Equal(w.SchoolId, byDefault.GetProperty("helpingSchoolOrgUnitId").GetGuid());
        // 胜利小学 is nobody's school yet: refused, nothing written.
        var refused = await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities", Visit(victory));
        var body = await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "helping_school_not_core_school");
        Assert.True(body.GetProperty("errors").TryGetProperty("helpingSchoolOrgUnitId", out _));
        await (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{byDefault.GetProperty("id").GetGuid()}", Visit(victory)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "helping_school_not_core_school");
        var notAVisit = await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities",
            new { kind = "MonthlySeminar", title = "研讨", startsAt, endsAt = startsAt.AddHours(1), helpingSchoolOrgUnitId = w.SchoolId });
        Assert.True((await notAVisit.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("helpingSchoolOrgUnitId", out _));

        // A trainee's school is not a core member's school.
        var trainee = await factory.MemberAsync();
        await using (var conn = await factory.Database.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("INSERT INTO studio_memberships (id, studio_id, member_id, role, joined_at) VALUES (@id, @studioId, @trainee, 'Trainee', UTC_TIMESTAMP(6))",
                new { id = Guid.NewGuid(), studioId = w.StudioId, trainee = trainee.Id });
        }
        (await SetSchoolAsync(trainee, w.StudioId, trainee.Id, new { orgUnitId = victory })).EnsureSuccessStatusCode();
        await (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities", Visit(victory)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "helping_school_not_core_school");

        (await SetSchoolAsync(w.Members[0], w.StudioId, w.Members[0].Id, new { orgUnitId = victory })).EnsureSuccessStatusCode();
        var helped = await (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities", Visit(victory))).ReadAsync<JsonElement>();
        Assert.Equal(victory, helped.GetProperty("helpingSchoolOrgUnitId").GetGuid());
        await using (var conn = await factory.Database.OpenConnectionAsync())
            Assert.Equal(2, await conn.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM activities WHERE studio_id = @studioId", new { studioId = w.StudioId }));
    }

    [Fact]
    public async Task PairingIsCountedPerCoreMembersSchoolAndAMemberWithoutASchoolIsAGap()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(members: 3);
        var victory = await w.Admin.OrgUnitAsync(w.DistrictId, "胜利小学");
        var paired = await w.Admin.OrgUnitAsync(w.DistrictId, "柳州市第十二中学");
        (await SetSchoolAsync(w.Leader, w.StudioId, w.Leader.Id, new { orgUnitId = w.SchoolId })).EnsureSuccessStatusCode();
        (await SetSchoolAsync(w.Members[0], w.StudioId, w.Members[0].Id, new { orgUnitId = victory })).EnsureSuccessStatusCode();
        (await SetSchoolAsync(w.Members[1], w.StudioId, w.Members[1].Id, new { orgUnitId = victory })).EnsureSuccessStatusCode();
        // A trainee with a school: not a core member, neither counted in the target nor listed.
        var trainee = await factory.MemberAsync();
        await using (var conn = await factory.Database.OpenConnectionAsync())
            await conn.ExecuteAsync("INSERT INTO studio_memberships (id, studio_id, member_id, role, joined_at) VALUES (@id, @studioId, @trainee, 'Trainee', @at)",
                new { id = Guid.NewGuid(), studioId = w.StudioId, trainee = trainee.Id, at = LedgerScenario.Beijing("2026-01-05T00:00:00").UtcDateTime });
        await w.Leader.ActivityAsync(w.StudioId, "PairingVisit", "2026-03-03T09:00:00", "景行小学帮扶十二中", pairedSchoolOrgUnitId: paired);

        var ledger = await w.Leader.LedgerAsync(w.StudioId);
        var cell = ledger.Cell("paired-school", LedgerScenario.BuildYear1);
        // 景行小学 paired; 胜利小学 not yet; Members[2] has no school: 1 of 3.
        Assert.Equal((1.0, 3, LedgerStatus.OnTrack), (cell.Actual!.Value, cell.Target!.Value, cell.Status));
        Assert.Equal(["Activity", "MemberWithoutSchool", "School", "School"], cell.Evidence.Select(e => e.Type).Order().ToArray());
        Assert.Equal(2, cell.Evidence.Count(e => e.Type == "School"));
        Assert.Contains(cell.Evidence, e => e.Type == "MemberWithoutSchool" && e.Id == w.Members[2].Id);
        Assert.Contains(cell.Evidence, e => e.Type == "School" && e.Id == w.SchoolId && e.Title.Contains("结对帮扶 1 所"));

        // The overview agrees before and after a school is recorded (the members trigger raises the studio's version).
        async Task<LedgerStatus> OverviewStatusAsync() =>
            (await (await w.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period=2026")).ReadAsync<LedgerOverviewDto>())
                .Items.Single().Requirements.Single(r => r.Code == "paired-school").Status;
        Assert.Equal(LedgerStatus.OnTrack, await OverviewStatusAsync());
        (await SetSchoolAsync(w.Members[2], w.StudioId, w.Members[2].Id, new { orgUnitId = w.SchoolId })).EnsureSuccessStatusCode();
        var helping = new { kind = "PairingVisit", title = "胜利小学帮扶融安", startsAt = LedgerScenario.Beijing("2026-04-03T09:00:00"),
            endsAt = LedgerScenario.Beijing("2026-04-03T11:00:00"), pairedSchoolName = "融安县实验小学", helpingSchoolOrgUnitId = victory };
        (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities", helping)).EnsureSuccessStatusCode();

        cell = (await w.Leader.LedgerAsync(w.StudioId)).Cell("paired-school", LedgerScenario.BuildYear1);
        Assert.Equal((2.0, 2, LedgerStatus.Met), (cell.Actual!.Value, cell.Target!.Value, cell.Status));
        Assert.DoesNotContain(cell.Evidence, e => e.Type == "MemberWithoutSchool");
        Assert.Equal(LedgerStatus.Met, await OverviewStatusAsync());

        // A visit a school pays itself does not count.
        await using (var conn = await factory.Database.OpenConnectionAsync())
            await conn.ExecuteAsync("UPDATE activities SET paired_school_org_unit_id = @victory, paired_school_name = NULL WHERE title = '胜利小学帮扶融安' AND studio_id = @studioId",
                new { victory, studioId = w.StudioId });
        cell = (await w.Leader.LedgerAsync(w.StudioId)).Cell("paired-school", LedgerScenario.BuildYear1);
        Assert.Equal((1.0, 2), (cell.Actual!.Value, cell.Target!.Value));
    }

    [Fact]
    public async Task AThreeMeetingsOneLessonNeedsItsSubKindAndOtherKindsRefuseOne()
    {
        var w = await factory.LedgerWorldAsync(members: 0, studioKind: "BranchSecretary", ruleSet: "Guyuan");
        var startsAt = LedgerScenario.Beijing("2026-03-03T09:00:00");
        object Body(string kind, string? subKind) => new { kind, title = "会议", startsAt, endsAt = startsAt.AddHours(1), subKind };

        var missing = await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities", Body("ThreeMeetingsOneLesson", null));
        Assert.True((await missing.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sub_kind_required")).GetProperty("errors").TryGetProperty("subKind", out _));
        await (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities", Body("ThemedPartyDay", "PartyLecture")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sub_kind_not_allowed");
        var unknown = await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities", Body("ThreeMeetingsOneLesson", "Tea"));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        var created = await (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities", Body("ThreeMeetingsOneLesson", "PartyGroupMeeting"))).ReadAsync<JsonElement>();
        Assert.Equal("PartyGroupMeeting", created.GetProperty("subKind").GetString());
        var id = created.GetProperty("id").GetGuid();
        await (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{id}", Body("ThreeMeetingsOneLesson", null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sub_kind_required");
        await (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{id}", Body("MonthlySeminar", "PartyGroupMeeting"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "sub_kind_not_allowed");
        var changed = await (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{id}", Body("ThreeMeetingsOneLesson", "BranchCommitteeMeeting"))).ReadAsync<JsonElement>();
        Assert.Equal("BranchCommitteeMeeting", changed.GetProperty("subKind").GetString());
        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM activities WHERE studio_id = @studioId", new { studioId = w.StudioId }));
    }

    [Fact]
    public async Task GuyuanCountsEachSubKindAgainstTheRegulationAndShowsTheMixUnderThreeMeetingsOneLesson()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(members: 0, studioKind: "BranchSecretary", ruleSet: "Guyuan");
        async Task Meeting(string subKind, string day)
        {
            var startsAt = LedgerScenario.Beijing(day);
            (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/activities",
                new { kind = "ThreeMeetingsOneLesson", title = subKind, startsAt, endsAt = startsAt.AddHours(1), subKind })).EnsureSuccessStatusCode();
        }
        await Meeting("BranchCommitteeMeeting", "2026-01-05T16:00:00");
        await Meeting("PartyGroupMeeting", "2026-01-12T16:00:00");
        await Meeting("PartyLecture", "2026-02-25T16:00:00");
        await Meeting("BranchCommitteeMeeting", "2026-04-05T16:00:00");

        var requirements = await (await w.Admin.Client.GetAsync($"/api/v1/programmes/{w.ProgrammeId}/requirements")).ReadAsync<RequirementDto[]>();
        var lecture = requirements.Single(r => r.Code == "party-lecture");
        Assert.Equal((RequirementPeriod.Quarter, 1), (lecture.Period, lecture.TargetMin));
        Assert.Contains("支部工作条例", lecture.Source);
        Assert.Contains("Not the notice's number", lecture.Note);
        Assert.Equal(["three-meetings-one-lesson", "branch-general-meeting", "branch-committee-meeting", "party-group-meeting", "party-lecture"],
            requirements.Take(5).Select(r => r.Code));

        var ledger = await w.Leader.LedgerAsync(w.StudioId);
        Assert.Equal((1.0, LedgerStatus.Met), (ledger.Cell("branch-committee-meeting", "2026-01").Actual!.Value, ledger.Cell("branch-committee-meeting", "2026-01").Status));
        Assert.Equal(LedgerStatus.Missed, ledger.Cell("branch-committee-meeting", "2026-02").Status);
        Assert.Equal(LedgerStatus.Met, ledger.Cell("branch-committee-meeting", "2026-04").Status);
        Assert.Equal(LedgerStatus.Missed, ledger.Cell("party-group-meeting", "2026-02").Status);
        var q1 = ledger.Requirements.Single(r => r.Code == "party-lecture").Cells[0];
        Assert.Equal((1.0, LedgerStatus.Met), (q1.Actual!.Value, q1.Status));
        Assert.Equal(LedgerStatus.Missed, ledger.Requirements.Single(r => r.Code == "branch-general-meeting").Cells[0].Status);
        // The total row: no target of its own, every sub-kind counted and named.
        var january = ledger.Cell("three-meetings-one-lesson", "2026-01");
        Assert.Equal((2.0, LedgerStatus.EvaluatorChecked), (january.Actual!.Value, january.Status));
        Assert.Equal("支部党员大会 0 · 支委会 1 · 党小组会 1 · 党课 0 · 未标明类型 0", january.Evidence[0].Title);
        Assert.Contains(january.Evidence, e => e.Title == "【支委会】BranchCommitteeMeeting");
    }

    [Fact]
    public async Task EachRefusalOfAProgrammesTargetHasItsCodeAndWritesNothing()
    {
        var w = await factory.LedgerWorldAsync(members: 0);
        var url = $"/api/v1/programmes/{w.ProgrammeId}/requirements";
        async Task<JsonElement> Refused(HttpClient client, string code, object body, HttpStatusCode status, string problem) =>
            await (await client.PutJsonAsync($"{url}/{code}", body)).ShouldBeProblemAsync(status, problem);

        await Refused(w.Admin.Client, "monthly-seminar", new { }, HttpStatusCode.BadRequest, "validation_failed");
        await Refused(w.Admin.Client, "monthly-seminar", new { target = 2 }, HttpStatusCode.BadRequest, "validation_failed"); // no reason
        await Refused(w.Admin.Client, "monthly-seminar", new { target = -1, reason = "r" }, HttpStatusCode.BadRequest, "validation_failed");
        await Refused(w.Admin.Client, "monthly-seminar", new { target = 1.5, reason = "r" }, HttpStatusCode.BadRequest, "validation_failed");
        await Refused(w.Admin.Client, "representative-achievements", new { target = 3, reason = "r" }, HttpStatusCode.BadRequest, "validation_failed"); // notice's upper figure 2
        await Refused(w.Admin.Client, "no-such-thing", new { target = 1, reason = "r" }, HttpStatusCode.NotFound, "unknown_requirement");
        await Refused(w.Admin.Client, "final-acceptance", new { target = 1, reason = "r" }, HttpStatusCode.Conflict, "requirement_has_no_target");
        await Refused(w.Admin.Client, "monthly-seminar", new { target = 1, reason = "r", points = new { atTarget = 1, perUnit = 1, max = 2 } },
            HttpStatusCode.UnprocessableEntity, "requirement_not_scored");
        await Refused(w.Admin.Client, "monthly-seminar", new { target = 1, reason = "r", points = new { atTarget = 5, perUnit = 1, max = 2 } },
            HttpStatusCode.BadRequest, "validation_failed");
        await (await w.Admin.Client.PutJsonAsync($"/api/v1/programmes/{Guid.NewGuid()}/requirements/monthly-seminar", new { target = 2, reason = "r" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var (foreign, _) = await factory.CommitteeAdminAsync();
        await Refused(foreign.Client, "monthly-seminar", new { target = 2, reason = "r" }, HttpStatusCode.Forbidden, "forbidden");
        await Refused(await UnitAdminAsync(w.DistrictId), "monthly-seminar", new { target = 2, reason = "r" }, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Leader.Client.PutJsonAsync($"{url}/monthly-seminar", new { target = 2, reason = "r" })).StatusCode);

        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM requirement_changes WHERE programme_id = @id", new { id = w.ProgrammeId }));
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("SELECT target_min FROM requirements WHERE programme_id = @id AND code = 'monthly-seminar'", new { id = w.ProgrammeId }));
    }

    [Fact]
    public async Task AProgrammesTargetIsAuditedShownBesideTheNoticesAndUsedByTheLedgerOverviewAndExport()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(members: 0);
        foreach (var month in new[] { "01", "02", "03" })
            await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", $"2026-{month}-10T15:00:00");
        await w.Leader.ActivityAsync(w.StudioId, "MonthlySeminar", "2026-01-20T15:00:00");
        async Task<LedgerStatus> OverviewAsync(string period) =>
            (await (await w.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={w.ProgrammeId}&period={period}")).ReadAsync<LedgerOverviewDto>())
                .Items.Single().Requirements.Single(r => r.Code == "monthly-seminar").Status;
        Assert.Equal(LedgerStatus.Met, await OverviewAsync("2026-02"));

        var changed = await (await w.Admin.Client.PutJsonAsync($"/api/v1/programmes/{w.ProgrammeId}/requirements/monthly-seminar",
            new { target = 2, reason = "工委决定：每月两次专题研讨" })).ReadAsync<RequirementDto>();
        Assert.Equal(2, changed.TargetMin);
        Assert.Equal(1, changed.NoticeDefault!.TargetMin);
        Assert.True(changed.Changed);
        Assert.Equal("工委决定：每月两次专题研讨", changed.LastChange!.Reason);
        Assert.Equal((1, 2), (changed.LastChange.Old.TargetMin, changed.LastChange.New.TargetMin));

        // The cached overview sees the new target at once (catalogue version raised in the writer's transaction).
        Assert.Equal(LedgerStatus.Missed, await OverviewAsync("2026-02"));
        var ledger = await w.Leader.LedgerAsync(w.StudioId);
        Assert.Equal(2, ledger.Requirements.Single(r => r.Code == "monthly-seminar").TargetMin);
        Assert.Equal(LedgerStatus.Met, ledger.Cell("monthly-seminar", "2026-01").Status);
        Assert.Equal(LedgerStatus.Missed, ledger.Cell("monthly-seminar", "2026-02").Status);

        var list = await (await w.Admin.Client.GetAsync($"/api/v1/programmes/{w.ProgrammeId}/requirements")).ReadAsync<RequirementDto[]>();
        Assert.True(list.Single(r => r.Code == "monthly-seminar").Changed);
        Assert.False(list.Single(r => r.Code == "semester-seminar").Changed);
        Assert.Equal(1, list.Single(r => r.Code == "semester-seminar").NoticeDefault!.TargetMin);

        // Back to the notice's figure: the default stays the notice's, the audit keeps both changes.
        var back = await (await w.Admin.Client.PutJsonAsync($"/api/v1/programmes/{w.ProgrammeId}/requirements/monthly-seminar",
            new { target = 1, reason = "恢复文件要求" })).ReadAsync<RequirementDto>();
        Assert.Equal((1, 1, true), (back.TargetMin, back.NoticeDefault!.TargetMin, back.Changed!.Value));
        Assert.Equal(LedgerStatus.Met, await OverviewAsync("2026-02"));
        await using var conn = await factory.Database.OpenConnectionAsync();
        var audit = (await conn.QueryAsync<(int, int, string, Guid)>(
            "SELECT old_target_min, new_target_min, reason, changed_by FROM requirement_changes WHERE programme_id = @id ORDER BY changed_at, id", new { id = w.ProgrammeId })).ToArray();
        Assert.Equal([(1, 2, "工委决定：每月两次专题研讨", w.Admin.Id), (2, 1, "恢复文件要求", w.Admin.Id)], audit);
    }

    [Fact]
    public async Task ARateTargetIsAFractionAndAScoredItemsPointsChange()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-06-20T12:00:00"));
        var guyuan = await factory.LedgerWorldAsync(members: 0, studioKind: "BranchSecretary", ruleSet: "Guyuan");
        var url = $"/api/v1/programmes/{guyuan.ProgrammeId}/requirements";
        await (await guyuan.Admin.Client.PutJsonAsync($"{url}/rotation-training", new { target = 2, reason = "r" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await guyuan.Admin.Client.PutJsonAsync($"{url}/rotation-training", new { target = 0.6125, reason = "r" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var rate = await (await guyuan.Admin.Client.PutJsonAsync($"{url}/rotation-training", new { target = 0.8, reason = "提高轮训要求" })).ReadAsync<RequirementDto>();
        Assert.Equal((0.8m, 0.6m), (rate.TargetRate, rate.NoticeDefault!.TargetRate));
        var lecture = await (await guyuan.Admin.Client.PutJsonAsync($"{url}/party-lecture", new { target = 2, reason = "每季度两次党课" })).ReadAsync<RequirementDto>();
        Assert.Equal(2, lecture.TargetMin);

        var wenzhou = await factory.LedgerWorldAsync(members: 0, studioKind: "PioneerMember");
        var scored = await (await wenzhou.Admin.Client.PutJsonAsync($"/api/v1/programmes/{wenzhou.ProgrammeId}/requirements/activities-cycle",
            new { target = 16, points = new { atTarget = 16, perUnit = 2, max = 20 }, reason = "每多一次加2分" })).ReadAsync<RequirementDto>();
        Assert.Equal((16m, 2m, 20m), (scored.PointsAtTarget, scored.PointsPerUnit, scored.PointsMax));
        Assert.Equal(1m, scored.NoticeDefault!.PointsPerUnit);
        Assert.Equal(20, LedgerService.PointsOf(scored, 18));
    }
}
