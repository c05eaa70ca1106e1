using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Applications;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Lifecycle;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Demo;

/// <summary>
/// The stages of a studio's life in the demo (issue 13), so a new user sees each: an open call of a third batch of
/// 名师党支部书记工作室 (Liuzhou rules, closing 30 days from the seed, quotas 柳北区 3 and 柳州职业技术学院 1) with one draft
/// (韦志强) and one application endorsed by the 柳北区 admin (黄晓燕); and the Wenzhou demo studio in rectification after a
/// failed mid-term evaluation. Goes through the stores the endpoints use; idempotent (nothing is added when the call exists).
/// </summary>
public sealed partial class DemoSeeder
{
    public const string DistrictAdminUsername = "liubei.admin";
    public const string CallTitle = "柳州市教育系统名师党支部书记工作室（第三批）申报";

    private async Task SeedStagesAsync(MySqlConnection conn, Guid committeeId, Guid districtId, Guid schoolId, IReadOnlyList<Guid> people, string adminPassword, CancellationToken ct)
    {
        const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM calls WHERE title = @title)";
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(ExistsSql, new { title = CallTitle }, cancellationToken: ct))) return;
        var now = clock.GetUtcNow();
        var today = calendar.Today;
        var collegeId = await EnsureOrgUnitAsync(conn, "柳州职业技术学院", committeeId, now, ct);

        const string DistrictAdminSql = """
            INSERT INTO admins (id, username, password_hash, display_name, org_unit_id)
            SELECT @id, @username, @hash, '柳北区教育局党委 组织员', @districtId FROM DUAL
            WHERE NOT EXISTS (SELECT 1 FROM admins WHERE username = @username);
            SELECT id FROM admins WHERE username = @username;
            """;
        var districtAdminId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(DistrictAdminSql, new
        {
            id = Database.NewId(), username = DistrictAdminUsername, hash = AdminPasswords.Hash(adminPassword), districtId,
        }, cancellationToken: ct));

        const string ProgrammeSql = """
            INSERT INTO programmes (id, name, issuer, studio_kind, cycle_years, starts_on, team_cap, org_unit_id, created_by, created_at, rule_set)
            SELECT @id, '柳州市教育系统名师党支部书记工作室（第三批）', '中共柳州市委教育工作委员会', 'BranchSecretary', 2, @startsOn, 10, @committeeId, a.id, @now, 'Liuzhou'
            FROM admins a WHERE a.username = @admin
              AND NOT EXISTS (SELECT 1 FROM programmes WHERE name = '柳州市教育系统名师党支部书记工作室（第三批）' AND org_unit_id = @committeeId);
            SELECT id, created_by FROM programmes WHERE name = '柳州市教育系统名师党支部书记工作室（第三批）' AND org_unit_id = @committeeId;
            """;
        var (programmeId, adminId) = await conn.QuerySingleAsync<(Guid, Guid)>(new CommandDefinition(ProgrammeSql, new
        {
            id = Database.NewId(), startsOn = today.AddMonths(2), committeeId, now, admin = AdminUsername,
        }, cancellationToken: ct));
        await Ledger.RuleSets.InstallAsync(conn, null, programmeId, Ledger.RuleSet.Liuzhou, ct);

        var call = await applications.CreateCallAsync(programmeId, adminId, CallTitle, CallRules.Liuzhou, today, calendar.At(today.AddDays(30), new TimeOnly(17, 30)),
            null, 1, [new CallQuotaDto(districtId, 3), new CallQuotaDto(collegeId, 1)], ct);
        var callRow = (await applications.FindCallAsync(call.Id, ct))!;

        // 韦志强's draft: the branch's founding date not filled in yet.
        await applications.CreateDraftAsync(callRow, people[1], "景行小学第二党支部名师党支部书记工作室", schoolId, new ApplicationForm
        {
            StudioName = "景行小学第二党支部名师党支部书记工作室", HostOrgUnitId = schoolId,
            Leader = new LeaderFacts { IsBranchSecretary = true },
            Plan = "以“党建+课堂”为主线，每月开展一次党建专题研讨。",
        }, ct);

        // 黄晓燕's application, submitted and endorsed by 柳北区.
        var endorsed = await applications.CreateDraftAsync(callRow, people[2], "景行小学第一党支部名师党支部书记工作室", schoolId, new ApplicationForm
        {
            StudioName = "景行小学第一党支部名师党支部书记工作室", HostOrgUnitId = schoolId,
            Leader = new LeaderFacts { BranchFoundedOn = new DateOnly(2012, 9, 1), IsBranchSecretary = true },
            Team = [new TeamMemberForm("莫建华", "成员", "一级教师"), new TeamMemberForm("蓝秀英", "成员", "高级教师")],
            Plan = "围绕五项建设任务，创建“红烛先锋”支部工作法。",
            Links = ["https://example.org/liuzhou/申报书-景行小学第一党支部.pdf"],
        }, ct);
        await applications.MoveAsync(endorsed.Id!.Value, [ApplicationStatus.Draft], ApplicationStatus.Submitted, "Submit", false, people[2], null, callRow.ClosesAt, ct);
        await applications.EndorseAsync(endorsed.Id.Value, districtAdminId, "经柳北区教育局党委研究，同意推荐", ct);

        // The Wenzhou demo studio, in rectification after a failed mid-term evaluation.
        const string WenzhouSql = "SELECT id FROM studios WHERE name = '梁海涛教育先锋党员工作室'";
        var studioId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(WenzhouSql, cancellationToken: ct));
        string[] items = ["每月活动做到“有计划、有主题、有交流、有记录、有小结”", "团队成员补足至10人以上"];
        await lifecycle.TransitionAsync(studioId, [StudioStatus.Active], "OpenRectification", true, adminId, "中期评估不合格：活动记录不全，团队不足10人",
            async (c, tx, _, at) =>
            {
                await LifecycleStore.OpenRectificationAsync(c, tx, studioId, null, today.AddDays(30), items, adminId, at, ct);
                return new LifecycleStore.Step(StudioStatus.Rectifying);
            }, ct);
    }
}
