using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Features.Demo;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

public sealed class DemoVolunteerHoursTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheDemoDataHasAVolunteerServiceWhoseHoursAreNotEmpty()
    {
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync("demo-admin-password-0123");

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
            "SELECT count(*)::int FROM check_ins c JOIN activities a ON a.id = c.activity_id WHERE a.studio_id = @studioId AND c.auto_closed", new { studioId }));
    }
}
