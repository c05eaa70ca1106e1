using Dapper;
using System.Text.Json;
using MySqlConnector;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Features.Achievements;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.Programmes;

namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// The requirement sets of the notices in seeds/ (000 Liuzhou, 001 Maoming, 002 Wenzhou, 003 Gansu, 004 Guyuan), as data.
/// A programme gets a copy of its set in the <c>requirements</c> table when it is created, so later edits to a set never
/// change a running batch. Every requirement quotes its clause from the notice; a yearly target ("每年…") is owed per
/// build year, an explicit calendar deadline per calendar year. Where the notice gives no figure, none is invented: the
/// item is counted and shown for the evaluator (target 0 or no rate), and the note says so.
/// </summary>
public static class RuleSets
{
    private const string Liuzhou = "柳州市委教育工委 2023 (seeds/000)";
    private const string Maoming = "茂名职业技术学院党委 2023 (seeds/001)";
    private const string Wenzhou = "温州市教育局党委 2022 (seeds/002)";
    private const string Gansu = "甘肃省委教育工委 2023 (seeds/003)";
    private const string Guyuan = "固原市教育工委 2022 (seeds/004)";

    /// <summary>
    /// The set a programme gets when the request names none: Liuzhou's 党建名师工作室 set for PartyBuildingMaster, its
    /// 名师党支部书记工作室 set for BranchSecretary, Maoming for DualLeader, Wenzhou for PioneerMember, Gansu for
    /// DualExcellence. Guyuan's branch model has no studio kind of its own: a programme names it.
    /// </summary>
    public static RuleSet DefaultFor(StudioKind kind) => kind switch
    {
        StudioKind.PartyBuildingMaster => RuleSet.Liuzhou,
        StudioKind.BranchSecretary => RuleSet.LiuzhouBranchSecretary,
        StudioKind.DualLeader => RuleSet.Maoming,
        StudioKind.PioneerMember => RuleSet.Wenzhou,
        StudioKind.DualExcellence => RuleSet.Gansu,
        _ => RuleSet.None,
    };

    private static RequirementDto R(string code, string title, RequirementCounts counts, RequirementPeriod period, int min, string clause, string source,
        ActivityKind[]? kinds = null, AchievementForm[]? forms = null, ResearchSubtype[]? subtypes = null, int? max = null, decimal? rate = null, string? note = null,
        (decimal AtTarget, decimal PerUnit, decimal Max)? points = null, ActivitySubKind[]? subKinds = null) =>
        new()
        {
            Code = code, Title = title, Counts = counts, Period = period, TargetMin = min, TargetMax = max, TargetRate = rate,
            ActivityKinds = kinds ?? [], ActivitySubKinds = subKinds ?? [], AchievementForms = forms ?? [], ResearchSubtypes = subtypes ?? [], Clause = clause, Source = source, Note = note,
            PointsAtTarget = points?.AtTarget, PointsPerUnit = points?.PerUnit, PointsMax = points?.Max,
        };

    private const string EvaluationClause = "市委教育工委按照目标管理和过程管理相结合的方式，进行年度评估考核和中期进展评估";
    private const string AcceptanceClause =
        "建设期满，各名师党支部书记工作室、党建名师工作室提交工作总结报告和成果汇编。市委教育工委在过程跟踪评估的基础上，通过审查总结报告和成果材料、听取专题汇报、实地考察验收等进行综合评定。评定达标的，予以结项，深化宣传推广；评定不达标的，予以通报。";

    /// <summary>Liuzhou's lines that both of its kinds owe (seeds/000 三(三) 培育创建 and 验收推广).</summary>
    private static RequirementDto[] LiuzhouCommon() =>
    [
        R("representative-achievements", "代表性成果", RequirementCounts.Achievements, RequirementPeriod.BuildYear, 1,
            "建设期内，各名师党支部书记工作室、党建名师工作室每年要至少形成 1—2 项代表性成果", Liuzhou, max: 2,
            note: "Achievements of any form dated in the build year; the upper figure 2 is shown, not enforced."),
        R("progress-report", "年度建设进展报告", RequirementCounts.ProgressReport, RequirementPeriod.CalendarYear, 1,
            "各名师党支部书记工作室、党建名师工作室每年 12 月底前，需提交年度建设进展报告", Liuzhou,
            note: "An explicit calendar deadline: due 31 December of each calendar year whose end falls inside the cycle; none after acceptance."),
        R("mid-term-evaluation", "年度评估考核和中期进展评估", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0, EvaluationClause, Liuzhou),
        R("final-acceptance", "验收：工作总结报告和成果汇编", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0, AcceptanceClause, Liuzhou,
            note: "The committee's verdict: 达标 closes the studio's project (结项); otherwise the studio is named in a notice (通报)."),
    ];

