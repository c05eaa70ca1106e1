using System.Net;
using System.Text.Json;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Auth;

public sealed class AuthTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task WeChatLoginCreatesTheMemberOnceAndLogsTheSamePersonInAgain()
    {
        var name = $"teacher-{Guid.NewGuid():N}";
        var first = await factory.MemberAsync(name);
        var second = await factory.MemberAsync(name);
        var other = await factory.MemberAsync();

        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.NotEqual(first.Token, second.Token);
        var me = await (await second.Client.GetAsync("/api/v1/me")).ReadAsync<MeResponse>();
        Assert.Equal(SubjectKind.Member, me.Kind);
        Assert.Equal(first.Id, me.Member!.Id);
    }

    [Fact]
    public async Task ALoginCodeUsedTwiceIsRefusedAsWeChatCodeInvalid()
    {
        var code = $"sandbox:twice-{Guid.NewGuid():N}:1";
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync("/api/v1/auth/wechat-login", new { code })).StatusCode);

        var again = await client.PostJsonAsync("/api/v1/auth/wechat-login", new { code });

        await again.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "wechat_code_invalid");
    }

    [Fact]
    public async Task AGarbageCodeIsRefusedAsWeChatCodeInvalid()
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/v1/auth/wechat-login", new { code = "0a3bnotarealcode" });
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "wechat_code_invalid");
    }

    [Fact]
    public async Task AMissingCodeIsAFieldError()
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/v1/auth/wechat-login", new { });
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("code", out _));
    }

    [Fact]
    public async Task WeChatBusyIsReportedAs503AndCreatesNoMember()
    {
        await factory.Sandbox.InjectFaultAsync("/sns/jscode2session", -1, 1);
        var name = $"busy-{Guid.NewGuid():N}";

        var response = await factory.CreateClient().PostJsonAsync("/api/v1/auth/wechat-login", new { code = $"sandbox:{name}:1" });

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "wechat_unavailable");
        var ok = await factory.MemberAsync(name);
        Assert.NotEqual(Guid.Empty, ok.Id);
    }

    [Fact]
    public async Task RequestsWithoutOrWithAnUnknownTokenAreRefusedAsUnauthorized()
    {
        var anonymous = await factory.CreateClient().GetAsync("/api/v1/me");
        await anonymous.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");

        var forged = await factory.Authorized("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").GetAsync("/api/v1/me");
        await forged.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task LogoutRevokesTheTokenAtOnce()
    {
        var member = await factory.MemberAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await member.Client.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        var after = await member.Client.GetAsync("/api/v1/me");

        await after.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task TokensExpireAfterTheSessionLifetime()
    {
        var member = await factory.MemberAsync();
        factory.Clock.Advance(TimeSpan.FromHours(73));
        try
        {
            var after = await member.Client.GetAsync("/api/v1/me");
            await after.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromHours(-73));
        }
    }

    [Fact]
    public async Task AdminSignsInAndSeesTheirOrgUnit()
    {
        var (admin, committeeId) = await factory.CommitteeAdminAsync();
        var me = await (await admin.Client.GetAsync("/api/v1/me")).ReadAsync<MeResponse>();
        Assert.Equal(SubjectKind.Admin, me.Kind);
        Assert.Equal(committeeId, me.Admin!.OrgUnitId);
    }

    [Fact]
    public async Task RepeatedWrongPasswordsSlowThatAddressWithAGrowingDelayButTheAdminSignsInFromAnother()
    {
        var (admin, _) = await factory.CommitteeAdminAsync();
        var me = await (await admin.Client.GetAsync("/api/v1/me")).ReadAsync<MeResponse>();
        var attacker = factory.CreateClient();
        attacker.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.66");
        var wrong = new { username = me.Admin!.Username, password = "wrong password" };
        for (var i = 0; i < AdminLoginThrottle.FreeFailures; i++)
            await (await attacker.PostJsonAsync("/api/v1/auth/admin-login", wrong)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        // The attacker keeps hammering: refused before the password is even checked, told how long to wait.
        for (var i = 0; i < 20; i++)
        {
            var refused = await attacker.PostJsonAsync("/api/v1/auth/admin-login", wrong);
            await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After names the wait");
        }
        // The right password from the attacker's address waits too ...
        var right = new { username = me.Admin.Username, password = "correct horse battery staple" };
        await (await attacker.PostJsonAsync("/api/v1/auth/admin-login", right)).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        // ... but the admin at their own desk signs in at once.
        var office = factory.CreateClient();
        office.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        var signedIn = await (await office.PostJsonAsync("/api/v1/auth/admin-login", right)).ReadAsync<AdminLoginResponse>();
        Assert.Equal(me.Admin.Id, signedIn.Admin.Id);

        // After the wait the attacker's next failure doubles it.
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await (await attacker.PostJsonAsync("/api/v1/auth/admin-login", wrong)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var slower = await attacker.PostJsonAsync("/api/v1/auth/admin-login", wrong);
        await slower.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.True(slower.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(2), $"the delay grows: {slower.Headers.RetryAfter}");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(4, 2)]
    [InlineData(6, 8)]
    [InlineData(40, 900)]
    public void TheDelayDoublesAfterTheFreeFailuresUpToFifteenMinutes(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), AdminLoginThrottle.DelayAfter(failures));

    [Fact]
    public async Task AnUnknownAdminIsRefusedLikeAWrongPassword()
    {
        var response = await factory.CreateClient().PostJsonAsync("/api/v1/auth/admin-login", new { username = $"nobody-{Guid.NewGuid():N}", password = "whatever it is" });
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Fact]
    public async Task AMemberTokenCannotCallAdminEndpoints()
    {
        var member = await factory.MemberAsync();
        var response = await member.Client.GetAsync("/api/v1/org-units");
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task MeListsTheMembersStudiosWithTheirRole()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var leaderMe = await (await world.Leader.Client.GetAsync("/api/v1/me")).ReadAsync<MeResponse>();
        var memberMe = await (await world.Members[0].Client.GetAsync("/api/v1/me")).ReadAsync<MeResponse>();

        Assert.Equal(world.StudioId, Assert.Single(leaderMe.Studios).StudioId);
        Assert.Equal(WeStudio.Api.Features.Studios.StudioRole.Leader, leaderMe.Studios[0].Role);
        Assert.Equal(WeStudio.Api.Features.Studios.StudioRole.Member, Assert.Single(memberMe.Studios).Role);
    }

    [Fact]
    public async Task AMemberSetsTheirDisplayNameAndTheStudioSeesIt()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var set = await world.Members[0].Client.PutJsonAsync("/api/v1/me/profile", new { displayName = "韦志强" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var members = await (await world.Leader.Client.GetAsync($"/api/v1/studios/{world.StudioId}/members")).ReadAsync<JsonElement>();

        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("displayName").GetString() == "韦志强");
        var tooLong = await world.Members[0].Client.PutJsonAsync("/api/v1/me/profile", new { displayName = new string('名', 31) });
        await tooLong.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
