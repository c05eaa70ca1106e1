using System.Net;
using System.Text.Json;
using Dapper;
using WeStudio.Api.Features.Evaluation;
using WeStudio.Api.Features.Lifecycle;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Tests.Features.Ledger;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Evaluation;

public static class EvaluationScenario
{
    public static async Task SetNameAsync(this ApiFactory factory, Guid memberId, string name)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE members SET display_name = @name WHERE id = @memberId", new { name, memberId });
    }

    public static async Task<SignedIn[]> TraineesAsync(this ApiFactory factory, LedgerWorld w, params string[] names)
    {
        var invitation = await (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/invitations", new { maxUses = Math.Max(1, names.Length), expiresInHours = 24, role = "Trainee" }))
            .ReadAsync<JsonElement>();
        var people = new List<SignedIn>();
        foreach (var name in names)
        {
            var t = await factory.MemberAsync();
            (await t.Client.PostJsonAsync("/api/v1/studios/join", new { code = invitation.GetProperty("code").GetString() })).EnsureSuccessStatusCode();
            await factory.SetNameAsync(t.Id, name);
            people.Add(t);
        }
        return people.ToArray();
    }

    /// <summary>An activity announced in the app ahead of its start (created under the clock of <paramref name="createdAt"/>) whose brief is published later.</summary>
    public static async Task<Guid> CountedActivityAsync(this ApiFactory factory, LedgerWorld w, string localStart, bool publish = true)
    {
        var id = await w.Leader.ActivityAsync(w.StudioId, "ResearchSession", localStart, $"研修活动 {localStart[..10]}");
        (await w.Leader.Client.PutJsonAsync($"/api/v1/activities/{id}/brief", new
        {
            title = $"简讯 {localStart[..10]}", theme = "课堂教学改革", exchange = "交流", record = "记录", summary = "小结", photoIds = Array.Empty<Guid>(),
        })).EnsureSuccessStatusCode();
        if (publish) (await w.Leader.Client.PostAsync($"/api/v1/activities/{id}/brief/publish", null)).EnsureSuccessStatusCode();
        return id;
    }

    public static async Task<RoundDto> RoundAsync(this SignedIn admin, Guid programmeId, string kind, string rubric, object? materials = null)
    {
        var response = await admin.Client.PostJsonAsync($"/api/v1/programmes/{programmeId}/evaluation-rounds", new
        {
            kind, rubric, title = "考核评价", opensAt = DateTimeOffset.Parse("2027-12-01T00:00:00Z"), closesAt = DateTimeOffset.Parse("2028-03-01T00:00:00Z"), materials,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<RoundDto>();
    }

    public static async Task AppointAsync(this SignedIn admin, Guid roundId, Guid memberId) =>
        (await admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{roundId}/evaluators", new { memberId })).EnsureSuccessStatusCode();

    public static Task<HttpResponseMessage> ScoreAsync(this SignedIn evaluator, Guid roundId, Guid studioId, params object[] items) =>
        evaluator.Client.PutJsonAsync($"/api/v1/evaluation-rounds/{roundId}/studios/{studioId}/sheet", new { items });

    public static Task<HttpResponseMessage> SubmitAsync(this SignedIn evaluator, Guid roundId, Guid studioId) =>
        evaluator.Client.PostAsync($"/api/v1/evaluation-rounds/{roundId}/studios/{studioId}/sheet/submit", null);

    public static decimal? Points(this ScoreSheetDto sheet, string code) => sheet.Items.Single(i => i.Item.Code == code).Points;
}

public sealed class EvaluationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public void TheWenzhouTableIsTheNoticesWholeTable()
    {
        var t = Rubrics.WenzhouTable;
        // 10 + 45 (10 + 20 + 5 + 10) + 30 (10 + 10 + 5 + 5) + 15 = 100, the notice's 合计.
        Assert.Equal(100, t.Items.Where(i => i.Scoring == ItemScoring.Points).Sum(i => i.MaxPoints));
        Assert.Equal(["leader-ideology", "team", "venue"], t.Items.Where(i => i.Scoring == ItemScoring.Gate).Select(i => i.Code));
        Assert.Equal(3, t.Items.Count(i => i.Scoring == ItemScoring.Bonus && i.MaxPoints == 2 && i.Clause.Contains("每项计2分，不重复计分")));
        Assert.Equal(0.5m, t.Items.Single(i => i.Code == "website").DeductionPerCount);
        Assert.Equal(20, t.Items.Single(i => i.Code == "feature").BandAMinTrainees);
        Assert.All(t.Items, i => Assert.Contains(i.Clause, c => c >= '\u4e00' && c <= '\u9fff'));
        Assert.All(t.Items.Where(i => i.Source != ItemSource.Data && i.Scoring == ItemScoring.Points), i => Assert.Equal(i.MaxPoints, i.Bands.Max(b => b.Max)));
        Assert.DoesNotContain(Rubrics.LiuzhouMidTermChecklist.Items, i => i.MaxPoints != 0);
        Assert.All(Rubrics.MaomingYearlyAssessment.Items, i => Assert.Equal(ItemScoring.PassFail, i.Scoring));
    }

    [Fact]
    public async Task AWenzhouStudioIsScoredEndToEndFromDataAndTwoEvaluatorsToTheHandCalculatedTotal()
    {
        // After the two-year cycle (2026-01-01 → 2027-12-31).
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2028-01-10T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "PioneerMember", members: 10, licensedOn: "2026-01-01");
        await factory.SetNameAsync(w.Leader.Id, "王领衔");
        await factory.TraineesAsync(w, "李学员", "赵学员");
        for (var i = 0; i < 17; i++) await factory.CountedActivityAsync(w, $"2027-{1 + i % 12:00}-{10 + i / 12:00}T09:00:00", publish: false);
        await factory.CountedActivityAsync(w, "2027-12-20T09:00:00", publish: false); // its brief stays a draft: not counted
        // A small studio of the same programme: 3 team members, under the 必备 ≥10.
        var (small, smallLeader) = await factory.StudioAsync(w.Admin, w.ProgrammeId, w.SchoolId);
        var code = await smallLeader.InvitationAsync(small, 3);
        for (var i = 0; i < 3; i++) (await (await factory.MemberAsync()).Client.PostJsonAsync("/api/v1/studios/join", new { code })).EnsureSuccessStatusCode();
        await factory.LicenseOnAsync(small, "2026-01-01");

        await using (var conn = await factory.Database.OpenConnectionAsync())
        {
            // The API stamps the test clock's now; the activities were in the app two days before they started (有通知).
            await conn.ExecuteAsync("UPDATE activities SET created_at = starts_at - INTERVAL 2 DAY WHERE studio_id = @s", new { s = w.StudioId });
            var drafts = (await conn.QueryAsync<Guid>("SELECT id FROM activities WHERE studio_id = @s AND title <> '研修活动 2027-12-20'", new { s = w.StudioId })).ToArray();
            Assert.Equal(17, drafts.Length);
            foreach (var id in drafts) (await w.Leader.Client.PostAsync($"/api/v1/activities/{id}/brief/publish", null)).EnsureSuccessStatusCode();
        }
        // Research: the leader's 市级 课题 and a trainee's 专著 (any level); a trainee's 县级 paper; a 校级 课题 that does not count.
        foreach (var a in new object[]
        {
            new { form = "ResearchOutput", researchSubtype = "Project", title = "党建引领课堂改革研究", year = 2027, authors = "王领衔、陈老师", level = "City" },
            new { form = "ResearchOutput", researchSubtype = "Monograph", title = "先锋课堂", year = 2027, authors = "李学员", level = "School" },
            new { form = "ResearchOutput", researchSubtype = "Paper", title = "班会案例", year = 2026, authors = "李学员", level = "County" },
            new { form = "ResearchOutput", researchSubtype = "Project", title = "校本课题", year = 2026, authors = "赵学员", level = "School" },
        })
            (await w.Leader.Client.PostJsonAsync($"/api/v1/studios/{w.StudioId}/achievements", a)).EnsureSuccessStatusCode();

        var round = await w.Admin.RoundAsync(w.ProgrammeId, "Final", Rubrics.Wenzhou);
        var expert1 = await factory.MemberAsync();
        var expert2 = await factory.MemberAsync();
        await w.Admin.AppointAsync(round.Id, expert1.Id);
        await w.Admin.AppointAsync(round.Id, expert2.Id);

        // The live sheet before any entry: the data items already scored.
        var live = await (await expert1.Client.GetAsync($"/api/v1/evaluation-rounds/{round.Id}/studios/{w.StudioId}/sheet")).ReadAsync<ScoreSheetDto>();
        Assert.Equal(17m, live.Points("activities"));       // 17 counted activities: 16 + 1 = 17 of 20 (issue 12's ledger line)
        Assert.Equal(10m, live.Points("research"));          // leader (市级课题) and trainee (专著) both: A = 10
        Assert.True(live.Items.Single(i => i.Item.Code == "team").Passed);
        Assert.Equal(0.5m, live.Items.Single(i => i.Item.Code == "trainee-output").Data!.Value); // 1 of 2 trainees with a 县级 output
        Assert.False(live.Complete);

        // Refusals, each writing nothing.
        await (await expert1.ScoreAsync(round.Id, w.StudioId, new { code = "goal", band = "A", points = 7 })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "score_out_of_band");
        await (await expert1.ScoreAsync(round.Id, w.StudioId, new { code = "goal", band = "B", points = 7.3 })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "score_out_of_band");
        await (await expert1.ScoreAsync(round.Id, w.StudioId, new { code = "feature", band = "A", points = 12 })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "band_condition_unmet");
        await (await expert1.ScoreAsync(round.Id, w.StudioId, new { code = "activities", band = "A", points = 20 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await expert1.ScoreAsync(round.Id, w.StudioId, new { code = "leader-ideology", count = 7 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await expert1.ScoreAsync(round.Id, w.StudioId, new { code = "nonsense", passed = true })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal(0, await SheetsAsync(round.Id));

        // Expert 1, by hand from the notice's table:
        //   必备: 三进三实 5 of 6 (≥4 passes), team 10 (data, ≥10 passes), venue passed.
        //   一个工作目标        goal      A  9
        //   培养内容            content   B  6
        //   研修活动            activities  data: 17 activities → 16 + (17 − 16) × 1 = 17
        //   经费使用            funds     A  5
        //   网页建设            website   A 10, 2 irregularities × 0.5 = −1 → 9
        //   科研成果            research  data: leader and trainee both → 10
        //   学员公开教学/论文    trainee-output B 6 (evidence: 50 %)
        //   荣誉晋升            promotion B  2
        //   引领发展            leading   A  4
        //   研修特色展示        feature   B  8 (A refused: 2 trainees < 20)
        //   points: 9 + 6 + 17 + 5 + 9 + 10 + 6 + 2 + 4 + 8 = 76
        //   加分: 学员满20名 no (data: 2) 0; 公益活动 yes 2; 媒体报道 yes 2 → 4 (cap 5)
        //   total 76 + 4 = 80
        object[] expert1Items =
        [
            new { code = "leader-ideology", count = 5 }, new { code = "venue", passed = true },
            new { code = "goal", band = "A", points = 9 }, new { code = "content", band = "B", points = 6 }, new { code = "funds", band = "A", points = 5 },
            new { code = "website", band = "A", points = 10, count = 2, comment = "两次通知晚发" }, new { code = "trainee-output", band = "B", points = 6 },
            new { code = "promotion", band = "B", points = 2 }, new { code = "leading", band = "A", points = 4 }, new { code = "feature", band = "B", points = 8 },
            new { code = "bonus-public-good", passed = true },
        ];
        var partial = await (await expert1.ScoreAsync(round.Id, w.StudioId, expert1Items)).ReadAsync<ScoreSheetDto>();
        Assert.False(partial.Complete);
        await (await expert1.SubmitAsync(round.Id, w.StudioId)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "sheet_incomplete");
        var sheet1 = await (await expert1.ScoreAsync(round.Id, w.StudioId, new { code = "bonus-media", passed = true })).ReadAsync<ScoreSheetDto>();
        Assert.True(sheet1.Complete);
        Assert.Equal(4m, sheet1.Bonus);
        Assert.Equal(80m, sheet1.Total);
        Assert.Equal(9m, sheet1.Points("website"));
        Assert.Equal("Pass", sheet1.Result);

        var submitted = await (await expert1.SubmitAsync(round.Id, w.StudioId)).ReadAsync<ScoreSheetDto>();
        Assert.Equal(("Submitted", 80m), (submitted.Status, submitted.Total));
        await (await expert1.ScoreAsync(round.Id, w.StudioId, new { code = "goal", band = "A", points = 10 })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "sheet_submitted");
        await (await expert1.SubmitAsync(round.Id, w.StudioId)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "sheet_submitted");

        // Frozen: an 18th counted activity after submission changes the live data but not the submitted sheet.
        await using (var conn = await factory.Database.OpenConnectionAsync())
        {
            var draft = await conn.QuerySingleAsync<Guid>("SELECT id FROM activities WHERE studio_id = @s AND title = '研修活动 2027-12-20'", new { s = w.StudioId });
            (await w.Leader.Client.PostAsync($"/api/v1/activities/{draft}/brief/publish", null)).EnsureSuccessStatusCode();
        }
        var frozen = await (await expert1.Client.GetAsync($"/api/v1/evaluation-rounds/{round.Id}/studios/{w.StudioId}/sheet")).ReadAsync<ScoreSheetDto>();
        Assert.Equal((17m, 80m), (frozen.Points("activities")!.Value, frozen.Total!.Value));
        Assert.Contains(frozen.Items.Single(i => i.Item.Code == "activities").Data!.Evidence, e => e.Contains("研修活动 2027-01-10"));

        // Expert 2 scores live (18 activities now → 18): goal A 10 instead of 9, website without irregularities 10, no media bonus:
        //   10 + 6 + 18 + 5 + 10 + 10 + 6 + 2 + 4 + 8 = 79, bonus 2 → 81. Mean (80 + 81) / 2 = 80.5.
        object[] expert2Items =
        [
            new { code = "leader-ideology", count = 4 }, new { code = "venue", passed = true },
            new { code = "goal", band = "A", points = 10 }, new { code = "content", band = "B", points = 6 }, new { code = "funds", band = "A", points = 5 },
            new { code = "website", band = "A", points = 10 }, new { code = "trainee-output", band = "B", points = 6 },
            new { code = "promotion", band = "B", points = 2 }, new { code = "leading", band = "A", points = 4 }, new { code = "feature", band = "B", points = 8 },
            new { code = "bonus-public-good", passed = true }, new { code = "bonus-media", passed = false },
        ];
        Assert.Equal(81m, (await (await expert2.ScoreAsync(round.Id, w.StudioId, expert2Items)).ReadAsync<ScoreSheetDto>()).Total);
        (await expert2.SubmitAsync(round.Id, w.StudioId)).EnsureSuccessStatusCode();

        // The small studio: a gate fails (team 3 < 10), so the sheet fails whatever its total.
        object[] smallItems = expert2Items.Select(i => i).ToArray();
        var smallSheet = await (await expert2.ScoreAsync(round.Id, small, smallItems)).ReadAsync<ScoreSheetDto>();
        Assert.Equal(["team"], smallSheet.FailedGates);
        Assert.Equal("Fail", smallSheet.Result);
        Assert.True(smallSheet.Total > 40);
        (await expert2.SubmitAsync(round.Id, small)).EnsureSuccessStatusCode();

        var results = await (await w.Admin.Client.GetAsync($"/api/v1/evaluation-rounds/{round.Id}/results")).ReadAsync<StudioResultDto[]>();
        var mine = results.Single(r => r.StudioId == w.StudioId);
        Assert.Equal((80.5m, true, 1), (mine.MeanTotal!.Value, mine.Passed!.Value, mine.Rank!.Value));
        Assert.Equal([80m, 81m], mine.Sheets.Select(s => s.Total!.Value).Order());
        var failed = results.Single(r => r.StudioId == small);
        Assert.Equal((false, (int?)null), (failed.Passed!.Value, failed.Rank));

        var excellentUrl = $"/api/v1/evaluation-rounds/{round.Id}/studios/{w.StudioId}/excellent";
        await (await w.Admin.Client.PostJsonAsync(excellentUrl, new { reason = "总分第一" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "round_open");
        // Closing a Final round: the passed studio is Completed (audited); the failed one is reported, not moved.
        var closed = await (await w.Admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{round.Id}/close", new { })).ReadAsync<StudioResultDto[]>();
        Assert.Equal("Active → Completed", closed.Single(r => r.StudioId == w.StudioId).Lifecycle);
        var stage = await (await w.Admin.Client.GetAsync($"/api/v1/studios/{w.StudioId}/stage")).ReadAsync<StudioStageDto>();
        Assert.Equal(StudioStatus.Completed, stage.Status);
        Assert.Equal(("FinalEvaluationPass", w.Admin.Id), (stage.History[^1].Action, stage.History[^1].ActorId));
        await (await w.Admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{round.Id}/close", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "round_closed");
        // 优秀 with the committee's confirmation: the top studio yes, once; the failed one no.
        var excellent = await (await w.Admin.Client.PostJsonAsync(excellentUrl, new { reason = "总分第一，评为优秀工作室" })).ReadAsync<StudioResultDto[]>();
        Assert.Equal("总分第一，评为优秀工作室", excellent.Single(r => r.StudioId == w.StudioId).Excellent);
        await (await w.Admin.Client.PostJsonAsync(excellentUrl, new { reason = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_passed");
        await (await w.Admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{round.Id}/studios/{small}/excellent", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_passed");
        await (await expert2.ScoreAsync(round.Id, w.StudioId, new { code = "goal", band = "A", points = 10 })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "round_closed");
    }

    private async Task<long> SheetsAsync(Guid roundId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM score_sheets WHERE round_id = @roundId", new { roundId });
    }

    [Fact]
    public async Task AnEvaluatorSeesOnlyTheStudiosOfTheRoundsTheyAreAppointedTo()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-12-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "PioneerMember", members: 1, licensedOn: "2026-01-01");
        var other = await factory.LedgerWorldAsync(studioKind: "PioneerMember", members: 1, licensedOn: "2026-01-01");
        var round = await w.Admin.RoundAsync(w.ProgrammeId, "MidTerm", Rubrics.Wenzhou);
        var otherRound = await other.Admin.RoundAsync(other.ProgrammeId, "MidTerm", Rubrics.Wenzhou);
        var expert = await factory.MemberAsync();
        var stranger = await factory.MemberAsync();
        await w.Admin.AppointAsync(round.Id, expert.Id);

        Assert.Equal([round.Id], (await (await expert.Client.GetAsync("/api/v1/me/evaluation-rounds")).ReadAsync<RoundDto[]>()).Select(r => r.Id));
        Assert.Equal([w.StudioId], (await (await expert.Client.GetAsync($"/api/v1/evaluation-rounds/{round.Id}/studios")).ReadAsync<RoundStudioDto[]>()).Select(s => s.StudioId));
        // Not appointed to the other round; the other programme's studio is not in this round; a stranger is no evaluator.
        await (await expert.Client.GetAsync($"/api/v1/evaluation-rounds/{otherRound.Id}/studios")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_evaluator");
        await (await expert.Client.GetAsync($"/api/v1/evaluation-rounds/{otherRound.Id}/studios/{other.StudioId}/sheet")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_evaluator");
        await (await expert.ScoreAsync(round.Id, other.StudioId, new { code = "goal", band = "A", points = 9 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "studio_not_in_round");
        await (await stranger.ScoreAsync(round.Id, w.StudioId, new { code = "goal", band = "A", points = 9 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_evaluator");
        await (await w.Leader.ScoreAsync(round.Id, w.StudioId, new { code = "goal", band = "A", points = 9 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_evaluator");
        // Only the owning committee runs the round.
        await (await other.Admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{round.Id}/evaluators", new { memberId = stranger.Id })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.Admin.Client.GetAsync($"/api/v1/evaluation-rounds/{round.Id}/results")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await expert.Client.PostJsonAsync($"/api/v1/programmes/{w.ProgrammeId}/evaluation-rounds", new { })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await w.Admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{round.Id}/evaluators", new { memberId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await w.Admin.Client.PostJsonAsync($"/api/v1/programmes/{w.ProgrammeId}/evaluation-rounds", new { kind = "MidTerm", rubric = "nope", title = "x", opensAt = "2027-01-01T00:00:00Z", closesAt = "2026-01-01T00:00:00Z" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task LiuzhousMidTermRunsFromMaterialsToFeedbackAndAFailedStudioGoesIntoRectification()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-09-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "PartyBuildingMaster", members: 2, licensedOn: "2026-01-01");
        var round = await w.Admin.RoundAsync(w.ProgrammeId, "MidTerm", Rubrics.LiuzhouMidTerm);
        Assert.Equal(("summary", 3600), (round.Materials.Single().Code, round.Materials.Single().MaxChars));
        var expert = await factory.MemberAsync();
        await w.Admin.AppointAsync(round.Id, expert.Id);
        var materialUrl = $"/api/v1/evaluation-rounds/{round.Id}/studios/{w.StudioId}/materials/summary";

        // The leader's 3,000-character summary; 3,601 characters (4-byte characters count once) is refused.
        await (await w.Leader.Client.PutJsonAsync(materialUrl, new { body = new string('党', 3601) })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "material_too_long");
        await (await w.Members[0].Client.PutJsonAsync(materialUrl, new { body = "总结" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var summary = string.Concat(Enumerable.Repeat("中期进展工作总结𠀋", 300));
        var materials = await (await w.Leader.Client.PutJsonAsync(materialUrl, new { body = summary })).ReadAsync<MaterialDto[]>();
        Assert.Equal(2700, materials.Single().Chars);
        Assert.Equal(summary, (await (await expert.Client.GetAsync($"/api/v1/evaluation-rounds/{round.Id}/studios/{w.StudioId}/materials")).ReadAsync<MaterialDto[]>()).Single().Body);

        // The checklist: no points; one line not met fails the mid-term.
        var sheet = await (await expert.ScoreAsync(round.Id, w.StudioId,
            new { code = "written-report", passed = true }, new { code = "materials-reviewed", passed = false, comment = "月度研讨记录不全" }, new { code = "briefing", passed = true })).ReadAsync<ScoreSheetDto>();
        Assert.Null(sheet.Total);
        Assert.Equal("Fail", sheet.Result);
        Assert.Equal(["materials-reviewed"], sheet.FailedGates);
        (await expert.SubmitAsync(round.Id, w.StudioId)).EnsureSuccessStatusCode();

        // 反馈意见: written by the committee, read and acknowledged by the leader, once.
        var feedbackUrl = $"/api/v1/evaluation-rounds/{round.Id}/studios/{w.StudioId}/feedback";
        await (await w.Leader.Client.PostAsync($"{feedbackUrl}/acknowledge", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        (await w.Admin.Client.PutJsonAsync(feedbackUrl, new { body = "请补齐月度研讨记录，完善佐证材料。" })).EnsureSuccessStatusCode();
        Assert.Equal("请补齐月度研讨记录，完善佐证材料。", (await (await w.Leader.Client.GetAsync(feedbackUrl)).ReadAsync<FeedbackDto>()).Body);
        await (await w.Members[0].Client.PostAsync($"{feedbackUrl}/acknowledge", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var ack = await (await w.Leader.Client.PostAsync($"{feedbackUrl}/acknowledge", null)).ReadAsync<FeedbackDto>();
        Assert.Equal(w.Leader.Id, ack.AcknowledgedBy);
        await (await w.Leader.Client.PostAsync($"{feedbackUrl}/acknowledge", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_acknowledged");
        await (await expert.Client.GetAsync(feedbackUrl)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        // Closing needs the rectification deadline; then the failed studio is Rectifying with the failed line as its item.
        await (await w.Admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{round.Id}/close", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var closed = await (await w.Admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{round.Id}/close", new { rectificationDeadline = "2026-11-30" })).ReadAsync<StudioResultDto[]>();
        Assert.Equal("Active → Rectifying", closed.Single().Lifecycle);
        var stage = await (await w.Leader.Client.GetAsync($"/api/v1/studios/{w.StudioId}/stage")).ReadAsync<StudioStageDto>();
        Assert.Equal(StudioStatus.Rectifying, stage.Status);
        Assert.Equal(["建设成果和佐证材料（未达标）"], stage.Rectifications.Single().RequiredItems!);
        await (await w.Admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{round.Id}/close", new { rectificationDeadline = "2026-11-30" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "round_closed");
        await (await w.Leader.Client.PutJsonAsync(materialUrl, new { body = "补充" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "round_closed");
        await (await w.Admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{round.Id}/studios/{w.StudioId}/excellent", new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_final");
    }

    [Fact]
    public async Task MaomingsYearlyAssessmentIsPassOrFailWithAReason()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-09-20T12:00:00"));
        var w = await factory.LedgerWorldAsync(studioKind: "DualLeader", members: 1, licensedOn: "2026-01-01");
        var round = await w.Admin.RoundAsync(w.ProgrammeId, "YearlyAssessment", Rubrics.MaomingYearly);
        var expert = await factory.MemberAsync();
        await w.Admin.AppointAsync(round.Id, expert.Id);
        await (await expert.ScoreAsync(round.Id, w.StudioId, new { code = "materials", passed = false })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var sheet = await (await expert.ScoreAsync(round.Id, w.StudioId,
            new { code = "materials", passed = true }, new { code = "site-check", passed = true }, new { code = "funds", passed = true })).ReadAsync<ScoreSheetDto>();
        Assert.Equal(("Pass", (decimal?)null), (sheet.Result, sheet.Total));
        (await expert.SubmitAsync(round.Id, w.StudioId)).EnsureSuccessStatusCode();
        var closed = await (await w.Admin.Client.PostJsonAsync($"/api/v1/evaluation-rounds/{round.Id}/close", new { rectificationDeadline = "2026-12-31" })).ReadAsync<StudioResultDto[]>();
        Assert.True(closed.Single().Passed);
        Assert.Equal(StudioStatus.Active, (await (await w.Admin.Client.GetAsync($"/api/v1/studios/{w.StudioId}/stage")).ReadAsync<StudioStageDto>()).Status);
    }
}