    private const string BranchRegulation = "中国共产党支部工作条例（试行）第十九条（seeds/004 三是：认真贯彻落实）";
    private const string BranchRegulationNote =
        "The notice (seeds/004) sets no frequency for each of 三会一课; it requires implementing the 支部工作条例, whose frequency this is (\"一般\"). Not the notice's number: a committee may change it for its programme (PUT /api/v1/programmes/{id}/requirements/{code}).";

    /// <summary>
    /// Guyuan's 三会一课 by sub-kind. The notice cites 《中国共产党支部工作条例（试行）》 ("全市各中小学校基层党支部要认真贯彻落实",
    /// seeds/004 三是) but gives no frequency of its own; the targets are the regulation's 第十九条, said so in each note,
    /// and a programme may change them.
    /// </summary>
    private static RequirementDto[] GuyuanSubKinds() =>
    [
        R("branch-general-meeting", "支部党员大会（每季度）", RequirementCounts.Activities, RequirementPeriod.Quarter, 1, "党员大会一般每季度召开1次", BranchRegulation,
            kinds: [ActivityKind.ThreeMeetingsOneLesson], subKinds: [ActivitySubKind.BranchGeneralMeeting], note: BranchRegulationNote),
        R("branch-committee-meeting", "支委会（每月）", RequirementCounts.Activities, RequirementPeriod.Month, 1, "党支部委员会会议一般每月召开1次", BranchRegulation,
            kinds: [ActivityKind.ThreeMeetingsOneLesson], subKinds: [ActivitySubKind.BranchCommitteeMeeting], note: BranchRegulationNote),
        R("party-group-meeting", "党小组会（每月）", RequirementCounts.Activities, RequirementPeriod.Month, 1, "党小组会一般每月召开1次", BranchRegulation,
            kinds: [ActivityKind.ThreeMeetingsOneLesson], subKinds: [ActivitySubKind.PartyGroupMeeting], note: BranchRegulationNote),
        R("party-lecture", "党课（每季度）", RequirementCounts.Activities, RequirementPeriod.Quarter, 1, "党课一般每季度1次", BranchRegulation,
            kinds: [ActivityKind.ThreeMeetingsOneLesson], subKinds: [ActivitySubKind.PartyLecture], note: BranchRegulationNote),
    ];

