using System.Net;
using System.Text.Json;
using Dapper;
using WeStudio.Api.Features.Applications;
using WeStudio.Api.Features.Lifecycle;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Applications;

public sealed class ApplicationsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static DateOnly Today(ApiFactory factory) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    [Fact]
    public async Task TheLiuzhouBatchWalksFromCallToAcceptanceThroughTheEndpoints()
    {
        var world = await factory.CallWorldAsync();
        var call = await factory.CallAsync(world);
        var applicant = await factory.MemberAsync();

        // 申报: a draft, then submitted.
        var draft = await (await applicant.ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId, "覃丽党建名师工作室"))).ReadAsync<ApplicationDto>();
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        var submitted = await (await applicant.Client.PostAsync($"/api/v1/applications/{draft.Id}/submit", null)).ReadAsync<ApplicationDto>();
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);

        // 推荐 by the county, within its quota of 3.
        var endorsed = await (await world.County.EndorseAsync(draft.Id)).ReadAsync<ApplicationDto>();
        Assert.Equal(ApplicationStatus.Endorsed, endorsed.Status);
        Assert.Equal(world.CountyId, endorsed.QuotaOrgUnitId);
        var callNow = await (await world.County.Client.GetAsync($"/api/v1/calls/{call.Id}")).ReadAsync<CallDto>();
        Assert.Equal(1, callNow.Quotas.Single(q => q.OrgUnitId == world.CountyId).Endorsed);

        // 认定/挂牌: the studio exists, the applicant leads it, the team is invited. Licensed 13 months ago, so build year 2 runs.
        var licensedOn = Today(factory).AddMonths(-13);
        var approved = await (await world.Committee.Client.PostJsonAsync($"/api/v1/applications/{draft.Id}/approve", new { licensedOn, reason = "专家遴选评议通过" }))
            .ReadAsync<ApprovedDto>();
        Assert.Equal(ApplicationStatus.Approved, approved.Application.Status);
        Assert.Equal(StudioStatus.Active, approved.Studio.Status);
        Assert.Equal(applicant.Id, approved.Studio.LeaderId);
        Assert.Equal("覃丽党建名师工作室", approved.Studio.Name);
        Assert.Equal(2, approved.TeamInvitation!.MaxUses);
        var studioId = approved.Studio.Id;
        var member = await factory.MemberAsync();
        var joined = await (await member.Client.PostJsonAsync("/api/v1/studios/join", new { code = approved.TeamInvitation.Code })).ReadAsync<JoinedStudioDto>();
        Assert.Equal(StudioRole.Member, joined.Role);
        var stage = await (await applicant.Client.GetAsync($"/api/v1/studios/{studioId}/stage")).ReadAsync<StudioStageDto>();
        Assert.Equal(licensedOn, stage.LicensedOn);
        Assert.Equal(2, stage.BuildYear);

        // 年度考核 不合格 → 限期整改, with the build year's ledger attached.
        var assessed = await (await world.Committee.Client.PostJsonAsync($"/api/v1/studios/{studioId}/assessments", new
        {
            buildYear = 1, result = "Fail", fundingDecision = "Withheld", fundingAmount = 0m, reason = "月度研讨缺3次",
            rectificationDeadline = Today(factory).AddDays(30), requiredItems = new[] { "补齐每月党建专题研讨", "提交年度建设进展报告" },
        })).ReadAsync<StudioStageDto>();
        Assert.Equal(StudioStatus.Rectifying, assessed.Status);
        var assessment = Assert.Single(assessed.Assessments);
        Assert.Equal(AssessmentResult.Fail, assessment.Result);
        var ledgers = assessment.LedgerEvidence.GetProperty("ledgers");
        Assert.Equal(2, ledgers.GetArrayLength()); // build year 1 spans two calendar years
        Assert.All(ledgers.EnumerateArray(), l => Assert.Equal(studioId, l.GetProperty("studioId").GetGuid()));
        Assert.Equal(RectificationStatus.Open, assessed.Rectifications[0].Status);
        await (await world.Committee.Client.PostJsonAsync($"/api/v1/studios/{studioId}/assessments", new { buildYear = 1, result = "Pass" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_transition");

        // The leader reports; the committee closes it: back to Active.
        await (await world.Committee.Client.PostJsonAsync($"/api/v1/studios/{studioId}/rectification/close", new { reason = "整改到位" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_missing");
        var reported = await (await applicant.Client.PostJsonAsync($"/api/v1/studios/{studioId}/rectification/report", new
        {
            report = "已补开3次月度研讨并提交进展报告。", links = new[] { "https://example.org/整改报告.pdf" },
        })).ReadAsync<StudioStageDto>();
        Assert.Equal(RectificationStatus.Reported, reported.Rectifications[0].Status);
        var closed = await (await world.Committee.Client.PostJsonAsync($"/api/v1/studios/{studioId}/rectification/close", new { reason = "整改到位" }))
            .ReadAsync<StudioStageDto>();
        Assert.Equal(StudioStatus.Active, closed.Status);
        Assert.Equal(RectificationStatus.Closed, closed.Rectifications[0].Status);

        // 验收: the leader's final materials, the committee's 达标结项.
        await (await world.Committee.Client.PostJsonAsync($"/api/v1/studios/{studioId}/acceptance/decision", new { result = "Passed" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "acceptance_missing");
        await (await applicant.Client.PostJsonAsync($"/api/v1/studios/{studioId}/acceptance", new
        {
            summaryReport = "两年建设总结", achievementsCompilation = "成果汇编：制度机制3项、典型案例2个", links = Array.Empty<string>(),
        })).ReadAsync<StudioStageDto>();
        await (await applicant.Client.PostJsonAsync($"/api/v1/studios/{studioId}/acceptance", new { summaryReport = "再交一次", achievementsCompilation = "汇编" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_submitted");
        var completed = await (await world.Committee.Client.PostJsonAsync($"/api/v1/studios/{studioId}/acceptance/decision", new { result = "Passed", reason = "评定达标，予以结项" }))
            .ReadAsync<StudioStageDto>();
        Assert.Equal(StudioStatus.Completed, completed.Status);
        Assert.Equal(AcceptanceResult.Passed, completed.Acceptance!.Result);

        // Every transition is audited: who, from, to.
        Assert.Equal(
            ["License", "AssessFail", "ReportRectification", "CloseRectification", "SubmitAcceptance", "AcceptPassed"],
            completed.History.Select(h => h.Action));
        var fail = completed.History.Single(h => h.Action == "AssessFail");
        Assert.Equal(("Active", "Rectifying", "Admin", world.Committee.Id, "月度研讨缺3次"), (fail.FromState, fail.ToState, fail.ActorKind, fail.ActorId, fail.Reason));
        Assert.Equal(("Member", applicant.Id), (completed.History.Single(h => h.Action == "ReportRectification").ActorKind, completed.History.Single(h => h.Action == "ReportRectification").ActorId));
        var application = await (await applicant.Client.GetAsync($"/api/v1/applications/{draft.Id}")).ReadAsync<ApplicationDto>();
        Assert.Equal(["Create", "Submit", "Endorse", "Approve"], application.History.Select(h => h.Action));
        Assert.Equal(studioId, application.StudioId);
        // A completed studio takes no more transitions.
        await (await world.Committee.Client.PostJsonAsync($"/api/v1/studios/{studioId}/rectifications", new
        {
            deadline = Today(factory).AddDays(10), requiredItems = new[] { "x" }, reason = "y",
        })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task ASecondApplicationByTheSamePersonIsRefusedButAnotherKindIsAllowed()
    {
        var world = await factory.CallWorldAsync();
        var call = await factory.CallAsync(world);
        var applicant = await factory.MemberAsync();
        await (await applicant.ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId))).ReadAsync<ApplicationDto>();

        var second = await applicant.ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId));

        await second.ShouldBeProblemAsync(HttpStatusCode.Conflict, "application_limit");
        // 三(三): who qualifies for both kinds applies for both (the other kind is another programme's call).
        var other = await factory.CallWorldAsync("BranchSecretary");
        var otherCall = await factory.CallAsync(other);
        var both = await applicant.ApplyAsync(otherCall.Id, new
        {
            studioName = "景行小学第一党支部名师党支部书记工作室", hostOrgUnitId = other.SchoolId,
            leader = new { branchFoundedOn = "2015-03-01", isBranchSecretary = true },
        });
        Assert.Equal(HttpStatusCode.Created, both.StatusCode);
        Assert.Single(await (await applicant.Client.GetAsync("/api/v1/me/applications")).ReadAsync<ApplicationDto[]>(), a => a.CallId == call.Id);
    }

    [Fact]
    public async Task AnApplicationAfterTheDeadlineIsRefusedAsCallClosed()
    {
        var factory2 = new ApiFactory();
        await factory2.InitializeAsync();
        try
        {
            var world = await factory2.CallWorldAsync();
            var call = await factory2.CallAsync(world, closesIn: TimeSpan.FromHours(1));
            var early = await factory2.MemberAsync();
            var draft = await (await early.ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId))).ReadAsync<ApplicationDto>();
            factory2.Clock.Advance(TimeSpan.FromHours(2));
            var late = await factory2.MemberAsync();

            await (await late.ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "call_closed");
            await (await early.Client.PostAsync($"/api/v1/applications/{draft.Id}/submit", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "call_closed");
            Assert.DoesNotContain(await (await late.Client.GetAsync("/api/v1/calls")).ReadAsync<CallDto[]>(), c => c.Id == call.Id);
            Assert.Equal(1, await factory2.TransitionsAsync(draft.Id)); // only its creation
        }
        finally
        {
            await ((IAsyncLifetime)factory2).DisposeAsync();
        }
    }

    [Fact]
    public async Task AnEndorsementOverQuotaAndAnApprovalOfANonEndorsedApplicationAreRefused()
    {
        var world = await factory.CallWorldAsync();
        var call = await factory.CallAsync(world, collegeQuota: 1);
        var collegeAdmin = await factory.AdminOfAsync(world.CollegeId);
        var first = await (await factory.MemberAsync()).SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.CollegeId));
        var second = await (await factory.MemberAsync()).SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.CollegeId));
        await (await collegeAdmin.EndorseAsync(first.Id)).ReadAsync<ApplicationDto>();

        await (await collegeAdmin.EndorseAsync(second.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "quota_exceeded");
        await (await world.Committee.Client.PostJsonAsync($"/api/v1/applications/{second.Id}/approve", new { licensedOn = "2023-11-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_endorsed");

        var after = await (await world.Committee.Client.GetAsync($"/api/v1/applications/{second.Id}")).ReadAsync<ApplicationDto>();
        Assert.Equal(ApplicationStatus.Submitted, after.Status);
        Assert.Null(after.StudioId);
        Assert.Equal(["Create", "Submit"], after.History.Select(h => h.Action));
        // The county admin cannot endorse outside its subtree; a draft cannot be endorsed; only the committee approves.
        await (await world.County.EndorseAsync(second.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var draft = await (await (await factory.MemberAsync()).ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId))).ReadAsync<ApplicationDto>();
        await (await world.County.EndorseAsync(draft.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        var submitted = await (await factory.MemberAsync()).SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId));
        await (await world.County.EndorseAsync(submitted.Id)).ReadAsync<ApplicationDto>();
        await (await world.County.EndorseAsync(submitted.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await (await world.County.Client.PostJsonAsync($"/api/v1/applications/{submitted.Id}/approve", new { licensedOn = "2023-11-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task TheCallsTotalQuotaBoundsEveryCountyTogether()
    {
        var world = await factory.CallWorldAsync();
        var call = await factory.CallAsync(world, countyQuota: 3, collegeQuota: 1, totalQuota: 1);
        var collegeAdmin = await factory.AdminOfAsync(world.CollegeId);
        var county = await (await factory.MemberAsync()).SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId));
        var college = await (await factory.MemberAsync()).SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.CollegeId));
        await (await world.County.EndorseAsync(county.Id)).ReadAsync<ApplicationDto>();

        var body = await (await collegeAdmin.EndorseAsync(college.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "quota_exceeded");

        Assert.Contains("1 places", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TwoCountyAdminsEndorsingTheLastPlaceAtOnceExactlyOneSucceeds()
    {
        for (var round = 0; round < 5; round++)
        {
            var world = await factory.CallWorldAsync();
            var call = await factory.CallAsync(world, countyQuota: 1);
            var otherCountyAdmin = await factory.AdminOfAsync(world.CountyId);
            var a = await (await factory.MemberAsync()).SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId));
            var b = await (await factory.MemberAsync()).SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId));

            var responses = await Task.WhenAll(world.County.EndorseAsync(a.Id), otherCountyAdmin.EndorseAsync(b.Id));

            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            await responses.Single(r => r.StatusCode != HttpStatusCode.OK).ShouldBeProblemAsync(HttpStatusCode.Conflict, "quota_exceeded");
            await using var conn = await factory.Database.OpenConnectionAsync();
            Assert.Equal(1, await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM applications WHERE call_id = @id AND status = 'Endorsed'", new { id = call.Id }));
            Assert.Equal(1, await conn.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM stage_transitions t JOIN applications a ON a.id = t.subject_id WHERE a.call_id = @id AND t.action = 'Endorse'", new { id = call.Id }));
        }
    }

    [Fact]
    public async Task TheCommitteeRejectsWithAReasonTheApplicantSees()
    {
        var world = await factory.CallWorldAsync();
        var call = await factory.CallAsync(world);
        var applicant = await factory.MemberAsync();
        var application = await applicant.SubmittedAsync(call.Id, LifecycleWorld.LiuzhouForm(world.SchoolId));
        await (await world.County.EndorseAsync(application.Id)).ReadAsync<ApplicationDto>();

        await (await world.Committee.Client.PostJsonAsync($"/api/v1/applications/{application.Id}/reject", new { reason = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await world.County.Client.PostJsonAsync($"/api/v1/applications/{application.Id}/reject", new { reason = "县区不再推荐" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await (await world.Committee.Client.PostJsonAsync($"/api/v1/applications/{application.Id}/reject", new { reason = "研究成果不足，建议下批次再申报" }))
            .ReadAsync<ApplicationDto>();

        var mine = Assert.Single(await (await applicant.Client.GetAsync("/api/v1/me/applications")).ReadAsync<ApplicationDto[]>());
        Assert.Equal(ApplicationStatus.Rejected, mine.Status);
        Assert.Equal("研究成果不足，建议下批次再申报", mine.DecisionReason);
        var stranger = await factory.MemberAsync();
        await (await stranger.Client.GetAsync($"/api/v1/applications/{application.Id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    public static TheoryData<string, object> LiuzhouRefusals => new()
    {
        { "branch_too_young", new { kind = "BranchSecretary", leader = new { branchFoundedOn = "2021-09-01", isBranchSecretary = true }, team = 2 } },
        { "not_branch_secretary", new { kind = "BranchSecretary", leader = new { branchFoundedOn = "2015-09-01", isBranchSecretary = false }, team = 2 } },
        { "team_too_large", new { kind = "BranchSecretary", leader = new { branchFoundedOn = "2015-09-01", isBranchSecretary = true }, team = 11 } },
        { "leader_not_qualified", new { kind = "PartyBuildingMaster", leader = new { hasServedAsBranchSecretary = false, isIdeologyTeacher = false }, team = 2 } },
    };

    [Theory]
    [MemberData(nameof(LiuzhouRefusals))]
    public async Task ALiuzhouApplicantIsRefusedByTheRuleTheyBreak(string code, object spec)
    {
        var s = JsonSerializer.SerializeToElement(spec);
        var world = await factory.CallWorldAsync(s.GetProperty("kind").GetString()!);
        var call = await factory.CallAsync(world, issuedOn: "2023-08-01");
        var applicant = await factory.MemberAsync();
        var draft = await (await applicant.ApplyAsync(call.Id, new
        {
            studioName = $"工作室-{Guid.NewGuid():N}"[..20], hostOrgUnitId = world.SchoolId, leader = s.GetProperty("leader"),
            team = Enumerable.Range(1, s.GetProperty("team").GetInt32()).Select(i => new { name = $"成员{i}" }).ToArray(),
        })).ReadAsync<ApplicationDto>();

        var body = await (await applicant.Client.PostAsync($"/api/v1/applications/{draft.Id}/submit", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, code);

        Assert.Contains("柳州", body.GetProperty("detail").GetString());
        var after = await (await applicant.Client.GetAsync($"/api/v1/applications/{draft.Id}")).ReadAsync<ApplicationDto>();
        Assert.Equal(ApplicationStatus.Draft, after.Status);
    }

    /// <summary>A Gansu school applicant who meets every rule, with one fact changed per refusal.</summary>
    private static object GansuForm(Guid hostId, string? level = "School", string secretarySince = "2019-03-01", string birthDate = "1980-05-01",
        string title = "Intermediate", int merits = 3, decimal venue = 20m, string branch = "景行小学第一党支部", string? name = null) => new
    {
        studioName = name ?? $"{branch}“双优”党支部书记工作室",
        hostOrgUnitId = hostId,
        leader = new { schoolLevel = level, secretarySince, birthDate, title, venueSquareMetres = venue, branchFullName = branch },
        merits = Enumerable.Range(1, merits).Select(n => new { number = n, evidence = $"证明材料{n}.pdf" }).ToArray(),
        team = new[] { new { name = "成员1", role = "成员", title = "一级教师" } },
    };

    public static TheoryData<string, string, string, string, string, int, decimal, bool> GansuRefusals => new()
    {
        // code, level, secretarySince, birthDate, title, merits, venue, renamed
        { "secretary_tenure_too_short", "School", "2021-01-01", "1980-05-01", "Intermediate", 3, 20m, false },
        { "over_age_limit", "School", "2019-03-01", "1972-05-01", "Intermediate", 3, 20m, false },
        { "over_age_limit", "University", "2019-03-01", "1977-05-01", "AssociateSenior", 3, 20m, false },
        { "title_too_low", "School", "2019-03-01", "1980-05-01", "Junior", 3, 20m, false },
        { "title_too_low", "University", "2019-03-01", "1985-05-01", "Intermediate", 3, 20m, false },
        { "too_few_merits", "School", "2019-03-01", "1980-05-01", "Intermediate", 2, 20m, false },
        { "venue_too_small", "School", "2019-03-01", "1980-05-01", "Intermediate", 3, 12.5m, false },
        { "name_not_branch", "School", "2019-03-01", "1980-05-01", "Intermediate", 3, 20m, true },
    };

    [Theory]
    [MemberData(nameof(GansuRefusals))]
    public async Task AGansuApplicantIsRefusedForEachEligibilityRule(string code, string level, string since, string born, string title, int merits, decimal venue, bool renamed)
    {
        var world = await factory.CallWorldAsync("DualExcellence", cycleYears: 3);
        var call = await factory.CallAsync(world, rules: "Gansu", issuedOn: "2023-06-01");
        var applicant = await factory.MemberAsync();
        var draft = await (await applicant.ApplyAsync(call.Id,
            GansuForm(world.SchoolId, level, since, born, title, merits, venue, name: renamed ? "先锋工作室" : null))).ReadAsync<ApplicationDto>();

        var body = await (await applicant.Client.PostAsync($"/api/v1/applications/{draft.Id}/submit", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, code);

        Assert.Contains("甘肃", body.GetProperty("detail").GetString());
        Assert.Single(body.GetProperty("errors").EnumerateObject()); // only the one rule is broken
    }

    [Fact]
    public async Task AGansuApplicantWhoDoesNotSayUniversityOrSchoolIsRefusedAsSchoolLevelMissing()
    {
        var world = await factory.CallWorldAsync("DualExcellence", cycleYears: 3);
        var call = await factory.CallAsync(world, rules: "Gansu", issuedOn: "2023-06-01");
        var applicant = await factory.MemberAsync();
        var draft = await (await applicant.ApplyAsync(call.Id, GansuForm(world.SchoolId, level: null))).ReadAsync<ApplicationDto>();

        await (await applicant.Client.PostAsync($"/api/v1/applications/{draft.Id}/submit", null))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "school_level_missing");
        var still = await (await applicant.Client.GetAsync($"/api/v1/applications/{draft.Id}")).ReadAsync<ApplicationDto>();
        Assert.Equal(ApplicationStatus.Draft, still.Status);
    }

    [Fact]
    public async Task AGansuApplicantWhoMeetsEveryRuleIsReviewedPubliclyNoticedDefendedAndSelected()
    {
        var world = await factory.CallWorldAsync("DualExcellence", cycleYears: 3);
        var call = await factory.CallAsync(world, rules: "Gansu", issuedOn: "2023-06-01");
        var applicant = await factory.MemberAsync();
        // A university leader at exactly 45 with 副高 and three of list 四(三).
        var application = await applicant.SubmittedAsync(call.Id, GansuForm(world.SchoolId, "University", "2020-06-01", "1978-06-01", "AssociateSenior"));
        Assert.Equal(ApplicationStatus.Submitted, application.Status);

        // 五(二): 初评 and 公示 before recommendation.
        await (await world.County.EndorseAsync(application.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "review_pending");
        await (await world.County.Client.PostJsonAsync($"/api/v1/applications/{application.Id}/reviews", new
        {
            stage = "PreliminaryReview", startsOn = "2023-07-01", endsOn = "2023-07-05", outcome = "Passed", note = "市州初评通过",
        })).ReadAsync<ApplicationDto>();
        await (await world.County.Client.PostJsonAsync($"/api/v1/applications/{application.Id}/reviews", new
        {
            stage = "PublicNotice", startsOn = "2023-07-06", endsOn = "2023-07-12", outcome = "Passed", note = "公示无异议",
        })).ReadAsync<ApplicationDto>();
        await (await world.County.Client.PostJsonAsync($"/api/v1/applications/{application.Id}/reviews", new
        {
            stage = "Defence", startsOn = "2023-07-06", endsOn = "2023-07-05", outcome = "Passed",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await world.County.EndorseAsync(application.Id)).ReadAsync<ApplicationDto>();

        // 五(三): expert review with defence before selection, by the committee only.
        await (await world.Committee.Client.PostJsonAsync($"/api/v1/applications/{application.Id}/approve", new { licensedOn = "2023-09-01" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "review_pending");
        await (await world.County.Client.PostJsonAsync($"/api/v1/applications/{application.Id}/reviews", new
        {
            stage = "Defence", startsOn = "2023-08-10", endsOn = "2023-08-10", outcome = "Passed",
        })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var defended = await (await world.Committee.Client.PostJsonAsync($"/api/v1/applications/{application.Id}/reviews", new
        {
            stage = "Defence", startsOn = "2023-08-10", endsOn = "2023-08-10", outcome = "Passed", note = "答辩通过",
        })).ReadAsync<ApplicationDto>();
        Assert.Equal([ReviewStage.PreliminaryReview, ReviewStage.PublicNotice, ReviewStage.Defence], defended.Reviews.Select(r => r.Stage));
        var approved = await (await world.Committee.Client.PostJsonAsync($"/api/v1/applications/{application.Id}/approve", new { licensedOn = "2023-09-01" }))
            .ReadAsync<ApprovedDto>();
        Assert.Equal("景行小学第一党支部“双优”党支部书记工作室", approved.Studio.Name);
    }

    [Fact]
    public async Task AWenzhouApplicantMustAlreadyLeadACityMasterStudioAndHaveTenMembers()
    {
        var world = await factory.CallWorldAsync("PioneerMember", teamCap: 30);
        var call = await factory.CallAsync(world, rules: "Wenzhou", issuedOn: "2022-06-01");
        var applicant = await factory.MemberAsync();
        var draft = await (await applicant.ApplyAsync(call.Id, new
        {
            studioName = "教育先锋党员工作室", hostOrgUnitId = world.SchoolId, leader = new { cityMasterStudio = "" },
            team = Enumerable.Range(1, 9).Select(i => new { name = $"成员{i}" }).ToArray(),
        })).ReadAsync<ApplicationDto>();

        var body = await (await applicant.Client.PostAsync($"/api/v1/applications/{draft.Id}/submit", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "no_city_master_studio");
        Assert.True(body.GetProperty("errors").TryGetProperty("team", out _)); // team_too_small as well

        await (await applicant.Client.PutJsonAsync($"/api/v1/applications/{draft.Id}", new
        {
            studioName = "教育先锋党员工作室", hostOrgUnitId = world.SchoolId, leader = new { cityMasterStudio = "温州市名师工作室（小学数学）" },
            team = Enumerable.Range(1, 10).Select(i => new { name = $"成员{i}" }).ToArray(),
        })).ReadAsync<ApplicationDto>();
        var submitted = await (await applicant.Client.PostAsync($"/api/v1/applications/{draft.Id}/submit", null)).ReadAsync<ApplicationDto>();
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        await (await applicant.Client.PutJsonAsync($"/api/v1/applications/{draft.Id}", new { studioName = "改名", hostOrgUnitId = world.SchoolId }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task BadFormsAndCallsAreRefusedWithTheField()
    {
        var world = await factory.CallWorldAsync();
        var call = await factory.CallAsync(world);
        var applicant = await factory.MemberAsync();

        var body = await (await applicant.ApplyAsync(call.Id, new { studioName = "", hostOrgUnitId = world.SchoolId, links = new[] { "http://insecure.example" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("studioName", out _));
        Assert.True(body.GetProperty("errors").TryGetProperty("links[0]", out _));
        await (await applicant.ApplyAsync(call.Id, LifecycleWorld.LiuzhouForm(Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await applicant.ApplyAsync(Guid.NewGuid(), LifecycleWorld.LiuzhouForm(world.SchoolId))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await world.County.Client.PostJsonAsync($"/api/v1/programmes/{world.ProgrammeId}/calls", new
        {
            title = "越权", rules = "Liuzhou", issuedOn = "2023-08-01", closesAt = "2023-09-15T00:00:00Z", applicationsPerPerson = 1,
        })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await world.Committee.Client.PostJsonAsync($"/api/v1/programmes/{world.ProgrammeId}/calls", new
        {
            title = "坏配额", rules = "Liuzhou", issuedOn = "2023-08-01", closesAt = "2023-09-15T00:00:00Z", applicationsPerPerson = 0,
            quotas = new[] { new { orgUnitId = world.CountyId, quota = -1 } },
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
