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
}
