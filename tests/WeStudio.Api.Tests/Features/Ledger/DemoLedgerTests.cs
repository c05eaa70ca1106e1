using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.Demo;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Ledger;

public sealed class DemoLedgerTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task TheDemoDataGivesALedgerWithEveryStatus()
    {
        factory.Clock.SetUtcNow(LedgerScenario.Beijing("2026-11-20T12:00:00"));
        const string password = "liuzhou-demo-2023";
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(password);
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync(password); // idempotent

        var login = await (await factory.CreateClient().PostJsonAsync("/api/v1/auth/admin-login", new { username = DemoSeeder.AdminUsername, password })).ReadAsync<JsonElement>();
        var admin = factory.Authorized(login.GetProperty("token").GetString()!);
        var studios = await (await admin.GetAsync("/api/v1/studios")).ReadAsync<StudioDto[]>();
        var statuses = new HashSet<LedgerStatus>();
        foreach (var studio in studios)
        {
            var ledger = await (await admin.GetAsync($"/api/v1/studios/{studio.Id}/ledger?year=2026")).ReadAsync<StudioLedgerDto>();
            statuses.UnionWith(ledger.Requirements.SelectMany(r => r.Cells).Select(c => c.Status));
            if (studio.Name == DemoSeeder.StudioName)
            {
                Assert.Equal(LedgerStatus.NotApplicable, ledger.Cell("monthly-seminar", "2026-01").Status);
                Assert.Equal(LedgerStatus.Met, ledger.Cell("monthly-seminar", "2026-02").Status);
                Assert.Equal(LedgerStatus.Missed, ledger.Cell("monthly-seminar", "2026-05").Status);
                Assert.Equal(LedgerStatus.AtRisk, ledger.Cell("monthly-seminar", "2026-11").Status);
                Assert.Equal(LedgerStatus.OnTrack, ledger.Cell("monthly-seminar", "2026-12").Status);
                Assert.Equal(LedgerStatus.Met, ledger.Cell("paired-school", "2026年").Status);
            }
        }
        Assert.Equal(2, studios.Length);
        Assert.Equal(Enum.GetValues<LedgerStatus>().ToHashSet(), statuses);
    }
}
