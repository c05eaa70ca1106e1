using System.Net;
using System.Text;
using System.Text.Json;
using WeStudio.Api.Features.OrgUnits;
using WeStudio.Api.Features.Programmes;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Platform;

public sealed class OrgUnitsAndProgrammesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AnAdminGrowsTheTreeUnderTheirCommitteeAndListsOnlyTheirSubtree()
    {
        var (admin, committeeId) = await factory.CommitteeAdminAsync();
        var (_, otherCommittee) = await factory.CommitteeAdminAsync();
        var district = await admin.OrgUnitAsync(committeeId, "柳北区");
        await admin.OrgUnitAsync(district, "景行小学");

        var units = await (await admin.Client.GetAsync("/api/v1/org-units")).ReadAsync<OrgUnitDto[]>();

        Assert.Equal([0, 1, 2], units.Select(u => u.Depth));
        Assert.DoesNotContain(units, u => u.Id == otherCommittee);
        await (await admin.Client.PostJsonAsync("/api/v1/org-units", new { name = "柳北区", parentId = committeeId })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_name");
        await (await admin.Client.PostJsonAsync("/api/v1/org-units", new { name = "外校", parentId = otherCommittee })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.Client.PostJsonAsync("/api/v1/org-units", new { name = "无", parentId = Guid.NewGuid() })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await admin.Client.PostJsonAsync("/api/v1/org-units", new { name = "", parentId = committeeId })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.Client.PostJsonAsync("/api/v1/org-units", new { name = new string('校', 101), parentId = committeeId })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task AProgrammeIsCreatedWithTheNoticesNumbers()
    {
        var (admin, committeeId) = await factory.CommitteeAdminAsync();
        var response = await admin.Client.PostJsonAsync("/api/v1/programmes", new
        {
            name = "柳州市教育系统党建名师工作室（第二批）", issuer = "中共柳州市委教育工作委员会", studioKind = "PartyBuildingMaster",
            cycleYears = 2, startsOn = "2023-11-01", teamCap = 10,
        });

        var programme = await response.ReadAsync<ProgrammeDto>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(committeeId, programme.OrgUnitId);
        Assert.Equal(new DateOnly(2023, 11, 1), programme.StartsOn);
        Assert.Equal(StudioKind.PartyBuildingMaster, programme.StudioKind);
        var fetched = await (await admin.Client.GetAsync($"/api/v1/programmes/{programme.Id}")).ReadAsync<ProgrammeDto>();
        Assert.Equal(programme, fetched);
    }

    [Theory]
    [InlineData("cycleYears", """{"name":"n","issuer":"i","studioKind":"DualLeader","cycleYears":0,"startsOn":"2023-01-01","teamCap":10}""")]
    [InlineData("teamCap", """{"name":"n","issuer":"i","studioKind":"DualLeader","cycleYears":3,"startsOn":"2023-01-01","teamCap":0}""")]
    [InlineData("name", """{"issuer":"i","studioKind":"DualLeader","cycleYears":3,"startsOn":"2023-01-01","teamCap":10}""")]
    [InlineData("studioKind", """{"name":"n","issuer":"i","cycleYears":3,"startsOn":"2023-01-01","teamCap":10}""")]
    [InlineData("startsOn", """{"name":"n","issuer":"i","studioKind":"DualLeader","cycleYears":3,"teamCap":10}""")]
    public async Task AnIncompleteProgrammeIsAFieldError(string field, string json)
    {
        var (admin, _) = await factory.CommitteeAdminAsync();
        var response = await admin.Client.PostAsync("/api/v1/programmes", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Theory]
    [InlineData("studioKind", """{"name":"n","issuer":"i","studioKind":"Tiger","cycleYears":3,"startsOn":"2023-01-01","teamCap":10}""")]
    [InlineData("cycleYears", """{"name":"n","issuer":"i","studioKind":"DualLeader","cycleYears":"three","startsOn":"2023-01-01","teamCap":10}""")]
    [InlineData("startsOn", """{"name":"n","issuer":"i","studioKind":"DualLeader","cycleYears":3,"startsOn":"2023-13-45","teamCap":10}""")]
    public async Task AProgrammeWithAValueOfTheWrongTypeIsMalformedJson(string field, string json)
    {
        var (admin, _) = await factory.CommitteeAdminAsync();
        var response = await admin.Client.PostAsync("/api/v1/programmes", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsRefusedClearly()
    {
        var (admin, _) = await factory.CommitteeAdminAsync();
        var plain = await admin.Client.PostAsync("/api/v1/programmes", new StringContent("name=x", Encoding.UTF8, "text/plain"));
        await plain.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        var empty = await admin.Client.PostAsync("/api/v1/programmes", new StringContent("", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull((await empty.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task AnUnknownRouteIsAProblemWithACode()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/nothing-here");
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }
}