    /// <summary>The requirements of a set, in ledger order (positions 1…n).</summary>
    public static RequirementDto[] For(RuleSet set) => (set switch
    {
        RuleSet.Liuzhou =>
        [
            R("monthly-seminar", "每月党建专题研讨", RequirementCounts.Activities, RequirementPeriod.Month, 1,
                "每月召开1次党建专题研讨活动。", Liuzhou, kinds: [ActivityKind.MonthlySeminar]),
            R("semester-seminar", "每学期党建工作专题研讨会", RequirementCounts.Activities, RequirementPeriod.Semester, 1,
                "每学期召开一次1次党建工作专题研讨会", Liuzhou, kinds: [ActivityKind.SemesterSeminar]),
            R("training-lectures", "党建业务知识培训讲座", RequirementCounts.Activities, RequirementPeriod.BuildYear, 2,
                "每年举办面向设立学校及周边学校的党建业务知识培训讲座不少于2次。", Liuzhou, kinds: [ActivityKind.TrainingLecture]),
            R("backbone-teachers", "培养固定骨干教师", RequirementCounts.BackboneTeachers, RequirementPeriod.BuildYear, 5,
                "制定培养计划，每年培养固定骨干教师不少于5人。", Liuzhou,
                note: "People the studio cultivates: trainees (学员, outside the team cap) or team members marked as backbone teachers in the build year."),
            R("research-project", "“党建+教育”研究项目", RequirementCounts.Achievements, RequirementPeriod.BuildYear, 1,
                "负责人每年至少组织本工作室开展一项以“党建+教育”为主题的研究项目", Liuzhou,
                forms: [AchievementForm.ResearchOutput], subtypes: [ResearchSubtype.Project],
                note: "Counted as achievements of form ResearchOutput, subtype Project, dated in the build year."),
            R("paired-school", "核心成员所在学校结对帮扶", RequirementCounts.PairedSchoolsPerCoreSchool, RequirementPeriod.BuildYear, 1,
                "党建名师工作室核心成员所在学校每年至少结对帮扶一所学校", Liuzhou,
                note: "Per build year: target = the distinct schools of the core members (leader and team members, not trainees) at the year's end (or now); actual = how many of them helped at least this many distinct schools (PairingVisit activities naming them as the helping school). A core member with no school recorded counts as a school not yet paired, and is listed."),
            .. LiuzhouCommon(),
        ],
        RuleSet.LiuzhouBranchSecretary =>
        [
            .. LiuzhouCommon(),
            R("party-life-systems", "严格执行“三会一课”、主题党日等制度", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "严格执行“三会一课”、主题党日、组织生活会、民主评议党员等制度。", Liuzhou,
                note: "三(一) names these systems but sets no frequency: the evaluator checks them; the studio's ThreeMeetingsOneLesson and ThemedPartyDay activities are the evidence."),
        ],
        RuleSet.Maoming =>
        [
            R("representative-achievement", "代表性成果", RequirementCounts.Achievements, RequirementPeriod.BuildYear, 1,
                "建设期内,各\"双带头人\"工作室每年要至少形成1项代表性成果", Maoming),
            R("yearly-assessment", "年度考核", RequirementCounts.EvaluatorChecked, RequirementPeriod.BuildYear, 0,
                "考核工作按年度开展,以审阅材料、实地抽查、过程监管等方式进行。考核合格的,拨付下一年度建设经费;考核不合格的,限期整改,视情决定是否继续予以支持。", Maoming,
                note: "The notice sets no report deadline: the committee's yearly assessment (合格/不合格) of each build year decides next year's funding."),
            R("final-report", "工作总结报告和成果汇编", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "建设期满,\"双带头人\"工作室提交工作总结报告和成果汇编。", Maoming),
        ],
        RuleSet.Wenzhou =>
        [
            R("activities-with-brief", "研修活动（有主题、有通知、有简讯）", RequirementCounts.ActivitiesWithNoticeAndBrief, RequirementPeriod.BuildYear, 8,
                "积极开展研修活动，有主题、有通知、有简讯。每年完成不少于8次活动，两年计16分", Wenzhou,
                note: "An activity counts when it has a theme (the activity's or its brief's), was announced (in the app at least 24 h before it started, or a WeChat reminder of it delivered before it started) and its brief is published."),
            R("activities-cycle", "两年研修活动总数（计分）", RequirementCounts.ActivitiesWithNoticeAndBrief, RequirementPeriod.Cycle, 16,
                "A.两年完成16次活动计16分 B.两年完成16次以上活动，多1次加1分，最高不超过20分 C.两年完成16次活动，少一次扣1分", Wenzhou, max: 20,
                points: (16, 1, 20),
                note: "Scored: 16 activities earn 16 of 20 points, each one more +1 up to 20, each one fewer −1. Below 16 the item is Deducted, not Missed."),
            R("team-size", "工作团队", RequirementCounts.TeamSize, RequirementPeriod.BuildYear, 10,
                "工作室成员至少10人以上，结构合理、分工明确", Wenzhou, note: "Active team members, the leader and trainees (学员) not counted."),
            R("attendance", "党员师生群众参与率", RequirementCounts.AttendanceRate, RequirementPeriod.BuildYear, 0,
                "党员师生群众参与率高、教育效果好，避免流于形式、走过场。", Wenzhou,
                note: "The notice gives no figure (参与率高): WeStudio shows the measured rate as evidence and the evaluator judges it."),
            R("three-in-three-real", "“三进三实”服务行动（6项完成4项）", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 4,
                "积极带动党员、骨干教师开展进课堂帮扶诊断、进校园志愿服务、进家庭温暖家访，切实开展师徒结对，扎实开设公开课、讲座，落实工作室驻校研修等6项行动，完成其中4项则合格。", Wenzhou,
                note: "Activities do not yet record which of the six actions they serve, so the evaluator checks this item."),
            R("venue-six-haves", "活动阵地“六有”", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "按照“六有”标准提供固定场所和必要工作设备，有党旗，有党徽，有入党誓词，有学习教育资源，有工作目标、活动计划及记录资料，有管理人员和管理制度。", Wenzhou),
            R("activity-records", "活动“五有”", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "要确保每次活动“有计划、有主题、有交流、有记录、有小结”，切实保证活动质量。", Wenzhou,
                note: "The brief carries 主题/交流/记录/小结; the plan and the quality are judged by the evaluator."),
        ],
        RuleSet.Gansu =>
        [
            R("building-plan", "工作室管理制度、建设方案和工作计划（批准并备案）", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "“双优”党支部书记工作室要建立健全工作室管理制度，科学制定工作室建设方案和工作计划，并经所在高校党委、县区教育部门批准后报省委教育工委备案", Gansu),
            R("annual-work-plan", "年度工作计划纳入学校年度整体工作规划", RequirementCounts.EvaluatorChecked, RequirementPeriod.BuildYear, 0,
                "负责工作室的日常管理和业务指导工作，每年将工作室工作计划纳入年度整体工作规划予以推进落实。", Gansu,
                note: "A duty of the host school's Party organisation, checked per build year."),
            R("typical-activities", "典型性创新性活动", RequirementCounts.Activities, RequirementPeriod.BuildYear, 0,
                "要加强团队建设，做好示范引领，开展典型性创新性活动，为全省教育系统党建工作提供指导和服务", Gansu,
                note: "The notice sets no number: the studio's held activities are counted and shown; the evaluator judges them."),
            R("report-upwards", "总结推广经验成果，向上级党组织报告工作", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "要及时总结推广工作经验和成果，及时向上级党组织报告工作中的成绩、存在的困难和有关意见建议。", Gansu),
            R("venue", "不少于15平米的办公场所", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "要为工作室建设提供不少于15平米的办公场所，配备基本的办公条件，提供一定的工作经费和相关政策等方面的保障", Gansu,
                note: "Also an eligibility condition checked at application (RuleSets.EligibilityOf)."),
            R("name-and-leader", "以支部全称命名，不随意更换名称、方向和主持人", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "“双优”党支部书记工作室以支部全称命名，实行主持人负责制，设主持人1人。工作室建设周期内不得随意更换名称、建设方向和主持人，因特殊原因需要更换主持人，须经所在学校党组织同意，并报省委教育工委审批后方可调整。", Gansu,
                note: "A leader change needs the school's consent and the provincial committee's approval (lifecycle)."),
            R("final-acceptance", "建设期满实地检查和验收", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "“双优”党支部书记工作室建设周期为3年，建设期满后，省委教育工委组织专家进行实地检查和验收。", Gansu),
        ],
        RuleSet.Guyuan =>
        [
            R("three-meetings-one-lesson", "“三会一课”", RequirementCounts.Activities, RequirementPeriod.Month, 0,
                "要督促党支部严格落实“三会一课”、主题党日", Guyuan, kinds: [ActivityKind.ThreeMeetingsOneLesson],
                note: "The notice sets no frequency for 三会一课 as a whole: the month's 三会一课 are counted and shown, with each sub-kind named in the evidence; the four rows after this one count the sub-kinds against the 支部工作条例."),
            .. GuyuanSubKinds(),
            R("themed-party-day", "主题党日", RequirementCounts.Activities, RequirementPeriod.Month, 0,
                "要督促党支部严格落实“三会一课”、主题党日", Guyuan, kinds: [ActivityKind.ThemedPartyDay],
                note: "The notice sets no frequency: the month's 主题党日 are counted and shown; a programme may set a target."),
            R("secretary-report", "党支部书记每半年向上级党组织报告工作", RequirementCounts.CommitteeMarked, RequirementPeriod.HalfYear, 1,
                "党支部书记要增强党的意识、责任意识，提高政治站位，带头遵守党内各项制度规定，每半年向上级党组织报告1次工作。", Guyuan,
                note: "The committee marks the report received in the half year."),
            R("contact-visit", "工委班子成员每季度到联系点", RequirementCounts.CommitteeMarked, RequirementPeriod.Quarter, 1,
                "工委（党委）班子成员每人联系1个基层党支部或软弱涣散党组织，每季度到联络点不少于1次", Guyuan,
                note: "The committee marks its member's visit to this branch (its contact point) in the quarter."),
            R("rotation-training", "党员轮训率", RequirementCounts.TrainingShare, RequirementPeriod.CalendarYear, 0,
                "将习近平新时代中国特色社会主义思想作为党员培训轮训的重要内容，党员轮训率年内达到60%以上。", Guyuan,
                kinds: [ActivityKind.TrainingLecture], rate: 0.6m,
                note: "The share of the branch's people in it at the year's end (or now) who checked in at a TrainingLecture in the year."),
            R("ledger-opened", "年初建账", RequirementCounts.CommitteeMarked, RequirementPeriod.CalendarYear, 1,
                "建立简洁清晰的工作台账，定期开展自查、实行动态管理，做到年初建账、年中查账、年底交账。", Guyuan,
                note: "A checkpoint the committee marks done, with its date."),
            R("ledger-reviewed", "年中查账", RequirementCounts.CommitteeMarked, RequirementPeriod.CalendarYear, 1,
                "建立简洁清晰的工作台账，定期开展自查、实行动态管理，做到年初建账、年中查账、年底交账。", Guyuan,
                note: "A checkpoint the committee marks done, with its date."),
            R("ledger-handed-in", "年底交账", RequirementCounts.CommitteeMarked, RequirementPeriod.CalendarYear, 1,
                "建立简洁清晰的工作台账，定期开展自查、实行动态管理，做到年初建账、年中查账、年底交账。", Guyuan,
                note: "A checkpoint the committee marks done, with its date."),
            R("star-rating", "星级评定", RequirementCounts.EvaluatorChecked, RequirementPeriod.CalendarYear, 0,
                "党支部规范化率(一星级及以上)达到100%以上，优良率(三星级及以上)达到85%以上，“四星级”“五星级”占30%左右。", Guyuan,
                note: "定性为主，不搞分数评定: the committee assigns ★1–★5 per year with a reason; the overview shows the shares against these targets."),
        ],
        _ => Array.Empty<RequirementDto>(),
    }).Select((r, i) => r with { Position = i + 1 }).ToArray();

