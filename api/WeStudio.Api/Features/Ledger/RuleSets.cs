using Dapper;
using System.Text.Json;
using MySqlConnector;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Features.Achievements;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.Programmes;

namespace WeStudio.Api.Features.Ledger;

/// <summary>
/// The requirement sets of the notices in seeds/ (000 Liuzhou, 001 Maoming, 002 Wenzhou), as data. A programme gets a copy
/// of its set in the <c>requirements</c> table when it is created, so later edits to a set never change a running batch.
/// Every clause is quoted from the notice.
/// </summary>
public static class RuleSets
{
    private const string Liuzhou = "柳州市委教育工委 2023 (seeds/000)";
    private const string Maoming = "茂名职业技术学院党委 2023 (seeds/001)";
    private const string Wenzhou = "温州市教育局党委 2022 (seeds/002)";

    /// <summary>The set a programme gets when the request names none: Liuzhou for its two kinds, Maoming for DualLeader, Wenzhou for PioneerMember.</summary>
    public static RuleSet DefaultFor(StudioKind kind) => kind switch
    {
        StudioKind.BranchSecretary or StudioKind.PartyBuildingMaster => RuleSet.Liuzhou,
        StudioKind.DualLeader => RuleSet.Maoming,
        StudioKind.PioneerMember => RuleSet.Wenzhou,
        _ => RuleSet.None,
    };

    private static RequirementDto R(string code, string title, RequirementCounts counts, RequirementPeriod period, int min, string clause, string source,
        ActivityKind[]? kinds = null, AchievementForm[]? forms = null, ResearchSubtype[]? subtypes = null, int? max = null, decimal? rate = null, string? note = null) =>
        new()
        {
            Code = code, Title = title, Counts = counts, Period = period, TargetMin = min, TargetMax = max, TargetRate = rate,
            ActivityKinds = kinds ?? [], AchievementForms = forms ?? [], ResearchSubtypes = subtypes ?? [], Clause = clause, Source = source, Note = note,
        };

