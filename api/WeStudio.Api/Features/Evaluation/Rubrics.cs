namespace WeStudio.Api.Features.Evaluation;

/// <summary>
/// The rubrics of the notices, as data, each item quoting its clause: Wenzhou's whole 100-point 评估指标 (seeds/002 附件2),
/// Liuzhou's 中期进展评估 as a checklist with feedback and no points (seeds/000 二(三): the notice gives no points), and
/// Maoming's yearly assessment as 合格/不合格 with reasons (seeds/001 "考核工作按年度开展,以审阅材料、实地抽查、过程监管等方式进行").
/// </summary>
public static class Rubrics
{
    public const string Wenzhou = "wenzhou-2022";
    public const string LiuzhouMidTerm = "liuzhou-midterm-2023";
    public const string MaomingYearly = "maoming-yearly-2023";

    /// <summary>Data keys computed by <see cref="EvaluationFacts"/>.</summary>
    public static class Keys
    {
        /// <summary>Issue 12's scored ledger line <c>activities-cycle</c> (two years, 16 → 16 points … 20 cap, −1 per missing).</summary>
        public const string ActivityPoints = "activity-points";
        /// <summary>Active team members, leader and trainees not counted (the ledger's <c>team-size</c>).</summary>
        public const string TeamSize = "team-size";
        /// <summary>Active trainees (学员).</summary>
        public const string Trainees = "trainees";
        /// <summary>专著, or a 课题 at 市级 and above, in the cycle, by the leader and by a trainee.</summary>
        public const string Research = "research";
        /// <summary>The share of trainees named among the authors of an achievement at 县级 or above in the cycle.</summary>
        public const string TraineeShare = "trainee-share";
    }

    private const string W = "温州市教育局党委 2022 (seeds/002 附件2)";
    private const string L = "柳州市委教育工委 2023 (seeds/000 二(三))";
    private const string M = "茂名职业技术学院党委 2023 (seeds/001 五(2))";

    private static RubricBand A(decimal min, decimal max, string text) => new("A", min, max, text);
    private static RubricBand B(decimal min, decimal max, string text) => new("B", min, max, text);

