using System.Net;
using System.Text.Json;
using Dapper;
using WeStudio.Api.Features.Applications;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Applications;

/// <summary>A committee with a county (柳北区) and its school, a directly-run unit (柳州职业技术学院), and a county admin.</summary>
public sealed record CallWorld(SignedIn Committee, Guid CommitteeId, Guid CountyId, Guid SchoolId, Guid CollegeId, SignedIn County, Guid ProgrammeId);

/// <summary>Helpers of the application and lifecycle tests, through the public API (admins of a county are inserted, as no endpoint makes them).</summary>
public static class LifecycleWorld
{
    /// <summary>An admin whose subtree is <paramref name="orgUnitId"/>, signed in.</summary>
    public static async Task<SignedIn> AdminOfAsync(this ApiFactory factory, Guid orgUnitId)
    {
        var username = $"county-{Guid.NewGuid():N}";
        await using (var conn = await factory.Database.OpenConnectionAsync())
        {
            const string Sql = "INSERT INTO admins (id, username, password_hash, display_name, org_unit_id) VALUES (@id, @username, @hash, '县区管理员', @orgUnitId)";
            await conn.ExecuteAsync(Sql, new { id = Guid.NewGuid(), username, hash = AdminPasswords.Hash("county password"), orgUnitId });
        }
        var login = await factory.CreateClient().PostJsonAsync("/api/v1/auth/admin-login", new { username, password = "county password" });
        var body = await login.ReadAsync<AdminLoginResponse>();
        return new SignedIn(factory.Authorized(body.Token), body.Admin.Id, body.Token);
    }

    public static async Task<CallWorld> CallWorldAsync(this ApiFactory factory, string studioKind = "PartyBuildingMaster", int cycleYears = 2, int teamCap = 10)
    {
        var (committee, committeeId) = await factory.CommitteeAdminAsync();
        var county = await committee.OrgUnitAsync(committeeId, "柳北区");
        var school = await committee.OrgUnitAsync(county, "景行小学");
        var college = await committee.OrgUnitAsync(committeeId, "柳州职业技术学院");
        var programme = await (await committee.Client.PostJsonAsync("/api/v1/programmes", new
        {
            name = "第二批工作室", issuer = "中共柳州市委教育工作委员会", studioKind, cycleYears, startsOn = "2023-11-01", teamCap,
        })).ReadAsync<JsonElement>();
        return new CallWorld(committee, committeeId, county, school, college, await factory.AdminOfAsync(county), programme.GetProperty("id").GetGuid());
    }

    /// <summary>Opens a call closing <paramref name="closesIn"/> (default 30 days) after the factory's clock.</summary>
    public static async Task<CallDto> CallAsync(this ApiFactory factory, CallWorld world, string rules = "Liuzhou", int countyQuota = 3, int collegeQuota = 1,
        int perPerson = 1, string issuedOn = "2023-08-01", int? totalQuota = null, TimeSpan? closesIn = null)
    {
        var response = await world.Committee.Client.PostJsonAsync($"/api/v1/programmes/{world.ProgrammeId}/calls", new
        {
            title = "第二批工作室培育创建申报", rules, issuedOn, closesAt = factory.Clock.GetUtcNow().Add(closesIn ?? TimeSpan.FromDays(30)), totalQuota, applicationsPerPerson = perPerson,
            quotas = new[] { new { orgUnitId = world.CountyId, quota = countyQuota }, new { orgUnitId = world.CollegeId, quota = collegeQuota } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<CallDto>();
    }

    /// <summary>A Liuzhou 党建名师工作室 form: the leader has served as branch secretary; two team members.</summary>
    public static object LiuzhouForm(Guid hostId, string? name = null, int team = 2) => new
    {
        studioName = name ?? $"党建名师工作室-{Guid.NewGuid():N}"[..24],
        hostOrgUnitId = hostId,
        leader = new { hasServedAsBranchSecretary = true },
        team = Enumerable.Range(1, team).Select(i => new { name = $"成员{i}", role = "成员", title = "一级教师" }).ToArray(),
        plan = "围绕“党建+教育”开展专题研讨、培训讲座和结对帮扶。",
        links = new[] { "https://example.org/申报书.pdf" },
    };

    public static Task<HttpResponseMessage> ApplyAsync(this SignedIn applicant, Guid callId, object form) =>
        applicant.Client.PostJsonAsync($"/api/v1/calls/{callId}/applications", form);

    /// <summary>Drafts (asserts 201) and submits (asserts 200) an application.</summary>
    public static async Task<ApplicationDto> SubmittedAsync(this SignedIn applicant, Guid callId, object form)
    {
        var draft = await (await applicant.ApplyAsync(callId, form)).ReadAsync<ApplicationDto>();
        return await (await applicant.Client.PostAsync($"/api/v1/applications/{draft.Id}/submit", null)).ReadAsync<ApplicationDto>();
    }

    public static Task<HttpResponseMessage> EndorseAsync(this SignedIn admin, Guid applicationId) =>
        admin.Client.PostJsonAsync($"/api/v1/applications/{applicationId}/endorse", new { reason = "经县区党委教育工委研究推荐" });

    public static async Task<long> TransitionsAsync(this ApiFactory factory, Guid subjectId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stage_transitions WHERE subject_id = @subjectId", new { subjectId });
    }
}
