using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Ledger;

/// <summary>
/// V0014 on a database with running programmes (V0001–V0013): Liuzhou's paired-school rows count per core member's
/// school, Guyuan programmes get the four 三会一课 sub-kind rows after 三会一课 in the same order as a new programme, and
/// PairingVisits recorded before are attributed to the host unit.
/// </summary>
public sealed class SchoolsMigrationTests
{
    [Fact]
    public async Task V0014MovesRunningProgrammesToTheNewRows()
    {
        await using var scratch = await ScratchDatabase.CreateAsync("westudio_v14");
        var dataSource = scratch.DataSource;
        await scratch.MigrateToAsync(13);
        var (unit, school, admin, leader, liuzhou, guyuan, studio) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var conn = await dataSource.OpenConnectionAsync())
        {
            await conn.ExecuteAsync("INSERT INTO org_units (id, name, is_root) VALUES (@unit, '工委', 1)", new { unit });
            await conn.ExecuteAsync("INSERT INTO org_units (id, name, parent_id) VALUES (@school, '景行小学', @unit)", new { school, unit });
            await conn.ExecuteAsync("INSERT INTO admins (id, username, password_hash, display_name, org_unit_id) VALUES (@admin, 'a', 'x', 'a', @unit)", new { admin, unit });
            await conn.ExecuteAsync("INSERT INTO members (id, openid) VALUES (@leader, 'o-leader')", new { leader });
            foreach (var (programme, kind, set) in new[] { (liuzhou, "PartyBuildingMaster", "Liuzhou"), (guyuan, "BranchSecretary", "Guyuan") })
                await conn.ExecuteAsync("""
                    INSERT INTO programmes (id, name, issuer, studio_kind, cycle_years, starts_on, team_cap, org_unit_id, created_by, rule_set)
                    VALUES (@programme, @set, '工委', @kind, 2, '2026-01-01', 10, @unit, @admin, @set)
                    """, new { programme, kind, unit, admin, set });
            // The rows as V0007's RuleSets wrote them (the columns that matter here).
            foreach (var (programme, rows) in new[]
            {
                (liuzhou, new[] { ("monthly-seminar", "Activities"), ("paired-school", "PairedSchools") }),
                (guyuan, new[] { ("three-meetings-one-lesson", "Activities"), ("themed-party-day", "Activities"), ("secretary-report", "CommitteeMarked") }),
            })
                for (var i = 0; i < rows.Length; i++)
                    await conn.ExecuteAsync("""
                        INSERT INTO requirements (id, programme_id, position, code, title, counts, period, activity_kinds, achievement_forms, research_subtypes,
                                                  target_min, clause, source)
                        VALUES (UUID(), @programme, @position, @code, @code, @counts, 'Month', '[]', '[]', '[]', 0, '条款', 'seeds')
                        """, new { programme, position = i + 1, code = rows[i].Item1, counts = rows[i].Item2 });
            await conn.ExecuteAsync("INSERT INTO studios (id, programme_id, name, host_org_unit_id, status) VALUES (@studio, @liuzhou, '工作室', @school, 'Active')", new { studio, liuzhou, school });
            await conn.ExecuteAsync("""
                INSERT INTO activities (id, studio_id, kind, title, starts_at, ends_at, paired_school_name, created_by)
                VALUES (UUID(), @studio, 'PairingVisit', '结对帮扶', '2026-03-03 01:00:00', '2026-03-03 03:00:00', '融安县实验小学', @leader)
                """, new { studio, leader });
        }

        var applied = await new Migrator(dataSource, NullLogger<Migrator>.Instance).MigrateAsync();
        Assert.Equal(14, applied.First());

        await using var check = await dataSource.OpenConnectionAsync();
        Assert.Equal("PairedSchoolsPerCoreSchool", await check.ExecuteScalarAsync<string>("SELECT counts FROM requirements WHERE programme_id = @liuzhou AND code = 'paired-school'", new { liuzhou }));
        var codes = (await check.QueryAsync<string>("SELECT code FROM requirements WHERE programme_id = @guyuan ORDER BY position", new { guyuan })).ToArray();
        Assert.Equal(["three-meetings-one-lesson", "branch-general-meeting", "branch-committee-meeting", "party-group-meeting", "party-lecture", "themed-party-day", "secretary-report"], codes);
        var requirements = await LedgerStore.RequirementsAsync(check, guyuan, default);
        var lecture = requirements.Single(r => r.Code == "party-lecture");
        var shipped = RuleSets.For(RuleSet.Guyuan).Single(r => r.Code == "party-lecture");
        Assert.Equal((shipped.Counts, shipped.Period, shipped.TargetMin, shipped.Clause, shipped.Source, shipped.Note), (lecture.Counts, lecture.Period, lecture.TargetMin, lecture.Clause, lecture.Source, lecture.Note));
        Assert.Equal(shipped.ActivitySubKinds, lecture.ActivitySubKinds);
        Assert.Empty(requirements.Single(r => r.Code == "three-meetings-one-lesson").ActivitySubKinds);
        Assert.Equal(school, await check.ExecuteScalarAsync<Guid>("SELECT helping_school_org_unit_id FROM activities WHERE studio_id = @studio", new { studio }));
        // The old counts value is no longer accepted.
        await Assert.ThrowsAsync<MySqlException>(() => check.ExecuteAsync("UPDATE requirements SET counts = 'PairedSchools' WHERE programme_id = @liuzhou AND code = 'paired-school'", new { liuzhou }));
    }
}