    public static readonly Rubric WenzhouTable = new()
    {
        Code = Wenzhou, Title = "温州市教育系统“教育先锋党员工作室”评估指标（试行）", Source = W, Scored = true, BonusCap = 5,
        Items =
        [
            new()
            {
                Code = "leader-ideology", Section = "一个党员领衔人 · 思想领先（必备）", Title = "“三进三实”服务行动 6 项完成 4 项", Source = ItemSource.Evaluator, Scoring = ItemScoring.Gate,
                CountMax = 6, GateMinCount = 4,
                Clause = "坚持党建“五大融合”工作理念，积极带动党员、骨干教师开展进课堂帮扶诊断、进校园志愿服务、进家庭温暖家访，切实开展师徒结对，扎实开设公开课、讲座，落实工作室驻校研修等6项行动，完成其中4项则合格。",
                Note = "The evaluator counts the actions done (0–6); 4 or more passes.",
            },
            new()
            {
                Code = "team", Section = "一个工作团队 · 组织优良（必备）", Title = "工作室成员至少10人以上", Source = ItemSource.Data, Scoring = ItemScoring.Gate,
                DataKey = Keys.TeamSize, GateMinCount = 10,
                Clause = "工作室成员至少10人以上，结构合理、分工明确，团结合作，优势互补，努力将党员培养成骨干、骨干培养成党员，较好地完成各项工作。",
                Note = "Active team members (the leader and trainees not counted), from the ledger.",
            },
            new()
            {
                Code = "venue", Section = "一个活动阵地 · 阵地到位（必备）", Title = "固定活动场所，党的元素充盈", Source = ItemSource.Evaluator, Scoring = ItemScoring.Gate,
                Clause = "有固定的党员工作室活动场所，为党员学习、活动提供良好的环境。环境布置党的元素充盈，具有仪式感（党员工作室内要有党旗、党徽、入党誓词等），成为党员提升党性修养的基地。（实地查看）",
            },
            new()
            {
                Code = "goal", Section = "一个工作目标（10分）· 培养目标", Title = "定位及目标", Source = ItemSource.Evaluator, Scoring = ItemScoring.Points, MaxPoints = 10,
                Clause = "工作室（站）定位及目标（包括阶段目标）清晰合理、有层次、个性化；培养措施有针对性，可操作性强。",
                Bands = [A(8, 10, "工作室（站）定位及目标清晰合理、有层次、个性化、可操作性强"), B(5, 7, "工作室（站）定位及目标清晰、培养可操作性较强")],
            },
            new()
            {
                Code = "content", Section = "一批年度重点工作（45分）· 过程管理", Title = "1.培养内容", Source = ItemSource.Evaluator, Scoring = ItemScoring.Points, MaxPoints = 10,
                Clause = "培养内容系统明确，突出主持人的特长和学员特点进行培养,实效性强；理论学习和教学实践能力培养相结合，注重学员的个性化发展。",
                Bands = [A(8, 10, "培养内容系统明确，有主题、系列培训有系统设计；理论学习和教学实践能力培养相结合，注重学员的个性化发展"), B(5, 7, "培养内容较明确，有主题、但培训有系统性较差，课程有一定设计尚不够完善")],
            },
            new()
            {
                Code = "activities", Section = "一批年度重点工作（45分）· 过程管理", Title = "2.研修活动（有主题、有通知、有简讯）", Source = ItemSource.Data, Scoring = ItemScoring.Points, MaxPoints = 20,
                DataKey = Keys.ActivityPoints,
                Clause = "积极开展研修活动，有主题、有通知、有简讯。每年完成不少于8次活动，两年计16分；超出部分酌情赋分。A.两年完成16次活动计16分 B.两年完成16次以上活动，多1次加1分，最高不超过20分 C.两年完成16次活动，少一次扣1分",
                Note = "The points of the ledger's scored line activities-cycle (issue 12), counted over the programme's cycle.",
            },
            new()
            {
                Code = "funds", Section = "一批年度重点工作（45分）· 过程管理", Title = "3.经费使用", Source = ItemSource.Evaluator, Scoring = ItemScoring.Points, MaxPoints = 5,
                Clause = "工作室（站）经费使用合理规范，及时上交经费使用所需材料等。（名师办评分）",
                Bands = [A(4, 5, "工作室（站）经费使用合理规范，及时上交经费使用所需材料等"), B(1, 3, "上交经费使用所需材料等不及时")],
            },
            new()
            {
                Code = "website", Section = "一批年度重点工作（45分）· 名师网页建设（10分）", Title = "4.网页建设与管理", Source = ItemSource.Evaluator, Scoring = ItemScoring.Points, MaxPoints = 10,
                DeductionPerCount = 0.5m,
                Clause = "认真做好工作室（站）网页建设与管理工作，能及时发布通知公告，按时上传活动资源，活动通讯等。抽查发现不规范的每次扣0.5分。",
                Bands = [A(8, 10, "认真做好工作室（站）网页建设与管理工作，能及时发布通知公告，按时上传活动资源，活动通讯等"), B(5, 7, "发布通知公告不及时，活动资源、活动通讯发布相对滞后")],
                Note = "The evaluator gives the band's points and the number of irregularities found by spot check; 0.5 is taken per irregularity (not below 0).",
            },
            new()
            {
                Code = "research", Section = "一批受益群众（30分）· 科研成果", Title = "1.专著或市级及以上研究课题", Source = ItemSource.Data, Scoring = ItemScoring.Points, MaxPoints = 10,
                DataKey = Keys.Research,
                Clause = "培训周期内，工作室（站）主持人和学员均有专著或市级及以上研究课题。A.主持人和学员两者均有（10分） B.主持人或者学员有一方有（7分）",
                Bands = [A(10, 10, "主持人和学员两者均有专著或市级及以上研究课题"), B(7, 7, "主持人或者学员有一方有专著或市级及以上研究课题")],
                Note = "From the studio's achievements in the cycle: a 专著 at any level or a 课题 at 市级 and above, by the leader / by a trainee named among the authors. Neither: 0.",
            },
            new()
            {
                Code = "trainee-output", Section = "一批受益群众（30分）· 科研成果", Title = "2.学员公开教学、讲座或论文", Source = ItemSource.Mixed, Scoring = ItemScoring.Points, MaxPoints = 10,
                DataKey = Keys.TraineeShare,
                Clause = "培训周期内，80%以上学员县级及以上范围内公开教学或讲座，或有1篇论文、案例等在县级及以上刊物发表或获奖。",
                Bands = [A(8, 10, "80%以上学员县级及以上范围内公开教学或讲座，或有1篇论文、案例等在县级及以上刊物发表或获奖"), B(5, 7, "50%以上学员县级及以上范围内公开教学或讲座，或有1篇论文、案例等在县级及以上刊物发表或获奖")],
                Note = "Shown: the share of trainees named among the authors of an achievement at 县级 or above (public lessons are not recorded as achievements, so the evaluator decides).",
            },
            new()
            {
                Code = "promotion", Section = "一批受益群众（30分）· 荣誉晋升", Title = "3.学员职称或骨干评选提升一级", Source = ItemSource.Evaluator, Scoring = ItemScoring.Points, MaxPoints = 5,
                Clause = "培训周期内，有20%的学员在职称评定或骨干教师评选中提升一级。（名师办评分）",
                Bands = [A(4, 5, "有20%的学员在职称评定或骨干教师评选中提升一级"), B(1, 3, "有10%的学员在职称评定或骨干教师评选中提升一级")],
            },
            new()
            {
                Code = "leading", Section = "一批受益群众（30分）· 引领发展", Title = "4.对设站学校或学科组的发展作用", Source = ItemSource.Evaluator, Scoring = ItemScoring.Points, MaxPoints = 5,
                Clause = "工作室（站）团队对设站学校或学科组的发展作用特别突出",
                Bands = [A(4, 5, "根据材料，工作室（站）团队对设站学校或学科组的发展作用特别突出，学科组成绩进步明显"), B(1, 3, "根据材料，工作室（站）团队对设站学校或学科组的发展作用较大，学科组成绩有一定的进步")],
            },
            new()
            {
                Code = "feature", Section = "一项特色工作（15分）· 研修特色展示", Title = "1.研究与创新、特色与亮点", Source = ItemSource.Mixed, Scoring = ItemScoring.Points, MaxPoints = 15,
                DataKey = Keys.Trainees, BandAMinTrainees = 20,
                Clause = "工作室（站）在研修过程中对教育教学改革有研究与创新，彰显工作室（站）特色与亮点。",
                Bands = [A(11, 15, "有研究与创新，彰显特色与亮点，有工作室文化；工作室学员满20人，积极参加公益活动"), B(6, 10, "有一定的研究，活动较有特色，有参加公益活动")],
                Note = "Band A needs 学员满20人: the trainee count is shown and band A is refused below 20. The heading says 10分 while the 分值 column and band A say 15: the column is followed (the table then sums to 100).",
            },
            new()
            {
                Code = "bonus-trainees", Section = "公益加分项目（5分）", Title = "（1）学员人数满20名", Source = ItemSource.Data, Scoring = ItemScoring.Bonus, MaxPoints = 2,
                DataKey = Keys.Trainees, GateMinCount = 20,
                Clause = "有下列情况者,每项计2分，不重复计分：（1）工作室（站）学员人数满20名；",
            },
            new()
            {
                Code = "bonus-public-good", Section = "公益加分项目（5分）", Title = "（2）完成公益活动", Source = ItemSource.Evaluator, Scoring = ItemScoring.Bonus, MaxPoints = 2,
                Clause = "有下列情况者,每项计2分，不重复计分：（2）认真完成市名师办协同相关部门组织的各项公益活动（如：服从安排到偏远、薄弱地区设站；送教援疆、媒体推广等）；",
            },
            new()
            {
                Code = "bonus-media", Section = "公益加分项目（5分）", Title = "（3）被省、市媒体报道", Source = ItemSource.Evaluator, Scoring = ItemScoring.Bonus, MaxPoints = 2,
                Clause = "有下列情况者,每项计2分，不重复计分：（3）工作室（站）成效显著，被省、市媒体报道等。",
            },
        ],
    };