    /// <summary>The requirements of a set, in ledger order (positions 1…n).</summary>
    public static RequirementDto[] For(RuleSet set) => (set switch
    {
        RuleSet.Liuzhou =>
        [
            R("monthly-seminar", "每月党建专题研讨", RequirementCounts.Activities, RequirementPeriod.Month, 1,
                "每月召开1次党建专题研讨活动。", Liuzhou, kinds: [ActivityKind.MonthlySeminar]),
            R("semester-seminar", "每学期党建工作专题研讨会", RequirementCounts.Activities, RequirementPeriod.Semester, 1,
                "每学期召开一次1次党建工作专题研讨会", Liuzhou, kinds: [ActivityKind.SemesterSeminar]),
            R("training-lectures", "党建业务知识培训讲座", RequirementCounts.Activities, RequirementPeriod.Year, 2,
                "每年举办面向设立学校及周边学校的党建业务知识培训讲座不少于2次。", Liuzhou, kinds: [ActivityKind.TrainingLecture]),
            R("backbone-teachers", "培养固定骨干教师", RequirementCounts.BackboneTeachers, RequirementPeriod.Year, 5,
                "制定培养计划，每年培养固定骨干教师不少于5人。", Liuzhou),
            R("research-project", "“党建+教育”研究项目", RequirementCounts.Achievements, RequirementPeriod.Year, 1,
                "负责人每年至少组织本工作室开展一项以“党建+教育”为主题的研究项目", Liuzhou,
                forms: [AchievementForm.ResearchOutput], subtypes: [ResearchSubtype.Project],
                note: "Counted as achievements of form ResearchOutput, subtype Project, dated in the year."),
            R("paired-school", "结对帮扶学校", RequirementCounts.PairedSchools, RequirementPeriod.Year, 1,
                "党建名师工作室核心成员所在学校每年至少结对帮扶一所学校", Liuzhou,
                note: "Counted as distinct schools visited by the studio's PairingVisit activities in the year; the notice asks this of each core member's school, which the studio cannot yet record."),
            R("representative-achievements", "代表性成果", RequirementCounts.Achievements, RequirementPeriod.Year, 1,
                "建设期内，各名师党支部书记工作室、党建名师工作室每年要至少形成 1—2 项代表性成果", Liuzhou, max: 2,
                note: "Achievements of any form dated in the year; the upper figure 2 is shown, not enforced."),
            R("progress-report", "年度建设进展报告", RequirementCounts.ProgressReport, RequirementPeriod.Year, 1,
                "各名师党支部书记工作室、党建名师工作室每年 12 月底前，需提交年度建设进展报告", Liuzhou),
            R("mid-term-evaluation", "年度评估考核和中期进展评估", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "市委教育工委按照目标管理和过程管理相结合的方式，进行年度评估考核和中期进展评估", Liuzhou),
        ],
        RuleSet.Maoming =>
        [
            R("representative-achievement", "代表性成果", RequirementCounts.Achievements, RequirementPeriod.Year, 1,
                "建设期内,各\"双带头人\"工作室每年要至少形成1项代表性成果", Maoming),
            R("annual-report", "年度考核材料", RequirementCounts.ProgressReport, RequirementPeriod.Year, 1,
                "考核工作按年度开展,以审阅材料、实地抽查、过程监管等方式进行。考核合格的,拨付下一年度建设经费", Maoming,
                note: "The yearly assessment reads the studio's materials; WeStudio asks for them as the annual progress report, by 31 Dec."),
            R("final-report", "工作总结报告和成果汇编", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "建设期满,\"双带头人\"工作室提交工作总结报告和成果汇编。", Maoming),
        ],
        RuleSet.Wenzhou =>
        [
            R("activities-with-brief", "研修活动（有主题、有通知、有简讯）", RequirementCounts.ActivitiesWithNoticeAndBrief, RequirementPeriod.Year, 8,
                "积极开展研修活动，有主题、有通知、有简讯。每年完成不少于8次活动，两年计16分", Wenzhou,
                note: "An activity counts when it was announced (in the app at least 24 h before it started, or a WeChat reminder of it delivered before it started) and its brief is published."),
            R("activities-cycle", "两年研修活动总数", RequirementCounts.ActivitiesWithNoticeAndBrief, RequirementPeriod.Cycle, 16,
                "A.两年完成16次活动计16分 B.两年完成16次以上活动，多1次加1分，最高不超过20分 C.两年完成16次活动，少一次扣1分", Wenzhou, max: 20),
            R("team-size", "工作团队", RequirementCounts.TeamSize, RequirementPeriod.Year, 10,
                "工作室成员至少10人以上，结构合理、分工明确", Wenzhou, note: "Active members, the leader not counted."),
            R("attendance", "党员师生群众参与率", RequirementCounts.AttendanceRate, RequirementPeriod.Year, 0,
                "党员师生群众参与率高、教育效果好，避免流于形式、走过场。", Wenzhou, rate: 0.8m,
                note: "The notice gives no figure; 80% is WeStudio's reading of 参与率高."),
            R("three-in-three-real", "“三进三实”服务行动（6项完成4项）", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 4,
                "积极带动党员、骨干教师开展进课堂帮扶诊断、进校园志愿服务、进家庭温暖家访，切实开展师徒结对，扎实开设公开课、讲座，落实工作室驻校研修等6项行动，完成其中4项则合格。", Wenzhou,
                note: "Activities do not yet record which of the six actions they serve, so the evaluator checks this item."),
            R("venue-six-haves", "活动阵地“六有”", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "按照“六有”标准提供固定场所和必要工作设备，有党旗，有党徽，有入党誓词，有学习教育资源，有工作目标、活动计划及记录资料，有管理人员和管理制度。", Wenzhou),
            R("activity-records", "活动“五有”", RequirementCounts.EvaluatorChecked, RequirementPeriod.Cycle, 0,
                "要确保每次活动“有计划、有主题、有交流、有记录、有小结”，切实保证活动质量。", Wenzhou,
                note: "The brief carries 主题/交流/记录/小结; the plan and the quality are judged by the evaluator."),
        ],
        _ => Array.Empty<RequirementDto>(),
    }).Select((r, i) => r with { Position = i + 1 }).ToArray();

    /// <summary>Copies a set into a new programme's requirements, in the caller's transaction.</summary>
    public static async Task InstallAsync(MySqlConnection conn, MySqlTransaction? tx, Guid programmeId, RuleSet set, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO requirements (id, programme_id, position, code, title, counts, period, activity_kinds, achievement_forms, research_subtypes,
                                      target_min, target_max, target_rate, clause, source, note)
            VALUES (@id, @programmeId, @Position, @Code, @Title, @counts, @period, @kinds, @forms, @subtypes,
                    @TargetMin, @TargetMax, @TargetRate, @Clause, @Source, @Note)
            ON DUPLICATE KEY UPDATE id = id
            """;
        foreach (var r in For(set))
        {
            await conn.ExecuteAsync(new CommandDefinition(Sql, new
            {
                id = Database.NewId(), programmeId, r.Position, r.Code, r.Title, counts = r.Counts.ToString(), period = r.Period.ToString(),
                kinds = JsonColumn.Of(r.ActivityKinds.Select(k => k.ToString())), forms = JsonColumn.Of(r.AchievementForms.Select(f => f.ToString())),
                subtypes = JsonColumn.Of(r.ResearchSubtypes.Select(s => s.ToString())), r.TargetMin, r.TargetMax, r.TargetRate, r.Clause, r.Source, r.Note,
            }, tx, cancellationToken: ct));
        }
    }
}
