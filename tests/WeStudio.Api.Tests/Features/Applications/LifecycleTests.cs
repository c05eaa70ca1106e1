using System.Net;
using System.Text.Json;
using Dapper;
using WeStudio.Api.Features.Lifecycle;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Tests.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Applications;

public sealed class LifecycleTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(factory.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

    private Task<HttpResponseMessage> RectifyAsync(StudioWorld world) =>
        world.Admin.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/rectifications", new
        {
            deadline = Today.AddDays(30), requiredItems = new[] { "补齐月度研讨记录" }, reason = "中期评估不合格",
        });

    [Fact]
    public async Task ARevokedStudioKeepsItsHistoryReadOnlyAndItsMembersCanNoLongerCheckIn()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        await (await world.Admin.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/revoke", new { reason = "整改不到位" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        Assert.Equal(StudioStatus.Rectifying, (await (await RectifyAsync(world)).ReadAsync<StudioStageDto>()).Status);

        await (await world.Admin.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/revoke", new { reason = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var revoked = await (await world.Admin.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/revoke", new { reason = "整改不到位，撤销立项" }))
            .ReadAsync<StudioStageDto>();

        Assert.Equal(StudioStatus.Revoked, revoked.Status);
        Assert.Equal(RectificationStatus.Revoked, revoked.Rectifications[0].Status);
        var last = revoked.History[^1];
        Assert.Equal(("Revoke", "Rectifying", "Revoked", world.Admin.Id, "整改不到位，撤销立项"), (last.Action, last.FromState, last.ToState, last.ActorId, last.Reason));
        await (await world.Members[0].ScanAsync(code.Token)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "not_member");
        // Read-only: the leader still reads it, but leads it no more.
        Assert.Equal(StudioStatus.Revoked, (await (await world.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}")).ReadAsync<StudioDto>()).Status);
        await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/invitations", new { maxUses = 1, expiresInHours = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await world.Leader.OpenAsync(activity.Id)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await RectifyAsync(world)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
    }

    [Fact]
    public async Task TheLedgerAndTheOverviewShowTheStageAndTheOverviewFiltersByIt()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var (second, _) = await factory.StudioAsync(world.Admin, world.ProgrammeId, world.SchoolId);
        var year = DateTimeOffset.UtcNow.Year;
        var before = await (await world.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={world.ProgrammeId}&period={year}&stage=Rectifying")).ReadAsync<JsonElement>();
        Assert.Equal(0, before.GetProperty("total").GetInt32());

        Assert.Equal(StudioStatus.Rectifying, (await (await RectifyAsync(world)).ReadAsync<StudioStageDto>()).Status);

        var rectifying = await (await world.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={world.ProgrammeId}&period={year}&stage=Rectifying")).ReadAsync<JsonElement>();
        var row = Assert.Single(rectifying.GetProperty("items").EnumerateArray());
        Assert.Equal((world.StudioId, "Rectifying"), (row.GetProperty("studioId").GetGuid(), row.GetProperty("status").GetString()));
        var active = await (await world.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={world.ProgrammeId}&period={year}&stage=Active")).ReadAsync<JsonElement>();
        Assert.Equal([second], active.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("studioId").GetGuid()));
        var ledger = await (await world.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}/ledger")).ReadAsync<JsonElement>();
        Assert.Equal("Rectifying", ledger.GetProperty("status").GetString());
        await (await world.Admin.Client.GetAsync($"/api/v1/ledger?programmeId={world.ProgrammeId}&stage=Closed")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task ALeaderChangeNeedsTheCommitteeAndSwapsTheRoles()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var successor = world.Members[0];
        var outsider = await factory.MemberAsync();
        var url = $"/api/v1/studios/{world.StudioId}/leader-change";

        await (await world.Leader.Client.PostJsonAsync(url, new { successorId = outsider.Id, reason = "工作调动" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "successor_not_member");
        await (await successor.Client.PostJsonAsync(url, new { successorId = world.Leader.Id, reason = "工作调动" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await world.Admin.Client.PostJsonAsync($"{url}/decision", new { approve = true }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "no_pending_change");
        await (await world.Leader.Client.PostJsonAsync(url, new { successorId = successor.Id, reason = "工作调动，经学校党组织同意" })).ReadAsync<StudioStageDto>();
        await (await world.Leader.Client.PostJsonAsync(url, new { successorId = successor.Id, reason = "再次申请" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "leader_change_pending");
        // Nothing changed hands yet, and no admin hands it over by invitation.
        Assert.Equal(world.Leader.Id, (await (await world.Admin.Client.GetAsync($"/api/v1/studios/{world.StudioId}")).ReadAsync<StudioDto>()).LeaderId);
        await (await world.Admin.Client.PostAsync($"/api/v1/studios/{world.StudioId}/leader-invitation", null))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "leader_change_required");

        var decided = await (await world.Admin.Client.PostJsonAsync($"{url}/decision", new { approve = true, reason = "省委教育工委审批同意" })).ReadAsync<StudioStageDto>();

        Assert.Equal("Approved", decided.LeaderChanges[0].Status);
        var studio = await (await world.Admin.Client.GetAsync($"/api/v1/studios/{world.StudioId}")).ReadAsync<StudioDto>();
        Assert.Equal(successor.Id, studio.LeaderId);
        var members = await (await successor.Client.GetAsync($"/api/v1/studios/{world.StudioId}/members")).ReadAsync<StudioMemberDto[]>();
        Assert.Contains(members, m => m.MemberId == world.Leader.Id && m.Role == StudioRole.Member);
        Assert.Equal(["RequestLeaderChange", "ApproveLeaderChange"], decided.History.Select(h => h.Action));
    }

    [Fact]
    public async Task TransitionsRefuseTheWrongStateTheWrongRoleAndWriteNothing()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var stageUrl = $"/api/v1/studios/{world.StudioId}";
        var other = await factory.StudioWorldAsync(members: 0);

        // Wrong state: nothing to report, close or decide on an Active studio.
        await (await world.Leader.Client.PostJsonAsync($"{stageUrl}/rectification/report", new { report = "报告" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        await (await world.Admin.Client.PostJsonAsync($"{stageUrl}/rectification/close", new { reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "invalid_transition");
        // Wrong role: the leader does not assess, another committee does not rectify, a member does not report.
        await (await world.Leader.Client.PostJsonAsync($"{stageUrl}/assessments", new { buildYear = 1, result = "Pass" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.Admin.Client.PostJsonAsync($"{stageUrl}/rectifications", new { deadline = Today.AddDays(5), requiredItems = new[] { "x" }, reason = "y" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        // The build year must have begun; a Fail needs its rectification; the acceptance waits for the last build year.
        await (await world.Admin.Client.PostJsonAsync($"{stageUrl}/assessments", new { buildYear = 2, result = "Pass" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await world.Admin.Client.PostJsonAsync($"{stageUrl}/assessments", new { buildYear = 1, result = "Fail" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await world.Leader.Client.PostJsonAsync($"{stageUrl}/acceptance", new { summaryReport = "总结", achievementsCompilation = "汇编" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "acceptance_too_early");
        Assert.Equal(0, await factory.TransitionsAsync(world.StudioId));

        var passed = await (await world.Admin.Client.PostJsonAsync($"{stageUrl}/assessments", new
        {
            buildYear = 1, result = "Pass", fundingDecision = "Granted", fundingAmount = 20000m,
        })).ReadAsync<StudioStageDto>();
        Assert.Equal(StudioStatus.Active, passed.Status);
        Assert.Equal((FundingDecision.Granted, 20000m), (passed.Assessments[0].FundingDecision!.Value, passed.Assessments[0].FundingAmount!.Value));
        await (await world.Admin.Client.PostJsonAsync($"{stageUrl}/assessments", new { buildYear = 1, result = "Pass" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_assessed");
        await (await world.Members[0].Client.PostJsonAsync($"{stageUrl}/rectification/report", new { report = "报告" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM assessments WHERE studio_id = @id", new { id = world.StudioId }));
        Assert.Equal(1, await factory.TransitionsAsync(world.StudioId));
    }
}
