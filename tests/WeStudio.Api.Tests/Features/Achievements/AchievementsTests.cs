using System.Net;
using WeStudio.Api.Features.Achievements;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Achievements;

public sealed class AchievementsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static object Paper(int year = 2026) => new
    {
        form = "ResearchOutput", researchSubtype = "Paper", title = "新时代学校党支部标准化建设研究", year, authors = "覃美玲，韦志强", level = "Province",
        evidenceUrls = new[] { "https://example.org/paper.pdf" },
    };

    [Fact]
    public async Task TheLeaderRecordsEditsAndDeletesAnAchievementThatMembersAndAdminsRead()
    {
        var world = await factory.StudioWorldAsync(members: 1);

        var created = await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/achievements", Paper())).ReadAsync<AchievementDto>();
        Assert.Equal((AchievementForm.ResearchOutput, ResearchSubtype.Paper, AchievementLevel.Province), (created.Form, created.ResearchSubtype, created.Level));
        var listed = await (await world.Members[0].Client.GetAsync($"/api/v1/studios/{world.StudioId}/achievements?year=2026")).ReadAsync<AchievementDto[]>();
        Assert.Equal(created.Id, Assert.Single(listed).Id);

        var updated = await (await world.Leader.Client.PutJsonAsync($"/api/v1/achievements/{created.Id}", new
        {
            form = "DemonstrationEffect", title = "结对帮扶经验在全区推广", year = 2026, authors = "覃美玲", level = "County",
        })).ReadAsync<AchievementDto>();
        Assert.Equal((AchievementForm.DemonstrationEffect, (ResearchSubtype?)null), (updated.Form, updated.ResearchSubtype));
        Assert.Equal(updated.Title, (await (await world.Admin.Client.GetAsync($"/api/v1/achievements/{created.Id}")).ReadAsync<AchievementDto>()).Title);

        Assert.Equal(HttpStatusCode.NoContent, (await world.Leader.Client.DeleteAsync($"/api/v1/achievements/{created.Id}")).StatusCode);
        await (await world.Leader.Client.GetAsync($"/api/v1/achievements/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task OnlyTheLeaderRecordsAndAResearchOutputNeedsItsSubtype()
    {
        var world = await factory.StudioWorldAsync(members: 1);

        await (await world.Members[0].Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/achievements", Paper())).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var outsider = await factory.MemberAsync();
        await (await outsider.Client.GetAsync($"/api/v1/studios/{world.StudioId}/achievements")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var noSubtype = await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/achievements",
            new { form = "ResearchOutput", title = "t", year = 2026, authors = "a", level = "School" });
        var body = await noSubtype.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(body.GetProperty("errors").TryGetProperty("researchSubtype", out _));
        var badYear = await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/achievements", Paper(1999));
        await badYear.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }
}
