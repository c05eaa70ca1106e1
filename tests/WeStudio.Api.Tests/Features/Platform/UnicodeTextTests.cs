using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Members;
using WeStudio.Api.Features.OrgUnits;
using WeStudio.Api.Features.Programmes;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Platform;

public sealed class UnicodeTextTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    /// <summary>
    /// Names carry rare characters outside the Basic Multilingual Plane (𠮷, CJK Extension B) and emoji (😀): four bytes in
    /// UTF-8, which only utf8mb4 columns and connections keep.
    /// </summary>
    [Fact]
    public async Task ChineseRareCharactersAndEmojiInNamesComeBackUnchanged()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var unitName = $"𠮷祥小学😀{tag}";
        var programmeName = $"党建名师工作室（第𠮷批）😀{tag}";
        var issuer = "中共𠮷州市委教育工作委员会😀";
        var studioName = $"𠮷星火工作室😀{tag}";
        var displayName = "𠮷小明😀";

        var (admin, committeeId) = await factory.CommitteeAdminAsync();
        var unit = await (await admin.Client.PostJsonAsync("/api/v1/org-units", new { name = unitName, parentId = committeeId })).ReadAsync<OrgUnitDto>();
        var programme = await (await admin.Client.PostJsonAsync("/api/v1/programmes", new
        {
            name = programmeName, issuer, studioKind = "PartyBuildingMaster", cycleYears = 2, startsOn = "2023-11-01", teamCap = 10,
        })).ReadAsync<ProgrammeDto>();
        var created = await (await admin.Client.PostJsonAsync($"/api/v1/programmes/{programme.Id}/studios", new { name = studioName, hostOrgUnitId = unit.Id }))
            .ReadAsync<CreatedStudioDto>();
        var leader = await factory.MemberAsync();
        await (await leader.Client.PostJsonAsync("/api/v1/studios/join", new { code = created.LeaderInvitation.Code })).ReadAsync<JoinedStudioDto>();
        var profile = await (await leader.Client.PutJsonAsync("/api/v1/me/profile", new { displayName })).ReadAsync<MemberDto>();

        var units = await (await admin.Client.GetAsync("/api/v1/org-units")).ReadAsync<OrgUnitDto[]>();
        var fetched = await (await admin.Client.GetAsync($"/api/v1/programmes/{programme.Id}")).ReadAsync<ProgrammeDto>();
        var studio = await (await admin.Client.GetAsync($"/api/v1/studios/{created.Studio.Id}")).ReadAsync<StudioDto>();
        var people = await (await admin.Client.GetAsync($"/api/v1/studios/{created.Studio.Id}/members")).ReadAsync<StudioMemberDto[]>();
        var me = await (await leader.Client.GetAsync("/api/v1/me")).ReadAsync<MeResponse>();

        Assert.Equal(unitName, Assert.Single(units, u => u.Id == unit.Id).Name);
        Assert.Equal((programmeName, issuer), (fetched.Name, fetched.Issuer));
        Assert.Equal((studioName, programmeName, unitName, displayName), (studio.Name, studio.ProgrammeName, studio.HostOrgUnitName, studio.LeaderName));
        Assert.Equal(displayName, profile.DisplayName);
        Assert.Equal(displayName, Assert.Single(people).DisplayName);
        Assert.Equal(displayName, me.Member!.DisplayName);
        var mine = Assert.Single(me.Studios);
        Assert.Equal((studioName, programmeName), (mine.Name, mine.ProgrammeName));
    }

    /// <summary>
    /// Under utf8mb4_unicode_ci MariaDB holds every character outside the BMP equal to every other ('😀' = '🔥'), so these two
    /// names would collide as duplicate_name; the schema's utf8mb4_unicode_520_ci keeps them apart.
    /// </summary>
    [Fact]
    public async Task StudioNamesThatDifferOnlyInAnEmojiOrARareCharacterAreTwoNames()
    {
        var world = await factory.StudioWorldAsync();
        var tag = Guid.NewGuid().ToString("N")[..6];
        foreach (var name in new[] { $"星火😀{tag}", $"星火🔥{tag}", $"𠮷{tag}", $"𡈽{tag}" })
        {
            var created = await world.Admin.Client.PostJsonAsync($"/api/v1/programmes/{world.ProgrammeId}/studios", new { name, hostOrgUnitId = world.SchoolId });
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }
        var again = await world.Admin.Client.PostJsonAsync($"/api/v1/programmes/{world.ProgrammeId}/studios", new { name = $"星火😀{tag}", hostOrgUnitId = world.SchoolId });
        await again.ShouldBeProblemAsync(System.Net.HttpStatusCode.Conflict, "duplicate_name");
    }

    /// <summary>What a leader writes about an activity, an achievement and the annual report keeps its 4-byte characters.</summary>
    [Fact]
    public async Task ActivitiesAchievementsAndReportsKeepRareCharactersAndEmoji()
    {
        var world = await factory.StudioWorldAsync();
        var leader = world.Leader.Client;
        var startsAt = factory.Clock.GetUtcNow().AddDays(3);
        var activity = await (await leader.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities", new
        {
            kind = "MonthlySeminar", title = "𠮷祥研讨😀", theme = "学习𠮷😀🇨🇳", venueName = "三楼𠮷室", startsAt, endsAt = startsAt.AddHours(1),
        })).ReadAsync<System.Text.Json.JsonElement>();
        var fetched = await (await leader.GetAsync($"/api/v1/activities/{activity.GetProperty("id").GetGuid()}")).ReadAsync<System.Text.Json.JsonElement>();
        Assert.Equal(("𠮷祥研讨😀", "学习𠮷😀🇨🇳", "三楼𠮷室"),
            (fetched.GetProperty("title").GetString(), fetched.GetProperty("theme").GetString(), fetched.GetProperty("venueName").GetString()));

        var achievement = await (await leader.PostJsonAsync($"/api/v1/studios/{world.StudioId}/achievements", new
        {
            form = "WorkMethodOrCase", title = "“𠮷”字工作法😀", year = 2026, authors = "覃美玲、𠮷小明", level = "City",
        })).ReadAsync<System.Text.Json.JsonElement>();
        Assert.Equal(("“𠮷”字工作法😀", "覃美玲、𠮷小明"), (achievement.GetProperty("title").GetString(), achievement.GetProperty("authors").GetString()));
        var listed = await (await leader.GetAsync($"/api/v1/studios/{world.StudioId}/achievements")).ReadAsync<System.Text.Json.JsonElement>();
        Assert.Contains("“𠮷”字工作法😀", Strings(listed));

        var report = await leader.PutAsync($"/api/v1/studios/{world.StudioId}/progress-reports/2026",
            System.Net.Http.Json.JsonContent.Create(new { text = "2026年度建设进展报告：𠮷祥小学结对帮扶😀👍" }));
        report.EnsureSuccessStatusCode();
        var reports = await (await leader.GetAsync($"/api/v1/studios/{world.StudioId}/progress-reports")).ReadAsync<System.Text.Json.JsonElement>();
        Assert.Contains("2026年度建设进展报告：𠮷祥小学结对帮扶😀👍", Strings(reports));
    }

    /// <summary>Every string value anywhere in a JSON document (its text escapes non-ASCII characters, so compare values).</summary>
    private static List<string> Strings(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.String => [element.GetString()!],
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings).ToList(),
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)).ToList(),
        _ => [],
    };
}
