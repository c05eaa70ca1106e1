using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Tests.Infrastructure;

/// <summary>A signed-in person: a client that sends their bearer token, and their member or admin id.</summary>
public sealed record SignedIn(HttpClient Client, Guid Id, string Token);

/// <summary>A licensed studio with its admin, leader and members, all signed in.</summary>
public sealed record StudioWorld(SignedIn Admin, Guid CommitteeId, Guid SchoolId, Guid ProgrammeId, Guid StudioId, SignedIn Leader, SignedIn[] Members);

/// <summary>Builds the people and studios tests need through the public API, each with unique names.</summary>
public static class Scenario
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Asserts a ProblemDetails refusal with this status and <c>code</c>; returns the body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        var body = JsonDocument.Parse(text).RootElement;
        Assert.Equal(code, body.GetProperty("code").GetString());
        return body;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body, Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body, Json);

    /// <summary>The sandbox answers the next <paramref name="times"/> calls to <paramref name="path"/> with <paramref name="errcode"/>.</summary>
    public static async Task InjectFaultAsync(this SandboxHost sandbox, string path, int errcode, int times)
    {
        var response = await sandbox.Control.PostJsonAsync("/sandbox/faults", new { path, errCode = errcode, times });
        response.EnsureSuccessStatusCode();
    }

    public static HttpClient Authorized(this ApiFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new committee (root org unit) and its admin, signed in.</summary>
    public static async Task<(SignedIn Admin, Guid CommitteeId)> CommitteeAdminAsync(this ApiFactory factory)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var username = $"admin-{suffix}";
        const string password = "correct horse battery staple";
        var committeeId = await Bootstrap.EnsureAdminAsync(factory.Database, $"测试教育工委-{suffix}", username, password, "测试管理员", default);
        var login = await factory.CreateClient().PostJsonAsync("/api/v1/auth/admin-login", new { username, password });
        var body = await login.ReadAsync<AdminLoginResponse>();
        return (new SignedIn(factory.Authorized(body.Token), body.Admin.Id, body.Token), committeeId);
    }

    /// <summary>A WeChat user signed in through the sandbox (<c>sandbox:&lt;name&gt;:&lt;nonce&gt;</c>).</summary>
    public static async Task<SignedIn> MemberAsync(this ApiFactory factory, string? name = null)
    {
        name ??= $"member-{Guid.NewGuid():N}";
        var login = await factory.CreateClient().PostJsonAsync("/api/v1/auth/wechat-login", new { code = $"sandbox:{name}:{Guid.NewGuid():N}" });
        var body = await login.ReadAsync<MemberLoginResponse>();
        return new SignedIn(factory.Authorized(body.Token), body.Member.Id, body.Token);
    }

    public static async Task<Guid> OrgUnitAsync(this SignedIn admin, Guid parentId, string? name = null)
    {
        var response = await admin.Client.PostJsonAsync("/api/v1/org-units", new { name = name ?? $"学校-{Guid.NewGuid():N}"[..20], parentId });
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>
    /// A Liuzhou 党建名师工作室 programme whose cycle covers the tests' clocks (last year's 1 September for three years):
    /// reminders follow the programme's requirements and cycle.
    /// </summary>
    public static async Task<Guid> ProgrammeAsync(this SignedIn admin, int teamCap = 10)
    {
        var response = await admin.Client.PostJsonAsync("/api/v1/programmes", new
        {
            name = "柳州市教育系统党建名师工作室", issuer = "中共柳州市委教育工作委员会", studioKind = "PartyBuildingMaster",
            cycleYears = 3, startsOn = $"{DateTime.UtcNow.Year - 1}-09-01", teamCap,
        });
        return (await response.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Licenses a studio and has a new WeChat user join it as leader with the leader invitation.</summary>
    public static async Task<(Guid StudioId, SignedIn Leader)> StudioAsync(this ApiFactory factory, SignedIn admin, Guid programmeId, Guid hostId)
    {
        var created = await (await admin.Client.PostJsonAsync($"/api/v1/programmes/{programmeId}/studios",
            new { name = $"工作室-{Guid.NewGuid():N}"[..20], hostOrgUnitId = hostId })).ReadAsync<CreatedStudioDto>();
        var leader = await factory.MemberAsync();
        await (await leader.Client.PostJsonAsync("/api/v1/studios/join", new { code = created.LeaderInvitation.Code })).ReadAsync<JsonElement>();
        return (created.Studio.Id, leader);
    }

    public static async Task<string> InvitationAsync(this SignedIn leader, Guid studioId, int maxUses = 50)
    {
        var invitation = await (await leader.Client.PostJsonAsync($"/api/v1/studios/{studioId}/invitations", new { maxUses, expiresInHours = 24 })).ReadAsync<InvitationDto>();
        return invitation.Code;
    }

    /// <summary>A whole studio world: committee, district, school, programme, studio, leader and <paramref name="members"/> members.</summary>
    public static async Task<StudioWorld> StudioWorldAsync(this ApiFactory factory, int members = 2, int teamCap = 10)
    {
        var (admin, committeeId) = await factory.CommitteeAdminAsync();
        var district = await admin.OrgUnitAsync(committeeId, "柳北区");
        var school = await admin.OrgUnitAsync(district, "景行小学");
        var programmeId = await admin.ProgrammeAsync(teamCap);
        var (studioId, leader) = await factory.StudioAsync(admin, programmeId, school);
        var people = new List<SignedIn>();
        if (members > 0)
        {
            var code = await leader.InvitationAsync(studioId, Math.Max(members, 1));
            for (var i = 0; i < members; i++)
            {
                var member = await factory.MemberAsync();
                var joined = await member.Client.PostJsonAsync("/api/v1/studios/join", new { code });
                Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
                people.Add(member);
            }
        }
        return new StudioWorld(admin, committeeId, school, programmeId, studioId, leader, people.ToArray());
    }
}
