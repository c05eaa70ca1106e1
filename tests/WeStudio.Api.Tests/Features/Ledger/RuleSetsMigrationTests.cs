using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Ledger;

/// <summary>
/// V0007 on a database that already has programmes under the old reading (V0001–V0006 with their rule-set copies): their
/// requirements are corrected, not left wrong.
/// </summary>
public sealed class RuleSetsMigrationTests
{
    [Fact]
    public async Task V0007CorrectsTheRequirementsOfRunningProgrammes()
    {
        await using var scratch = await ScratchDatabase.CreateAsync("westudio_v7");
        var dataSource = scratch.DataSource;
        await scratch.MigrateToAsync(6);
        await using (var conn = await dataSource.OpenConnectionAsync())
        {
            var unit = Guid.NewGuid();
            var admin = Guid.NewGuid();
            await conn.ExecuteAsync("INSERT INTO org_units (id, name, is_root) VALUES (@unit, '工委', 1)", new { unit });
            await conn.ExecuteAsync("INSERT INTO admins (id, username, password_hash, display_name, org_unit_id) VALUES (@admin, 'a', 'x', 'a', @unit)", new { admin, unit });
            // The old sets' rows, as V0005's RuleSets wrote them (the columns that matter here).
            foreach (var (kind, set, rows) in new[]
            {
                ("BranchSecretary", "Liuzhou", new[] { ("monthly-seminar", "Activities", "Month"), ("training-lectures", "Activities", "Year"), ("representative-achievements", "Achievements", "Year"), ("progress-report", "ProgressReport", "Year"), ("mid-term-evaluation", "EvaluatorChecked", "Cycle") }),
                ("PartyBuildingMaster", "Liuzhou", new[] { ("monthly-seminar", "Activities", "Month"), ("training-lectures", "Activities", "Year"), ("progress-report", "ProgressReport", "Year") }),
                ("DualLeader", "Maoming", new[] { ("representative-achievement", "Achievements", "Year"), ("annual-report", "ProgressReport", "Year"), ("final-report", "EvaluatorChecked", "Cycle") }),
                ("PioneerMember", "Wenzhou", new[] { ("activities-with-brief", "ActivitiesWithNoticeAndBrief", "Year"), ("activities-cycle", "ActivitiesWithNoticeAndBrief", "Cycle"), ("attendance", "AttendanceRate", "Year") }),
            })
            {
                var programme = Guid.NewGuid();
                await conn.ExecuteAsync("""
                    INSERT INTO programmes (id, name, issuer, studio_kind, cycle_years, starts_on, team_cap, org_unit_id, created_by, rule_set)
                    VALUES (@programme, @kind, '工委', @kind, 2, '2024-10-01', 10, @unit, @admin, @set)
                    """, new { programme, kind, unit, admin, set });
                for (var i = 0; i < rows.Length; i++)
                    await conn.ExecuteAsync("""
                        INSERT INTO requirements (id, programme_id, position, code, title, counts, period, activity_kinds, achievement_forms, research_subtypes,
                                                  target_min, target_rate, clause, source)
                        VALUES (UUID(), @programme, @position, @code, @code, @counts, @period, '[]', '[]', '[]', 1, @rate, '条款', 'seeds')
                        """, new { programme, position = i + 1, code = rows[i].Item1, counts = rows[i].Item2, period = rows[i].Item3, rate = rows[i].Item2 == "AttendanceRate" ? 0.8m : (decimal?)null });
            }
        }

        var applied = await new Migrator(dataSource, NullLogger<Migrator>.Instance).MigrateAsync();
        Assert.Equal(7, applied.First()); // V0007 runs first on top of V0006; later issues' migrations follow it

        await using var check = await dataSource.OpenConnectionAsync();
        async Task<Dictionary<string, (string Period, decimal? Rate, decimal? Points)>> RowsAsync(string kind) =>
            (await check.QueryAsync<(string Code, string Period, decimal? Rate, decimal? Points)>("""
                SELECT r.code, r.period, r.target_rate, r.points_at_target FROM requirements r JOIN programmes p ON p.id = r.programme_id WHERE p.studio_kind = @kind
                """, new { kind })).ToDictionary(r => r.Code, r => (r.Period, r.Rate, r.Points));
        var secretary = await RowsAsync("BranchSecretary");
        Assert.Equal(["final-acceptance", "mid-term-evaluation", "party-life-systems", "progress-report", "representative-achievements"], secretary.Keys.Order());
        Assert.Equal(("BuildYear", "CalendarYear"), (secretary["representative-achievements"].Period, secretary["progress-report"].Period));
        Assert.Equal("LiuzhouBranchSecretary", await check.ExecuteScalarAsync<string>("SELECT rule_set FROM programmes WHERE studio_kind = 'BranchSecretary'"));
        var master = await RowsAsync("PartyBuildingMaster");
        Assert.Equal(("Month", "BuildYear", "CalendarYear"), (master["monthly-seminar"].Period, master["training-lectures"].Period, master["progress-report"].Period));
        Assert.Contains("final-acceptance", master.Keys);
        var maoming = await RowsAsync("DualLeader");
        Assert.Equal(["final-report", "representative-achievement", "yearly-assessment"], maoming.Keys.Order());
        Assert.Equal("BuildYear", maoming["yearly-assessment"].Period);
        var wenzhou = await RowsAsync("PioneerMember");
        Assert.Equal(("BuildYear", (decimal?)null), (wenzhou["attendance"].Period, wenzhou["attendance"].Rate));
        Assert.Equal(16m, wenzhou["activities-cycle"].Points);
        // The new lists hold: the old period is refused, a Guyuan programme accepted.
        await Assert.ThrowsAsync<MySqlException>(() => check.ExecuteAsync("UPDATE requirements SET period = 'Year' LIMIT 1"));
        await check.ExecuteAsync("UPDATE programmes SET rule_set = 'Guyuan' WHERE studio_kind = 'PioneerMember'");
    }
}
