using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.Briefs;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Features.Demo;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Features.Ledger;
using WeStudio.Api.Tests.Features.Photos;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Demo;

/// <summary>
/// The demo data of scripts/run.sh. One class, so the seed runs under one clock and one admin password: the demo lives in
/// the shared test database, and seeding it from several factories with different clocks would place it differently.
/// </summary>
public sealed class DemoDataTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Password = "liuzhou-demo-2023";

    /// <summary>Seeds twice (the second run must add nothing) at a fixed day, 20 November 2026 in Beijing.</summary>
    private async Task SeedAsync()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-11-20T12:00:00"));
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(Password);
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(Password);
    }

    [Fact]
    public async Task TheDemoStudioIsLicensedAtItsProgrammesStartAndNamedAsADemo()
    {
        await SeedAsync();

        await using var conn = await factory.Database.OpenConnectionAsync();
        var (name, startsOn, licensedAt) = await conn.QuerySingleAsync<(string, DateTime, DateTime)>("""
            SELECT p.name, p.starts_on, s.created_at FROM studios s JOIN programmes p ON p.id = s.programme_id WHERE s.name = @name
            """, new { name = DemoSeeder.StudioName });
        Assert.StartsWith("演示批次", name);
        Assert.Contains($"{startsOn.Year}—{startsOn.Year + 2}", name); // the name tells the cycle the programme really has
        Assert.Equal(new DateOnly(2025, 9, 1), DateOnly.FromDateTime(startsOn)); // 20 November 2026 is in build year 2
        Assert.Equal(LedgerScenario.Beijing("2025-09-01T00:00:00").UtcDateTime, licensedAt);
        var trainees = await conn.ExecuteScalarAsync<int>("""
            SELECT COUNT(*) FROM studio_memberships m JOIN studios s ON s.id = m.studio_id WHERE s.name = @name AND m.role = 'Trainee' AND m.removed_at IS NULL
            """, new { name = DemoSeeder.StudioName });
        Assert.Equal(DemoSeeder.Trainees.Length, trainees);
    }

    [Fact]
    public async Task TheDemoDataHasAVolunteerServiceWhoseHoursAreNotEmpty()
{
        await SeedAsync();

        await using var conn = await factory.Database.OpenConnectionAsync();
        var (studioId, startsAt) = await conn.QuerySingleAsync<(Guid, DateTime)>("""
            SELECT a.studio_id, a.starts_at FROM activities a JOIN studios s ON s.id = a.studio_id
            WHERE s.name = @name AND a.kind = 'VolunteerService'
            """, new { name = DemoSeeder.StudioName });
        var calendar = factory.Services.GetRequiredService<Calendar>();
        var year = TimeZoneInfo.ConvertTime(new DateTimeOffset(startsAt, TimeSpan.Zero), calendar.Zone).Year;
        var hours = await factory.Services.GetRequiredService<VolunteerHoursStore>().StudioAsync(studioId, year,
            calendar.At(new DateOnly(year, 1, 1), TimeOnly.MinValue), calendar.At(new DateOnly(year + 1, 1, 1), TimeOnly.MinValue), default);

        Assert.Equal(180 + 8 + 165 + 5 + 148 + 183 + 110, hours.Minutes);
        Assert.Equal(5, hours.Members.Count(m => m.Minutes > 0));
        Assert.Equal([new KindHours(ActivityKind.VolunteerService, 1, 799, 13.32)], hours.ByKind); // one activity, five people
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM check_ins c JOIN activities a ON a.id = c.activity_id WHERE a.studio_id = @studioId AND c.auto_closed", new { studioId }));
    }

    [Fact]
    public async Task TheDemoSeedPublishesBriefsWithPhotosStrippedOfGps()
{
        await SeedAsync();

        var leader = await factory.MemberAsync(DemoSeeder.People[0].SandboxName);
        await using var conn = await factory.Database.OpenConnectionAsync();
        var studioId = await conn.ExecuteScalarAsync<Guid>("SELECT id FROM studios WHERE name = @name", new { name = DemoSeeder.StudioName });
        var feed = await (await leader.Client.GetAsync($"/api/v1/studios/{studioId}/briefs")).ReadAsync<BriefPage>();
        var pastSeminarsAndLectures = await conn.ExecuteScalarAsync<int>("""
            SELECT COUNT(*) FROM activities WHERE studio_id = @studioId AND ends_at < @now AND kind IN ('MonthlySeminar','TrainingLecture')
            """, new { studioId, now = factory.Clock.GetUtcNow().UtcDateTime });
        Assert.InRange(pastSeminarsAndLectures, 3, 20);
        Assert.Equal(pastSeminarsAndLectures, feed.Items.Length); // every past seminar and lecture has its published brief
        Assert.All(feed.Items, b => Assert.Equal(BriefStatus.Published, b.Status));
        Assert.All(feed.Items, b => Assert.InRange(b.Photos.Length, 2, 3));
        var jpeg = feed.Items.SelectMany(b => b.Photos).First(p => p.Url is not null);
        var bytes = await (await factory.FetchAsync(jpeg.Url!)).Content.ReadAsByteArrayAsync();
        Assert.Empty(PhotoTesting.Leaks(await PhotoTesting.ExifToolAsync(bytes, "img")));
    }

    [Fact]
    public async Task TheDemoShowsEveryStageAnOpenCallWithADraftAndAnEndorsedApplicationAndAStudioInRectification()
    {
        await SeedAsync();

        var login = await (await factory.CreateClient().PostJsonAsync("/api/v1/auth/admin-login", new { username = DemoSeeder.DistrictAdminUsername, password = Password })).ReadAsync<JsonElement>();
        var district = factory.Authorized(login.GetProperty("token").GetString()!);
        var applicant = await factory.MemberAsync(DemoSeeder.People[1].SandboxName);
        var call = Assert.Single(await (await applicant.Client.GetAsync("/api/v1/calls")).ReadAsync<WeStudio.Api.Features.Applications.CallDto[]>(), c => c.Title == DemoSeeder.CallTitle);
        Assert.True(call.Open);
        var draft = Assert.Single(await (await applicant.Client.GetAsync("/api/v1/me/applications")).ReadAsync<WeStudio.Api.Features.Applications.ApplicationDto[]>());
        Assert.Equal(WeStudio.Api.Features.Applications.ApplicationStatus.Draft, draft.Status);
        var endorsed = Assert.Single(await (await district.GetAsync($"/api/v1/calls/{call.Id}/applications")).ReadAsync<WeStudio.Api.Features.Applications.ApplicationDto[]>());
        Assert.Equal(WeStudio.Api.Features.Applications.ApplicationStatus.Endorsed, endorsed.Status);
        Assert.Equal(1, call.Endorsed);

        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal(["Rectifying"], await conn.QueryAsync<string>("SELECT status FROM studios WHERE name = '梁海涛教育先锋党员工作室'"));
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM rectifications r JOIN studios s ON s.id = r.studio_id WHERE s.name = '梁海涛教育先锋党员工作室' AND r.status = 'Open'"));
    }

    [Fact]
    public async Task TheDemoHasAnOpenMidTermRoundWithOneSheetHalfScored()
    {
        await SeedAsync();
        await using var conn = await factory.Database.OpenConnectionAsync();
        var rounds = (await conn.QueryAsync<(string Status, string Rubric)>("SELECT status, rubric FROM evaluation_rounds WHERE title = @t", new { t = DemoSeeder.MidTermRoundTitle })).ToArray();
        Assert.Equal([("Open", WeStudio.Api.Features.Evaluation.Rubrics.LiuzhouMidTerm)], rounds);
        var sheets = (await conn.QueryAsync<(string Status, string Entries)>("""
            SELECT sh.status, sh.entries FROM score_sheets sh JOIN evaluation_rounds r ON r.id = sh.round_id WHERE r.title = @t
            """, new { t = DemoSeeder.MidTermRoundTitle })).ToArray();
        var sheet = Assert.Single(sheets);
        Assert.Equal("Draft", sheet.Status);
        Assert.Equal(2, JsonDocument.Parse(sheet.Entries).RootElement.GetArrayLength()); // 2 of the checklist's 3 lines
        Assert.Equal(1, await conn.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM evaluation_materials m JOIN evaluation_rounds r ON r.id = m.round_id WHERE r.title = @t", new { t = DemoSeeder.MidTermRoundTitle }));
    }
}