    /// <summary>
    /// The leader's eligibility conditions a notice sets, as data for the application check (lifecycle). Ages and years
    /// are whole years; <c>meritsRequired</c> of the six merit conditions; <c>venueSquareMetres</c>: the least venue.
    /// </summary>
    public sealed record Eligibility(int MinYearsAsBranchSecretary, int MaxAge, int MaxAgeInUniversities, string MinTitle, string MinTitleInUniversities,
        int MeritsRequired, int MeritConditions, int VenueSquareMetres, bool NamedAfterBranch, bool LeaderChangeNeedsApproval, string Clause, string Source);

    /// <summary>Gansu's conditions (seeds/003 四、六); null for the other sets, whose notices the lifecycle reads on its own.</summary>
    public static Eligibility? EligibilityOf(RuleSet set) => set == RuleSet.Gansu
        ? new Eligibility(3, 50, 45, "中级", "副高", 3, 6, 15, true, true,
            "担任党支部书记3年以上，具有中级以上专业技术职务（其中高校教师党支部书记具有副高以上专业技术职务），年龄不超过50岁（高校不超过45岁）；同时应具备以下条件中的三项；提供不少于15平米的办公场所；以支部全称命名；更换主持人须报省委教育工委审批", Gansu)
        : null;

    /// <summary>Guyuan's targets for the shares of star ratings (seeds/004): ≥★1 100 %, ≥★3 85 %, ★4–★5 about 30 %.</summary>
    public static readonly (int MinStars, decimal Share, string Clause)[] GuyuanStarTargets =
    [
        (1, 1.00m, "党支部规范化率(一星级及以上)达到100%以上"),
        (3, 0.85m, "优良率(三星级及以上)达到85%以上"),
        (4, 0.30m, "“四星级”“五星级”占30%左右"),
    ];

