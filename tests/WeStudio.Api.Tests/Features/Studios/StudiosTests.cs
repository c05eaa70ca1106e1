using System.Net;
using System.Text.Json;
using Dapper;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Studios;

public sealed class StudiosTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task ALeaderJoinsWithTheLeaderInvitationAndMembersWithTheirs()
    {
        var world = await factory.StudioWorldAsync(members: 2);

        var studio = await (await world.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}")).ReadAsync<StudioDto>();
        var members = await (await world.Admin.Client.GetAsync($"/api/v1/studios/{world.StudioId}/members")).ReadAsync<StudioMemberDto[]>();

        Assert.Equal(world.Leader.Id, studio.LeaderId);
        Assert.Equal(2, studio.MemberCount);
        Assert.Equal(StudioStatus.Active, studio.Status);
        Assert.Equal(3, members.Length);
        Assert.Equal(StudioRole.Leader, members[0].Role);
    }

    [Fact]
    public async Task JoiningPastTheTeamCapIsRefusedAsTeamFull()
    {
        var world = await factory.StudioWorldAsync(members: 2, teamCap: 2);
        var code = await world.Leader.InvitationAsync(world.StudioId);
        var third = await factory.MemberAsync();

        var response = await third.Client.PostJsonAsync("/api/v1/studios/join", new { code });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "team_full");
        var forbidden = await third.Client.GetAsync($"/api/v1/studios/{world.StudioId}");
        await forbidden.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task ConcurrentJoinsNeverExceedTheTeamCap()
    {
        var world = await factory.StudioWorldAsync(members: 0, teamCap: 5);
        var code = await world.Leader.InvitationAsync(world.StudioId, maxUses: 100);
        var people = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => factory.MemberAsync()));

        var responses = await Task.WhenAll(people.Select(p => p.Client.PostJsonAsync("/api/v1/studios/join", new { code })));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        await using var conn = await factory.Database.OpenConnectionAsync();
        var rows = await conn.ExecuteScalarAsync<int>("SELECT count(*) FROM studio_memberships WHERE studio_id = @id AND role = 'Member' AND removed_at IS NULL", new { id = world.StudioId });
        Assert.Equal(5, rows);
    }

    [Fact]
    public async Task AnExpiredOrUsedUpInvitationIsRefusedAsInvitationExpired()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var once = await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/invitations", new { maxUses = 1, expiresInHours = 1 })).ReadAsync<InvitationDto>();
        Assert.Equal(HttpStatusCode.OK, (await (await factory.MemberAsync()).Client.PostJsonAsync("/api/v1/studios/join", new { code = once.Code })).StatusCode);

        var usedUp = await (await factory.MemberAsync()).Client.PostJsonAsync("/api/v1/studios/join", new { code = once.Code });
        await usedUp.ShouldBeProblemAsync(HttpStatusCode.Conflict, "invitation_expired");

        var hourly = await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/invitations", new { maxUses = 5, expiresInHours = 1 })).ReadAsync<InvitationDto>();
        var late = await factory.MemberAsync();
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        try
        {
            var expired = await late.Client.PostJsonAsync("/api/v1/studios/join", new { code = hourly.Code });
            await expired.ShouldBeProblemAsync(HttpStatusCode.Conflict, "invitation_expired");
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(-61));
        }
    }

    [Fact]
    public async Task CodesAreReadForgivinglyAndUnknownOrMalformedCodesAreRefused()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var code = await world.Leader.InvitationAsync(world.StudioId);
        var typed = code.Replace("-", " ").ToLowerInvariant();
        Assert.Equal(HttpStatusCode.OK, (await (await factory.MemberAsync()).Client.PostJsonAsync("/api/v1/studios/join", new { code = typed })).StatusCode);

        var member = await factory.MemberAsync();
        await (await member.Client.PostJsonAsync("/api/v1/studios/join", new { code = "2222-2222-2222" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "invitation_not_found");
        await (await member.Client.PostJsonAsync("/api/v1/studios/join", new { code = "not a code" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await member.Client.PostJsonAsync("/api/v1/studios/join", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task JoiningTwiceChangesNothingAndSpendsNoUse()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var invitation = await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/invitations", new { maxUses = 5, expiresInHours = 1 })).ReadAsync<InvitationDto>();
        var member = await factory.MemberAsync();
        Assert.Equal(HttpStatusCode.OK, (await member.Client.PostJsonAsync("/api/v1/studios/join", new { code = invitation.Code })).StatusCode);

        var again = await (await member.Client.PostJsonAsync("/api/v1/studios/join", new { code = invitation.Code })).ReadAsync<JoinedStudioDto>();

        Assert.Equal(StudioRole.Member, again.Role);
        Assert.Equal(1, again.Studio.MemberCount);
        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("SELECT used_count FROM invitations WHERE studio_id = @id AND role = 'Member'", new { id = world.StudioId }));
    }

    [Fact]
    public async Task AMemberOfOneStudioCannotReadAnother()
    {
        var a = await factory.StudioWorldAsync(members: 1);
        var b = await factory.StudioWorldAsync(members: 1);

        await (await a.Members[0].Client.GetAsync($"/api/v1/studios/{b.StudioId}/members")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Members[0].Client.GetAsync($"/api/v1/studios/{b.StudioId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Members[0].Client.GetAsync($"/api/v1/studios/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ALeaderCannotManageAnotherStudioAndAMemberCannotInvite()
    {
        var a = await factory.StudioWorldAsync(members: 1);
        var b = await factory.StudioWorldAsync(members: 1);

        await (await a.Leader.Client.PostJsonAsync($"/api/v1/studios/{b.StudioId}/invitations", new { maxUses = 1, expiresInHours = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Leader.Client.DeleteAsync($"/api/v1/studios/{b.StudioId}/members/{b.Members[0].Id}"))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Members[0].Client.PostJsonAsync($"/api/v1/studios/{a.StudioId}/invitations", new { maxUses = 1, expiresInHours = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Leader.Client.PostJsonAsync($"/api/v1/studios/{a.StudioId}/invitations", new { maxUses = 0, expiresInHours = 9999 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AnAdminSeesOnlyStudiosInTheirSubtree()
    {
        var a = await factory.StudioWorldAsync(members: 0);
        var b = await factory.StudioWorldAsync(members: 0);

        var own = await (await a.Admin.Client.GetAsync("/api/v1/studios")).ReadAsync<StudioDto[]>();
        Assert.Contains(own, s => s.Id == a.StudioId);
        Assert.DoesNotContain(own, s => s.Id == b.StudioId);
        await (await a.Admin.Client.GetAsync($"/api/v1/studios/{b.StudioId}/members")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Admin.Client.PostAsync($"/api/v1/studios/{b.StudioId}/leader-invitation", null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Admin.Client.PostJsonAsync($"/api/v1/programmes/{b.ProgrammeId}/studios", new { name = "越界工作室", hostOrgUnitId = a.SchoolId }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await a.Admin.Client.PostJsonAsync($"/api/v1/programmes/{a.ProgrammeId}/studios", new { name = "越界工作室", hostOrgUnitId = b.SchoolId }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task ADistrictAdminSeesTheirDistrictsStudiosOnly()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        await using (var conn = await factory.Database.OpenConnectionAsync())
        {
            var otherDistrict = await world.Admin.OrgUnitAsync(world.CommitteeId, "柳南区");
            const string Sql = """
                INSERT INTO admins (id, username, password_hash, display_name, org_unit_id) VALUES (@id, @username, @hash, '柳南区管理员', @orgUnitId)
                """;
            await conn.ExecuteAsync(Sql, new { id = Guid.NewGuid(), username = $"liunan-{world.StudioId:N}", hash = WeStudio.Api.Features.Auth.AdminPasswords.Hash("liunan password"), orgUnitId = otherDistrict });
        }
        var login = await factory.CreateClient().PostJsonAsync("/api/v1/auth/admin-login", new { username = $"liunan-{world.StudioId:N}", password = "liunan password" });
        var district = factory.Authorized((await login.ReadAsync<JsonElement>()).GetProperty("token").GetString()!);

        await (await district.GetAsync($"/api/v1/studios/{world.StudioId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var programmes = await (await district.GetAsync("/api/v1/programmes")).ReadAsync<JsonElement>();
        Assert.Contains(programmes.EnumerateArray(), p => p.GetProperty("id").GetGuid() == world.ProgrammeId);
        await (await district.PostJsonAsync("/api/v1/org-units", new { name = "越级学校", parentId = world.CommitteeId }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task ARemovedMemberLosesAccessButTheirHistoryStays()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var member = world.Members[0];

        var removed = await world.Leader.Client.DeleteAsync($"/api/v1/studios/{world.StudioId}/members/{member.Id}?reason=调离本校");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await (await member.Client.GetAsync($"/api/v1/studios/{world.StudioId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await using var conn = await factory.Database.OpenConnectionAsync();
        var history = await conn.QuerySingleAsync<(DateTime? RemovedAt, string? Reason)>(
            "SELECT removed_at, removed_reason FROM studio_memberships WHERE studio_id = @s AND member_id = @m", new { s = world.StudioId, m = member.Id });
        Assert.NotNull(history.RemovedAt);
        Assert.Equal("调离本校", history.Reason);
        await (await world.Leader.Client.DeleteAsync($"/api/v1/studios/{world.StudioId}/members/{member.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await world.Leader.Client.DeleteAsync($"/api/v1/studios/{world.StudioId}/members/{world.Leader.Id}")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task ANewLeaderInvitationVoidsTheOldOneAndNoAdminHandsALedStudioOver()
    {
        var (admin, committeeId) = await factory.CommitteeAdminAsync();
        var school = await admin.OrgUnitAsync(committeeId);
        var programmeId = await admin.ProgrammeAsync();
        var created = await (await admin.Client.PostJsonAsync($"/api/v1/programmes/{programmeId}/studios", new { name = $"工作室-{Guid.NewGuid():N}"[..20], hostOrgUnitId = school }))
            .ReadAsync<CreatedStudioDto>();
        var studioId = created.Studio.Id;
        var fresh = await (await admin.Client.PostAsync($"/api/v1/studios/{studioId}/leader-invitation", null)).ReadAsync<InvitationDto>();
        var leader = await factory.MemberAsync();

        await (await leader.Client.PostJsonAsync("/api/v1/studios/join", new { code = created.LeaderInvitation.Code })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "invitation_expired");
        var joined = await (await leader.Client.PostJsonAsync("/api/v1/studios/join", new { code = fresh.Code })).ReadAsync<JoinedStudioDto>();

        Assert.Equal(StudioRole.Leader, joined.Role);
        Assert.Equal(leader.Id, joined.Studio.LeaderId);
        // Once the studio has a leader, it changes hands only through an approved leader change (issue 13).
        await (await admin.Client.PostAsync($"/api/v1/studios/{studioId}/leader-invitation", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "leader_change_required");
        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal(0, await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM invitations WHERE studio_id = @studioId AND role = 'Leader' AND revoked_at IS NULL AND used_count = 0", new { studioId }));
    }

    [Fact]
    public async Task ADuplicateStudioNameIsAConflictAndLeavesNoInvitationBehind()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var studio = await (await world.Admin.Client.GetAsync($"/api/v1/studios/{world.StudioId}")).ReadAsync<StudioDto>();
        await using var conn = await factory.Database.OpenConnectionAsync();
        var before = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM invitations");

        var duplicate = await world.Admin.Client.PostJsonAsync($"/api/v1/programmes/{world.ProgrammeId}/studios", new { name = studio.Name, hostOrgUnitId = world.SchoolId });

        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_name");
        var after = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM invitations WHERE studio_id = @id", new { id = world.StudioId });
        Assert.Equal(1, after);
        Assert.True(before >= after);
    }
}
