using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using WeStudio.Api.Features.Demo;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Features.Ledger;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Demo;

/// <summary>
/// The demo seed placed under fixed clocks, each in a database of its own (the seed is keyed by names, so one database
/// would keep the first placement): whatever day it runs, the demo's ledgers show every status and never two seminars in
/// one month, and the studio is licensed at its programme's start. On 1 January no period of the new year has ended yet,
/// so "every status" is read over the ledgers of this calendar year and the last, as a clerk at the turn of the year would.
/// </summary>
public sealed class DemoClockTests
{
    [Theory]
    [InlineData("2026-01-01T10:00:00")]
    [InlineData("2026-03-15T10:00:00")]
    [InlineData("2026-09-01T10:00:00")]
    [InlineData("2025-12-31T10:00:00")]
    public async Task TheDemoLedgersShowEveryStatusWhicheverDayTheSeedRuns(string local)
    {
        var database = $"westudio_demo_{Guid.NewGuid():N}"[..30];
        var server = new MySqlConnectionStringBuilder(ApiFactory.MySqlConnectionString) { Database = "" };
        await using (var admin = new MySqlConnection(server.ConnectionString))
        {
            await admin.OpenAsync();
            await admin.ExecuteAsync($"CREATE DATABASE `{database}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        }
        try
        {
            var factory = new ApiFactory();
            factory.Settings["ConnectionStrings:MySql"] = new MySqlConnectionStringBuilder(ApiFactory.MySqlConnectionString) { Database = database }.ConnectionString;
            await ((IAsyncLifetime)factory).InitializeAsync();
            try
            {
                await CheckAsync(factory, LedgerScenario.Beijing(local));
            }
            finally
            {
                await ((IAsyncLifetime)factory).DisposeAsync();
            }
        }
        finally
        {
            MySqlConnection.ClearAllPools();
            await using var admin = new MySqlConnection(server.ConnectionString);
            await admin.OpenAsync();
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS `{database}`");
        }
    }

    private static async Task CheckAsync(ApiFactory factory, DateTimeOffset now)
    {
        factory.Clock.SetUtcNow(now);
        await factory.Services.GetRequiredService<DemoSeeder>().SeedAsync("demo-password");
        var calendar = factory.Services.GetRequiredService<Calendar>();
        var ledger = factory.Services.GetRequiredService<LedgerService>();
        var today = calendar.Today;

        await using var conn = await factory.Database.OpenConnectionAsync();
        var studios = (await conn.QueryAsync<(Guid Id, string Name, DateTime StartsOn, DateTime LicensedAt)>("""
            SELECT s.id, s.name, p.starts_on, s.created_at FROM studios s JOIN programmes p ON p.id = s.programme_id
            """)).ToArray();
        Assert.Equal(3, studios.Length);
        var statuses = new HashSet<LedgerStatus>();
        foreach (var studio in studios)
        {
            // Licensed on the first day of its programme (培育创建 starts with 挂牌), never after today.
            Assert.Equal(calendar.At(DateOnly.FromDateTime(studio.StartsOn), TimeOnly.MinValue).UtcDateTime, studio.LicensedAt);
            foreach (var year in new[] { today.Year - 1, today.Year })
                statuses.UnionWith((await ledger.StudioLedgerAsync(studio.Id, year, default))!.Requirements.SelectMany(r => r.Cells).Select(c => c.Status));
        }
        Assert.Equal(Enum.GetValues<LedgerStatus>().ToHashSet(), statuses);

        var liuzhou = studios.Single(s => s.Name == DemoSeeder.StudioName);
        var startsOn = DateOnly.FromDateTime(liuzhou.StartsOn);
        Assert.True(startsOn.AddYears(1) <= today && today < startsOn.AddYears(2), $"{today} is not in build year 2 of a cycle starting {startsOn}");
        var seminarMonths = (await conn.QueryAsync<DateTime>(
            "SELECT starts_at FROM activities WHERE studio_id = @id AND kind = 'MonthlySeminar'", new { id = liuzhou.Id }))
            .Select(t => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(new DateTimeOffset(t, TimeSpan.Zero), calendar.Zone).DateTime)).Select(d => (d.Year, d.Month)).ToList();
        Assert.Equal(seminarMonths.Count, seminarMonths.Distinct().Count());
        var thisYear = (await ledger.StudioLedgerAsync(liuzhou.Id, today.Year, default))!;
        Assert.NotEqual(LedgerStatus.Missed, thisYear.Cell("monthly-seminar", $"{today:yyyy-MM}").Status);
        Assert.Equal(startsOn, thisYear.LicensedOn);

        var wenzhou = studios.Single(s => s.Name == DemoSeeder.WenzhouStudioName);
        var cycleEnds = DateOnly.FromDateTime(wenzhou.StartsOn).AddYears(2);
        var points = (await ledger.StudioLedgerAsync(wenzhou.Id, cycleEnds.AddDays(-1).Year, default))!.Requirements.Single(r => r.Code == "activities-cycle").Cells.Single();
        Assert.Equal((15.0, 15.0, LedgerStatus.Deducted), (points.Actual!.Value, points.Points!.Value, points.Status));

        // Pairing per core member's school: build year 1 had 景行小学 and 胜利小学 paired, 潘文斌's school unknown: 2 of 3.
        var lastYear = (await ledger.StudioLedgerAsync(liuzhou.Id, today.Year - 1, default))!;
        var year1 = lastYear.Requirements.Concat(thisYear.Requirements).Where(r => r.Code == "paired-school").SelectMany(r => r.Cells)
            .First(c => c.Period.StartsWith("第1建设年度", StringComparison.Ordinal));
        Assert.Equal((2.0, 3, LedgerStatus.Missed), (year1.Actual!.Value, year1.Target!.Value, year1.Status));
        Assert.Contains(year1.Evidence, e => e.Type == "MemberWithoutSchool" && e.Title.StartsWith("潘文斌", StringComparison.Ordinal));

        // 三会一课 by sub-kind (Guyuan, from 1 January of last year): last year shows each sub-kind met and missed.
        var guyuan = studios.Single(s => s.Name == DemoSeeder.GuyuanStudioName);
        var branch = (await ledger.StudioLedgerAsync(guyuan.Id, today.Year - 1, default))!;
        foreach (var code in new[] { "branch-committee-meeting", "party-group-meeting", "branch-general-meeting" })
        {
            var cells = branch.Requirements.Single(r => r.Code == code).Cells;
            Assert.Contains(cells, c => c.Status == LedgerStatus.Met);
            Assert.Contains(cells, c => c.Status == LedgerStatus.Missed);
        }
        Assert.All(branch.Requirements.Single(r => r.Code == "party-lecture").Cells, c => Assert.Equal(LedgerStatus.Met, c.Status));
    }
}