    public static readonly Rubric LiuzhouMidTermChecklist = new()
    {
        Code = LiuzhouMidTerm, Title = "柳州市教育系统工作室中期进展评估（清单）", Source = L, Scored = false,
        Materials = [new("summary", "中期进展工作总结及下一步工作计划（3000字左右）", 3600)],
        Items =
        [
            new() { Code = "written-report", Section = "1.报送书面汇报材料", Title = "中期进展工作总结及下一步工作计划", Source = ItemSource.Evaluator, Scoring = ItemScoring.Check,
                Clause = "工作室主持人上交3000字左右的中期进展工作总结及下一步工作计划。" },
            new() { Code = "materials-reviewed", Section = "2.查阅材料", Title = "建设成果和佐证材料", Source = ItemSource.Mixed, Scoring = ItemScoring.Check, DataKey = Keys.ActivityPoints,
                Clause = "考核评估组依照附件1、附件2现场查阅工作室建设成果和佐证材料。",
                Note = "The ledger's counts are shown as evidence; the evaluator checks the materials on site." },
            new() { Code = "briefing", Section = "3.专题汇报", Title = "听取工作室负责人专题汇报", Source = ItemSource.Evaluator, Scoring = ItemScoring.Check,
                Clause = "考核评估组听取工作室负责人专题汇报。" },
        ],
    };

    public static readonly Rubric MaomingYearlyAssessment = new()
    {
        Code = MaomingYearly, Title = "茂名职业技术学院“双带头人”工作室年度考核", Source = M, Scored = false,
        Items =
        [
            new() { Code = "materials", Section = "审阅材料", Title = "年度建设材料与代表性成果", Source = ItemSource.Evaluator, Scoring = ItemScoring.PassFail,
                Clause = "考核工作按年度开展,以审阅材料、实地抽查、过程监管等方式进行。建设期内,\"双带头人\"工作室每年要至少形成1项代表性成果" },
            new() { Code = "site-check", Section = "实地抽查", Title = "实地抽查", Source = ItemSource.Evaluator, Scoring = ItemScoring.PassFail,
                Clause = "考核工作按年度开展,以审阅材料、实地抽查、过程监管等方式进行。" },
            new() { Code = "funds", Section = "过程监管", Title = "专项经费专款专用", Source = ItemSource.Evaluator, Scoring = ItemScoring.PassFail,
                Clause = "专项经费应严格管理、专款专用" },
        ],
    };

    public static readonly Rubric[] All = [WenzhouTable, LiuzhouMidTermChecklist, MaomingYearlyAssessment];

    public static Rubric? Find(string? code) => All.FirstOrDefault(r => r.Code == code);
}
