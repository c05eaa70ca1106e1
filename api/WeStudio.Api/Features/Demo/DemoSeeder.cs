using Dapper;
using MySqlConnector;
using WeStudio.Api.Features.Briefs;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.Members;
using WeStudio.Api.Features.OrgUnits;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Demo;

/// <summary>
/// Demo data after the 2023 Liuzhou notice (seeds/000): the committee, a district and a host school, a demo programme of
/// 党建名师工作室 (2-year cycle, team cap 10: "1名负责人和10人以内成员"), one studio with its leader, members and two
/// trainees (学员), an admin, and its history and upcoming activities. Members get their openids from the WeChat sandbox by
/// logging in with <c>sandbox:&lt;name&gt;</c>, exactly as the mini-program would. Idempotent: a second run adds nothing.
/// Everything is placed relative to the day the seed runs, so the ledger looks the same whatever that day is: the Liuzhou
/// programme starts on the 1 September that puts today in its second build year, and the studio is licensed on that day
/// (the notice licenses at the start of 培育创建). One MonthlySeminar in each past month but every fourth (Missed), this
/// month's ahead; each semester's seminar but the current one's; build year 1 complete but for its backbone teachers.
/// A second demo programme under the Wenzhou set (教育先锋党员工作室, led by 梁海涛) ended a month ago with 15 counted
/// activities: 15 of 20 points (Deducted). Between this calendar year's ledgers and last year's, every status shows.
/// </summary>
public sealed partial class DemoSeeder(
    MySqlDataSource dataSource, IWeChatClient weChat, Calendar calendar, MembersStore members, PhotosStore photos, IPhotoStorage photoStorage, PhotoProcessor photoProcessor,
    PhotoMediaCheck mediaCheck, BriefReview briefReview, TimeProvider clock, ILogger<DemoSeeder> logger,
    Applications.ApplicationsStore applications, Lifecycle.LifecycleStore lifecycle,
    Evaluation.EvaluationStore evaluations)
{
    public const string CommitteeName = "中共柳州市委教育工作委员会";
    public const string AdminUsername = "liuzhou.admin";
    public const string StudioName = "覃美玲党建名师工作室";
    public const string WenzhouStudioName = "梁海涛教育先锋党员工作室";

    /// <summary>Sandbox login names (for <c>sandbox:&lt;name&gt;</c> codes) and real names; the first is the leader.</summary>
    public static readonly (string SandboxName, string DisplayName)[] People =
    [
        ("qin.meiling", "覃美玲"),
        ("wei.zhiqiang", "韦志强"),
        ("huang.xiaoyan", "黄晓燕"),
        ("mo.jianhua", "莫建华"),
        ("lan.xiuying", "蓝秀英"),
        ("pan.wenbin", "潘文斌"),
        ("liang.haitao", "梁海涛"),
    ];

    /// <summary>Trainees (学员) of the Liuzhou studio: cultivated as backbone teachers, outside the team cap.</summary>
    public static readonly (string SandboxName, string DisplayName)[] Trainees =
    [
        ("zhao.lina", "赵丽娜"),
        ("he.jun", "何军"),
    ];

    /// <summary>
    /// The start of the demo Liuzhou programme for a day: the 1 September that puts <paramref name="today"/> in build year 2
    /// of the 2-year cycle (so build year 1 has ended and the cycle still runs).
    /// </summary>
    public static DateOnly LiuzhouStart(DateOnly today) => new(today >= new DateOnly(today.Year, 9, 1) ? today.Year - 1 : today.Year - 2, 9, 1);

    /// <summary>The start of the demo Wenzhou programme: 2-year cycle that ended on the first day of last month.</summary>
    public static DateOnly WenzhouStart(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-25);

    public async Task SeedAsync(string adminPassword, CancellationToken ct = default)
    {
        var committeeId = await Bootstrap.EnsureAdminAsync(dataSource, CommitteeName, AdminUsername, adminPassword, "组织科 黄老师", ct);
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        var now = clock.GetUtcNow();
        var districtId = await EnsureOrgUnitAsync(conn, "柳北区教育局党委", committeeId, now, ct);
        var schoolId = await EnsureOrgUnitAsync(conn, "柳州市景行小学", districtId, now, ct);
        var pairedSchoolId = await EnsureOrgUnitAsync(conn, "柳州市第十二中学", districtId, now, ct);

        const string ProgrammeSql = """
            INSERT INTO programmes (id, name, issuer, studio_kind, cycle_years, starts_on, team_cap, org_unit_id, created_by, created_at, rule_set)
            SELECT @id, @name, @issuer, @kind, @cycleYears, @startsOn, 10, @committeeId, a.id, @now, @ruleSet
            FROM admins a WHERE a.username = @admin
              AND NOT EXISTS (SELECT 1 FROM programmes WHERE name = @name AND org_unit_id = @committeeId);
            SELECT id FROM programmes WHERE name = @name AND org_unit_id = @committeeId;
            """;
        var today = calendar.Today;
        var startsOn = LiuzhouStart(today);
        var licensedOn = startsOn;
        var programmeId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(ProgrammeSql, new
        {
            id = Database.NewId(), now,
            name = $"演示批次：柳州市教育系统党建名师工作室（{startsOn.Year}—{startsOn.Year + 2}）",
            issuer = "中共柳州市委教育工作委员会",
            kind = "PartyBuildingMaster", cycleYears = 2, startsOn, ruleSet = nameof(RuleSet.Liuzhou),
            committeeId,
            admin = AdminUsername,
        }, cancellationToken: ct));
        await RuleSets.InstallAsync(conn, null, programmeId, RuleSet.Liuzhou, ct);

        const string StudioSql = """
            INSERT INTO studios (id, programme_id, name, host_org_unit_id, status, created_at) VALUES (@id, @programmeId, @name, @schoolId, 'Active', @licensedAt)
            ON DUPLICATE KEY UPDATE id = id;
            SELECT id FROM studios WHERE programme_id = @programmeId AND name = @name;
            """;
        var licensedAt = calendar.At(licensedOn, TimeOnly.MinValue);
        var studioId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(StudioSql,
            new { id = Database.NewId(), programmeId, name = StudioName, schoolId, licensedAt }, cancellationToken: ct));

        async Task<List<Guid>> LogInAsync((string SandboxName, string DisplayName)[] people)
        {
            var ids = new List<Guid>();
            foreach (var (sandboxName, displayName) in people)
            {
                var login = await weChat.Code2SessionAsync($"sandbox:{sandboxName}:seed-{Guid.NewGuid():N}", ct);
                if (login.Error is { } error)
                    throw new InvalidOperationException($"The WeChat sandbox refused the demo login of {sandboxName} (errcode {error.ErrCode}); is it running?");
                ids.Add((await members.UpsertByOpenIdAsync(login.Value!.OpenId, login.Value.UnionId, displayName, ct)).Id);
            }
            return ids;
        }
        var memberIds = await LogInAsync(People);
        var traineeIds = await LogInAsync(Trainees);

        const string MembershipSql = """
            INSERT INTO studio_memberships (id, studio_id, member_id, role, joined_at)
            SELECT @id, @studioId, @memberId, @role, @licensedAt FROM DUAL
            WHERE NOT EXISTS (SELECT 1 FROM studio_memberships WHERE studio_id = @studioId AND member_id = @memberId AND removed_at IS NULL)
              AND (@role <> 'Leader' OR NOT EXISTS (SELECT 1 FROM studio_memberships WHERE studio_id = @studioId AND role = 'Leader' AND removed_at IS NULL))
            """;
        for (var i = 0; i < memberIds.Count; i++)
        {
            await conn.ExecuteAsync(new CommandDefinition(MembershipSql,
                new { id = Database.NewId(), studioId, memberId = memberIds[i], role = i == 0 ? "Leader" : "Member", licensedAt }, cancellationToken: ct));
        }
        // The trainees joined a month after licensing, by their own (trainee) invitation.
        foreach (var traineeId in traineeIds)
        {
            await conn.ExecuteAsync(new CommandDefinition(MembershipSql,
                new { id = Database.NewId(), studioId, memberId = traineeId, role = "Trainee", licensedAt = calendar.At(licensedOn.AddMonths(1), new TimeOnly(9, 0)) }, cancellationToken: ct));
        }

        await SeedActivitiesAsync(conn, studioId, memberIds, pairedSchoolId, startsOn, ct);
        await SeedSchoolsAsync(conn, studioId, memberIds, districtId, schoolId, startsOn, ct);
        await SeedBriefsAsync(conn, studioId, memberIds[0], ct);
        await SeedLedgerRecordsAsync(conn, studioId, memberIds, traineeIds, startsOn, ct);
        await SeedWenzhouStudioAsync(conn, committeeId, schoolId, memberIds, ct);
        await SeedGuyuanBranchAsync(conn, committeeId, schoolId, memberIds, ct);
        await SeedStagesAsync(conn, committeeId, districtId, schoolId, memberIds, adminPassword, ct);
        await SeedEvaluationAsync(conn, programmeId, studioId, memberIds[0], (await LogInAsync(Evaluators))[0], ct);
        logger.LogInformation("Demo data is present: studio {Studio} with {Count} people", StudioName, memberIds.Count);
    }

    /// <summary>The unit of this name under <paramref name="parentId"/>, created (with its org_unit_closure rows) if missing.</summary>
    private static async Task<Guid> EnsureOrgUnitAsync(MySqlConnection conn, string name, Guid parentId, DateTimeOffset now, CancellationToken ct)
    {
        const string IdSql = "SELECT id FROM org_units WHERE parent_id = @parentId AND name = @name";
        await using var tx = await conn.BeginTransactionAsync(ct);
        var unitId = await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(IdSql, new { name, parentId }, tx, cancellationToken: ct));
        if (unitId is null)
        {
            unitId = Database.NewId();
            await OrgUnitsStore.InsertChildAsync(conn, tx, unitId.Value, name, parentId, now, ct);
        }
        await tx.CommitAsync(ct);
        return unitId.Value;
    }

    /// <summary>
    /// The studio's history since <paramref name="startsOn"/> and what is coming, in the calendar zone (Asia/Shanghai): a
    /// MonthlySeminar on the 15th of each past month but every fourth (those months are Missed), this month's three days
    /// ahead when the month still has them; each past semester's seminar, the current one's ahead; two lectures and a
    /// pairing visit in build year 1, a lecture in build year 2 once a month of it has gone; a volunteer service five days
    /// ago with its check-ins and check-outs (so volunteer hours are not empty); a pairing visit and a 主题党日 ahead.
    /// </summary>
    private async Task SeedActivitiesAsync(MySqlConnection conn, Guid studioId, IReadOnlyList<Guid> people, Guid pairedSchoolId, DateOnly startsOn, CancellationToken ct)
    {
        var leaderId = people[0];
        const string AnySql = "SELECT EXISTS (SELECT 1 FROM activities WHERE studio_id = @studioId)";
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(AnySql, new { studioId }, cancellationToken: ct))) return;

        var now = clock.GetUtcNow();
        var today = calendar.Today;
        DateTimeOffset At(DateOnly day, int hour, int minute = 0) => calendar.At(day, new TimeOnly(hour, minute));
        const string Room = "景行小学三楼党员活动室";
        const string Hall = "柳北区教师发展中心报告厅";

        var month = new DateOnly(today.Year, today.Month, 1);
        var plans = new List<(string Kind, string Title, string Theme, DateTimeOffset Start, TimeSpan Length, string Venue, bool Geofence)>();
        string[] themes = ["学习贯彻党的二十大精神", "基层党组织标准化规范化建设", "“五基三化”行动推进", "师德师风建设", "“党建+教育”融合路径", "庆祝建党节主题研讨"];
        var k = 0;
        for (var m = startsOn; m < month; m = m.AddMonths(1), k++)
        {
            if (k % 4 == 2) continue; // a month without its seminar: Missed
            plans.Add(("MonthlySeminar", $"{m.Year}年{m.Month}月党建专题研讨", themes[k % themes.Length], At(m.AddDays(14), 15), TimeSpan.FromHours(2), Room, k % 3 == 0));
        }
        if (today.AddDays(3) < month.AddMonths(1))
            plans.Add(("MonthlySeminar", $"{month.Year}年{month.Month}月党建专题研讨", "以高质量党建推动柳州教育高质量发展", At(today.AddDays(3), 15), TimeSpan.FromHours(2), Room, true));

        // Semesters: autumn from 1 Sep, spring from 1 Feb (the ledger's defaults). Each past one held its seminar about
        // seven weeks in; the current one's is seven days ahead when the semester still has them.
        for (var sem = startsOn; sem <= today; sem = sem.Month == 9 ? new DateOnly(sem.Year + 1, 2, 1) : new DateOnly(sem.Year, 9, 1))
        {
            var ends = sem.Month == 9 ? new DateOnly(sem.Year + 1, 2, 1) : new DateOnly(sem.Year, 9, 1);
            var name = sem.Month == 9 ? $"{sem.Year}—{sem.Year + 1}学年秋季学期" : $"{sem.Year}年春季学期";
            var day = ends <= today ? sem.AddDays(50) : today.AddDays(7);
            if (day < ends) plans.Add(("SemesterSeminar", $"{name}党建工作专题研讨会", "“党建+教育”融合路径", At(day, 14, 30), TimeSpan.FromHours(3), Hall, false));
        }

        var year2 = startsOn.AddYears(1);
        plans.Add(("TrainingLecture", "党务工作者专题培训讲座", "新时代学校党建工作实务", At(startsOn.AddDays(60), 9), TimeSpan.FromHours(3), Hall, false));
        plans.Add(("TrainingLecture", "党建业务知识培训讲座（面向周边学校）", "支部“三会一课”规范", At(startsOn.AddDays(200), 9), TimeSpan.FromHours(3), Hall, false));
        if (year2.AddDays(30) < today)
            plans.Add(("TrainingLecture", "党建业务知识培训讲座", "意识形态工作责任制", At(year2.AddDays(30), 9), TimeSpan.FromHours(3), Hall, false));
        plans.Add(("PairingVisit", "结对帮扶：赴柳州市第十二中学指导“三会一课”", "支部标准化建设指导", At(startsOn.AddDays(50), 9, 30), TimeSpan.FromHours(3), "柳州市第十二中学", false));
        plans.Add(("VolunteerService", "进校园志愿服务：学雷锋义务辅导", "党员教师课后义务辅导", At(today.AddDays(-5), 14), TimeSpan.FromHours(3), "柳州市第十二中学", false));
        plans.Add(("PairingVisit", "结对帮扶：赴柳州市第十二中学指导支部建设", "标准化党支部建设面对面指导", At(today.AddDays(10), 9, 30), TimeSpan.FromHours(3), "柳州市第十二中学", false));
        plans.Add(("ThemedPartyDay", "主题党日：重温入党誓词", "不忘初心、牢记使命", At(month.AddMonths(1).AddDays(4), 15), TimeSpan.FromHours(2), "柳州市工人运动史陈列馆", false));
        const string Sql = """
            INSERT INTO activities (id, studio_id, kind, title, theme, starts_at, ends_at, venue_name, latitude, longitude, radius_meters, created_by,
                                    paired_school_org_unit_id, created_at, updated_at)
            VALUES (@id, @studioId, @kind, @title, @theme, @startsAt, @endsAt, @venue, @lat, @lng, @radius, @leaderId,
                    CASE WHEN @kind = 'PairingVisit' THEN @pairedSchoolId END, @createdAt, @createdAt)
            """;
        foreach (var p in plans)
        {
            var id = Database.NewId();
            // Scheduled a week ahead (a past activity was in the app before it took place), never after now.
            var createdAt = p.Start.AddDays(-7) < now ? p.Start.AddDays(-7) : now;
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id, studioId, kind = p.Kind, title = p.Title, theme = p.Theme, createdAt,
                startsAt = p.Start, endsAt = p.Start.Add(p.Length), venue = p.Venue,
                // 景行小学, 柳州 (GCJ-02, as the mini-program's map picker gives).
                lat = p.Geofence ? 24.3385 : (double?)null, lng = p.Geofence ? 109.4155 : (double?)null, radius = p.Geofence ? 150 : (int?)null,
                leaderId, pairedSchoolId,
            }, cancellationToken: ct));
            if (p.Kind == "VolunteerService") await SeedVolunteerHoursAsync(conn, id, p.Start, p.Start.Add(p.Length), people, now, ct);
        }
    }

    /// <summary>
    /// Check-ins and check-outs of the volunteer service: the members who came scanned in around the start and out at
    /// different times; one forgot to check out and was auto-closed at the scheduled end, for the leader to confirm.
    /// Durations are whole minutes, at most 8 past the scheduled length (within the default allowance of 30).
    /// </summary>
    private static async Task SeedVolunteerHoursAsync(
        MySqlConnection conn, Guid activityId, DateTimeOffset startsAt, DateTimeOffset endsAt, IReadOnlyList<Guid> people, DateTimeOffset now, CancellationToken ct)
    {
        // (person, minutes after the start they checked in, minutes after the start they checked out; null: auto-closed)
        var visits = new (int Person, int In, int? Out)[] { (1, -8, 180), (2, -5, 165), (3, 2, 150), (4, -3, null), (5, 10, 120) };
        const string Sql = """
            INSERT INTO check_ins (id, activity_id, member_id, checked_in_at, method, client_nonce,
                                   checked_out_at, check_out_method, check_out_nonce, duration_minutes, auto_closed, created_at)
            VALUES (@id, @activityId, @memberId, @checkedInAt, 'Scan', @inNonce, @checkedOutAt, @outMethod, @outNonce, @duration, @autoClosed, @now)
            """;
        foreach (var (person, inMinutes, outMinutes) in visits.Where(v => v.Person < people.Count))
        {
            var checkedInAt = startsAt.AddMinutes(inMinutes);
            var checkedOutAt = outMinutes is { } m ? startsAt.AddMinutes(m) : endsAt;
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id = Database.NewId(), activityId, memberId = people[person], checkedInAt, now,
                inNonce = $"demo-in-{activityId:N}", checkedOutAt,
                outMethod = outMinutes is null ? "Auto" : "Scan", outNonce = outMinutes is null ? null : $"demo-out-{activityId:N}",
                duration = (int)(checkedOutAt - checkedInAt).TotalMinutes, autoClosed = outMinutes is null,
            }, cancellationToken: ct));
        }
    }

    /// <summary>
    /// Published briefs with photos for the studio's past seminars and lecture, written the way the leader would: photos go
    /// through the same codec (re-encoded without metadata, thumb and display sizes), storage and WeChat image check as uploads (the demo photos are real photographs
    /// from Debian's mate-backgrounds with GPS written in, which the re-encode drops), and the text through msg_sec_check
    /// in the WeChat sandbox before it is published.
    /// </summary>
    private async Task SeedBriefsAsync(MySqlConnection conn, Guid studioId, Guid leaderId, CancellationToken ct)
    {
        const string AnySql = "SELECT EXISTS (SELECT 1 FROM briefs WHERE studio_id = @studioId)";
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(AnySql, new { studioId }, cancellationToken: ct))) return;
        const string PastSql = """
            SELECT id, title FROM activities WHERE studio_id = @studioId AND ends_at < @now AND kind IN ('MonthlySeminar','TrainingLecture')
            ORDER BY starts_at
            """;
        var past = (await conn.QueryAsync<(Guid Id, string Title)>(new CommandDefinition(PastSql, new { studioId, now = clock.GetUtcNow() }, cancellationToken: ct))).ToArray();

        var photoIds = new List<Guid>();
        foreach (var name in new[] { "ladybird-gps.jpg", "garden-gps.png", "flower-gps.webp" })
        {
            await using var resource = typeof(DemoSeeder).Assembly.GetManifestResourceStream($"demo-photo:{name}")
                ?? throw new InvalidOperationException($"Demo photo {name} is not embedded.");
            using var buffer = new MemoryStream();
            await resource.CopyToAsync(buffer, ct);
            var photo = await photoProcessor.ProcessAsync(buffer.ToArray(), ct);
            var id = await photos.StoreAsync(photoStorage, photo, leaderId, clock.GetUtcNow(), ct);
            await mediaCheck.RequestAsync(id, ct);
            photoIds.Add(id);
        }

        const string InsertSql = """
            INSERT INTO briefs (id, activity_id, studio_id, status, current_version, created_at, updated_at)
            VALUES (@briefId, @activityId, @studioId, 'Draft', 1, @now, @now)
            """;
        const string VersionSql = """
            INSERT INTO brief_versions (brief_id, version, title, theme, exchange, record, summary, edited_by, edited_at)
            VALUES (@briefId, 1, @title, @theme, @exchange, @record, @summary, @leaderId, @now)
            """;
        const string PhotoSql = "INSERT INTO brief_version_photos (brief_id, version, position, photo_id) VALUES (@briefId, 1, @position, @photoId)";
        for (var i = 0; i < past.Length; i++)
        {
            var now = clock.GetUtcNow();
            var briefId = Database.NewId();
            var briefPhotos = photoIds.Skip(i % photoIds.Count).Concat(photoIds.Take(i % photoIds.Count)).Take(2 + (i % 2)).ToArray();
            await using var tx = await conn.BeginTransactionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(InsertSql, new { briefId, activityId = past[i].Id, studioId, now }, tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(VersionSql, new
            {
                briefId, title = $"{past[i].Title}简讯", leaderId, now,
                theme = "学习贯彻党的二十大精神，推进“党建+教育”深度融合",
                exchange = "韦志强、黄晓燕等党员教师结合班主任工作和学科教学，交流了把党的创新理论融入课堂的做法。",
                record = "覃美玲主持。会议传达了市委教育工委有关文件精神，组织集中学习，分组讨论后形成了三条工作建议。",
                summary = "大家一致认为要把党建工作与教育教学同谋划、同部署，下一步将围绕“一支部一品牌”开展实践。",
            }, tx, cancellationToken: ct));
            await conn.ExecuteAsync(new CommandDefinition(PhotoSql,
                briefPhotos.Select((photoId, position) => new { briefId, position, photoId }).ToArray(), tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            var result = await briefReview.PublishAsync(briefId, leaderId, ct);
            logger.LogInformation("Demo brief for {Activity}: {Outcome}", past[i].Title, result.Outcome);
        }
    }

    /// <summary>
    /// Build year 1: three backbone teachers of the five asked (Missed), a work method and a research project (both Met);
    /// build year 2, once three weeks of it have gone: the two trainees and a member marked. A progress report submitted on
    /// 20 December of every calendar year that has ended inside the cycle.
    /// </summary>
    private async Task SeedLedgerRecordsAsync(MySqlConnection conn, Guid studioId, List<Guid> memberIds, List<Guid> traineeIds, DateOnly startsOn, CancellationToken ct)
    {
        var today = calendar.Today;
        var now = clock.GetUtcNow();
        var leaderId = memberIds[0];
        DateTimeOffset At(DateOnly day) => calendar.At(day, new TimeOnly(10, 0));
        const string BackboneSql = """
            INSERT INTO backbone_teachers (studio_id, member_id, year, note, marked_by, marked_at)
            VALUES (@studioId, @memberId, @year, @note, @leaderId, @markedAt)
            ON DUPLICATE KEY UPDATE studio_id = studio_id
            """;
        var marks = memberIds.Skip(1).Take(3).Select(m => (m, startsOn.AddDays(40), "“双培养”骨干教师")).ToList();
        var year2 = startsOn.AddYears(1);
        if (year2.AddDays(21) < today)
            marks.AddRange(traineeIds.Select(t => (t, year2.AddDays(21), "学员，培养为骨干教师")).Append((memberIds[4], year2.AddDays(21), "“双培养”骨干教师")));
        await conn.ExecuteAsync(new CommandDefinition(BackboneSql,
            marks.Select(x => new { studioId, memberId = x.Item1, year = x.Item2.Year, note = x.Item3, leaderId, markedAt = At(x.Item2) }).ToArray(), cancellationToken: ct));

        const string AnyAchievementSql = "SELECT EXISTS (SELECT 1 FROM achievements WHERE studio_id = @studioId)";
        if (!await conn.ExecuteScalarAsync<bool>(new CommandDefinition(AnyAchievementSql, new { studioId }, cancellationToken: ct)))
        {
            const string AchievementSql = """
                INSERT INTO achievements (id, studio_id, form, research_subtype, title, year, authors, level, evidence_urls, created_by, created_at, updated_at)
                VALUES (@id, @studioId, @form, @subtype, @title, @year, @authors, 'City', '[]', @leaderId, @at, @at)
                """;
            foreach (var (form, subtype, title, day) in new[]
            {
                ("WorkMethodOrCase", (string?)null, "“红烛先锋”党支部工作法", startsOn.AddDays(100)),
                ("ResearchOutput", "Project", "“党建+教育”融合路径研究（市级课题）", startsOn.AddDays(150)),
            })
            {
                await conn.ExecuteAsync(new CommandDefinition(AchievementSql, new
                {
                    id = Database.NewId(), studioId, form, subtype, title, year = day.Year, authors = "覃美玲，韦志强", leaderId, at = At(day),
                }, cancellationToken: ct));
            }
        }

        const string ReportSql = """
            INSERT INTO progress_reports (id, studio_id, year, text, attachment_urls, status, first_submitted_at, submitted_at, submitted_by)
            VALUES (@id, @studioId, @year, @text, '[]', 'Submitted', @at, @at, @leaderId)
            ON DUPLICATE KEY UPDATE id = id
            """;
        var cycleEnds = startsOn.AddYears(2);
        for (var year = startsOn.Year; new DateOnly(year, 12, 20) < today && new DateOnly(year + 1, 1, 1) <= cycleEnds; year++)
        {
            await conn.ExecuteAsync(new CommandDefinition(ReportSql, new
            {
                id = Database.NewId(), studioId, year, leaderId, at = At(new DateOnly(year, 12, 20)),
                text = $"{StudioName}{year}年度建设进展报告：按计划开展党建专题研讨、培训讲座和结对帮扶，形成代表性成果。",
            }, cancellationToken: ct));
        }
    }

    /// <summary>A person's membership of a demo studio (role, joined at <c>@licensedAt</c>), unless they already have one there.</summary>
    private const string OneMembershipSql = """
        INSERT INTO studio_memberships (id, studio_id, member_id, role, joined_at)
        SELECT @id, @studioId, @memberId, @role, @licensedAt FROM DUAL
        WHERE NOT EXISTS (SELECT 1 FROM studio_memberships WHERE studio_id = @studioId AND member_id = @memberId)
        """;

    /// <summary>
    /// A demo programme of one studio (once per name: a second run finds both): the programme under <paramref name="ruleSet"/>
    /// with its requirements, and its studio hosted by <paramref name="schoolId"/>, licensed at the programme's start (midnight,
    /// Asia/Shanghai). Returns their ids and the licence time.
    /// </summary>
    private async Task<(Guid ProgrammeId, Guid StudioId, DateTimeOffset LicensedAt)> SeedOneStudioProgrammeAsync(
        MySqlConnection conn, Guid committeeId, Guid schoolId, string name, string studioKind, int cycleYears, DateOnly startsOn, int teamCap,
        RuleSet ruleSet, string studioName, CancellationToken ct)
    {
        const string ProgrammeSql = """
            INSERT INTO programmes (id, name, issuer, studio_kind, cycle_years, starts_on, team_cap, org_unit_id, created_by, created_at, rule_set)
            SELECT @id, @name, '中共柳州市委教育工作委员会', @studioKind, @cycleYears, @startsOn, @teamCap, @committeeId, a.id, @now, @ruleSet
            FROM admins a WHERE a.username = @admin
              AND NOT EXISTS (SELECT 1 FROM programmes WHERE name = @name AND org_unit_id = @committeeId);
            SELECT id FROM programmes WHERE name = @name AND org_unit_id = @committeeId;
            """;
        var programmeId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(ProgrammeSql, new
        {
            id = Database.NewId(), name, studioKind, cycleYears, startsOn, teamCap, ruleSet = ruleSet.ToString(), now = clock.GetUtcNow(),
            committeeId, admin = AdminUsername,
        }, cancellationToken: ct));
        await RuleSets.InstallAsync(conn, null, programmeId, ruleSet, ct);
        var licensedAt = calendar.At(startsOn, TimeOnly.MinValue);
        const string StudioSql = """
            INSERT INTO studios (id, programme_id, name, host_org_unit_id, status, created_at) VALUES (@studioId, @programmeId, @studioName, @schoolId, 'Active', @licensedAt)
            ON DUPLICATE KEY UPDATE id = id;
            SELECT id FROM studios WHERE programme_id = @programmeId AND name = @studioName;
            """;
        var studioId = await conn.QuerySingleAsync<Guid>(new CommandDefinition(StudioSql,
            new { studioId = Database.NewId(), programmeId, studioName, schoolId, licensedAt }, cancellationToken: ct));
        return (programmeId, studioId, licensedAt);
    }

    /// <summary>
    /// A 教育先锋党员工作室 under the Wenzhou set (seeds/002) whose two-year cycle ended on the first day of last month:
    /// 8 activities with theme, notice and brief in build year 1 (Met), 7 in build year 2 (Missed), 15 in the cycle: 15 of
    /// 20 points (Deducted). One more activity in build year 2 has a notice and a brief but no theme: it does not count.
    /// </summary>
    private async Task SeedWenzhouStudioAsync(MySqlConnection conn, Guid committeeId, Guid schoolId, List<Guid> memberIds, CancellationToken ct)
    {
        var startsOn = WenzhouStart(calendar.Today);
        var name = $"演示批次：教育先锋党员工作室（按温州市标准，{startsOn:yyyy.MM}—{startsOn.AddYears(2).AddDays(-1):yyyy.MM}）";
        var (_, studioId, licensedAt) = await SeedOneStudioProgrammeAsync(conn, committeeId, schoolId,
            name, "PioneerMember", 2, startsOn, 20, RuleSet.Wenzhou, WenzhouStudioName, ct);
        var leaderId = memberIds[^1];
        foreach (var (memberId, role) in memberIds.Skip(2).Take(3).Select(m => (m, "Member")).Prepend((leaderId, "Leader")))
            await conn.ExecuteAsync(new CommandDefinition(OneMembershipSql, new { id = Database.NewId(), studioId, memberId, role, licensedAt }, cancellationToken: ct));

        const string AnySql = "SELECT EXISTS (SELECT 1 FROM activities WHERE studio_id = @studioId)";
        if (await conn.ExecuteScalarAsync<bool>(new CommandDefinition(AnySql, new { studioId }, cancellationToken: ct))) return;
        const string ActivitySql = """
            INSERT INTO activities (id, studio_id, kind, title, theme, starts_at, ends_at, venue_name, created_by, created_at, updated_at)
            VALUES (@id, @studioId, 'ResearchSession', @title, @theme, @startsAt, @endsAt, '瓯海区教师发展中心', @leaderId, @createdAt, @createdAt)
            """;
        const string BriefSql = """
            INSERT INTO briefs (id, activity_id, studio_id, status, current_version, published_version, first_published_at, published_at, created_at, updated_at)
            VALUES (@briefId, @id, @studioId, 'Published', 1, 1, @publishedAt, @publishedAt, @publishedAt, @publishedAt);
            INSERT INTO brief_versions (brief_id, version, title, theme, exchange, record, summary, edited_by, edited_at)
            VALUES (@briefId, 1, @briefTitle, @theme, '学员交流课堂实践与反思。', '领衔人主持，学员分组研讨。', '形成下一阶段研修计划。', @leaderId, @publishedAt);
            """;
        // Build year 1: 8 activities about every six weeks; build year 2: 7, and an eighth without a theme.
        var plans = Enumerable.Range(0, 8).Select(i => (Day: startsOn.AddDays(20 + 42 * i), Theme: (string?)$"研修专题{i + 1}：课堂教学与立德树人"))
            .Concat(Enumerable.Range(0, 8).Select(i => (Day: startsOn.AddYears(1).AddDays(20 + 42 * i), Theme: i == 7 ? null : (string?)$"研修专题{i + 9}：“三进三实”服务行动")))
            .ToArray();
        foreach (var (day, theme) in plans)
        {
            var startsAt = calendar.At(day, new TimeOnly(14, 0));
            await conn.ExecuteAsync(new CommandDefinition(ActivitySql + ";" + BriefSql, new
            {
                id = Database.NewId(), briefId = Database.NewId(), studioId, leaderId, theme, startsAt, endsAt = startsAt.AddHours(2),
                title = theme is null ? "工作室例会" : $"教育先锋党员工作室研修活动（{day:M月d日}）", briefTitle = $"研修活动简讯（{day:M月d日}）",
                createdAt = startsAt.AddDays(-7), publishedAt = startsAt.AddDays(1),
            }, cancellationToken: ct));
        }
    }
}