    /// <summary>Copies a set into a new programme's requirements, in the caller's transaction.</summary>
    public static async Task InstallAsync(MySqlConnection conn, MySqlTransaction? tx, Guid programmeId, RuleSet set, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO requirements (id, programme_id, position, code, title, counts, period, activity_kinds, activity_sub_kinds, achievement_forms, research_subtypes,
                                      target_min, target_max, target_rate, points_at_target, points_per_unit, points_max, clause, source, note)
            VALUES (@id, @programmeId, @Position, @Code, @Title, @counts, @period, @kinds, @subKinds, @forms, @subtypes,
                    @TargetMin, @TargetMax, @TargetRate, @PointsAtTarget, @PointsPerUnit, @PointsMax, @Clause, @Source, @Note)
            ON DUPLICATE KEY UPDATE id = id
            """;
        foreach (var r in For(set))
        {
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id = Database.NewId(), programmeId, r.Position, r.Code, r.Title, counts = r.Counts.ToString(), period = r.Period.ToString(),
                kinds = JsonColumn.Of(r.ActivityKinds.Select(k => k.ToString())), subKinds = JsonColumn.Of(r.ActivitySubKinds.Select(k => k.ToString())), forms = JsonColumn.Of(r.AchievementForms.Select(f => f.ToString())),
                subtypes = JsonColumn.Of(r.ResearchSubtypes.Select(s => s.ToString())), r.TargetMin, r.TargetMax, r.TargetRate,
                r.PointsAtTarget, r.PointsPerUnit, r.PointsMax, r.Clause, r.Source, r.Note,
            }, tx, cancellationToken: ct));
        }
    }
}
