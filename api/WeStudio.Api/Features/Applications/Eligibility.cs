using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.Programmes;

namespace WeStudio.Api.Features.Applications;

/// <summary>A broken eligibility rule: its code (the refusal's <c>code</c>), the form field it concerns and the notice clause it quotes.</summary>
public sealed record EligibilityRefusal(string Code, string Field, string Message, string Clause);

/// <summary>
/// Eligibility of an application, checked from its data per notice (../shared/seeds/) when it is submitted. Each rule
/// quotes its clause; every broken rule is reported, the first one's code is the refusal's <c>code</c>.
/// </summary>
public static class Eligibility
{
    /// <summary>Liuzhou 2023, 四(一)1: 名师党支部书记工作室.</summary>
    public const string LiuzhouBranchClause = "柳州 四(一)1：名师党支部书记工作室依托学校教学一线、成立3年以上的党支部申请建立，由符合条件的党支部书记作为负责人主持开展工作。";
    /// <summary>Liuzhou 2023, 四(二)3(1): 党建名师工作室 leader.</summary>
    public const string LiuzhouMasterClause = "柳州 四(二)3(1)：负责人……担任过基层党支部书记职务或思想政治课教师。";
    /// <summary>Liuzhou 2023, 四(二)3: team.</summary>
    public const string LiuzhouTeamClause = "柳州 四(二)3：党建名师工作室由1名负责人和10人以内成员组成。";
    /// <summary>Gansu 2023, 四(一).</summary>
    public const string GansuBasicClause = "甘肃 四(一)：担任党支部书记3年以上，具有中级以上专业技术职务（其中高校教师党支部书记具有副高以上专业技术职务），年龄不超过50岁（高校不超过45岁）。";
    /// <summary>Gansu 2023, 四(三)/四(四).</summary>
    public const string GansuMeritsClause = "甘肃 四(三)/四(四)：高校/中小学校“双优”党支部书记工作室同时应具备以下条件中的三项。";
    /// <summary>Gansu 2023, 六(六).</summary>
    public const string GansuVenueClause = "甘肃 六(六)：所在学校党组织……要为工作室建设提供不少于15平米的办公场所。";
    /// <summary>Gansu 2023, 六(一).</summary>
    public const string GansuNameClause = "甘肃 六(一)：“双优”党支部书记工作室以支部全称命名，实行主持人负责制。";
    /// <summary>Wenzhou 2022, 四(一).</summary>
    public const string WenzhouMasterClause = "温州 四(一)：已建设市名师工作室的党员主持人，积极申报创建“教育先锋党员工作室”。";
    /// <summary>Wenzhou 2022, 附件 评估表 “一个工作团队”.</summary>
    public const string WenzhouTeamClause = "温州 附件：工作室成员至少10人以上，结构合理、分工明确。";

    /// <summary>Gansu 四(三): the six merits for universities (高校), numbered as in the notice.</summary>
    public static readonly string[] GansuUniversityMerits =
    [
        "支部或支部书记近3年内获得校级（含）以上党组织表彰",
        "支部书记近3年以第一作者在省级（含）以上期刊发表党建、业务工作论文2篇及以上或主编出版党建、业务工作相关著作2部及以上",
        "支部在党组织书记抓党建工作述职评议考核工作中连续两年获得“好”或相应等次",
        "支部书记近3年内完成省委教育工委党的建设研究课题或获得省委教育工委优秀党建论文、优秀党课、廉洁教育系列作品荣誉等",
        "支部书记近3年来荣获省级（含）以上表彰1次",
        "支部书记近3年参加或指导的学生、团队获得国家级奖励1次",
    ];

    /// <summary>Gansu 四(四): the six merits for primary and secondary schools (中小学校), numbered as in the notice.</summary>
    public static readonly string[] GansuSchoolMerits =
    [
        "支部或支部书记近3年内获得县级（含）以上党委政府或部门以上党组织表彰",
        "支部书记近3年以第一作者在省级（含）以上期刊发表党建、业务工作论文1篇及以上或主编出版党建、业务工作相关著作1部及以上",
        "支部在党组织书记抓党建工作述职评议考核工作中连续两年获得“好”或相应等次",
        "支部书记近3年内完成省委教育工委党的建设研究课题或获得省委教育工委优秀党建论文、优秀党课、廉洁教育系列作品荣誉等",
        "支部书记近3年来荣获县级（含）以上表彰1次",
        "支部书记近3年参加或指导的学生、团队获得市厅级（含）以上奖励1次",
    ];

    /// <summary>
    /// Every rule of <paramref name="rules"/> the form breaks, in the notice's order; empty when eligible.
    /// <paramref name="issuedOn"/> is the call's date (ages and tenures are counted on it); <paramref name="teamCap"/>
    /// the programme's cap on members (the leader not counted).
    /// </summary>
    public static List<EligibilityRefusal> Check(CallRules rules, StudioKind kind, DateOnly issuedOn, int teamCap, ApplicationForm form)
    {
        var refusals = new List<EligibilityRefusal>();
        var leader = form.Leader ?? new LeaderFacts();
        var team = form.Team?.Length ?? 0;
        switch (rules)
        {
            case CallRules.Liuzhou when kind == StudioKind.BranchSecretary:
                if (leader.BranchFoundedOn is not { } founded || founded > issuedOn.AddYears(-3))
                    refusals.Add(new("branch_too_young", "leader.branchFoundedOn", "The branch must have been founded at least 3 years before the call.", LiuzhouBranchClause));
                if (leader.IsBranchSecretary != true)
                    refusals.Add(new("not_branch_secretary", "leader.isBranchSecretary", "The studio is led by the applying branch's secretary.", LiuzhouBranchClause));
                if (team > teamCap)
                    refusals.Add(new("team_too_large", "team", $"The team is 1 leader and at most {teamCap} members.", LiuzhouTeamClause));
                break;
            case CallRules.Liuzhou:
                if (leader.HasServedAsBranchSecretary != true && leader.IsIdeologyTeacher != true)
                    refusals.Add(new("leader_not_qualified", "leader", "The leader has served as a branch secretary or is a 思想政治课 teacher.", LiuzhouMasterClause));
                if (team > teamCap)
                    refusals.Add(new("team_too_large", "team", $"The team is 1 leader and at most {teamCap} members.", LiuzhouTeamClause));
                break;
            case CallRules.Gansu:
                // The thresholds are the Gansu rule set's data (RuleSets.EligibilityOf), shown on the programme too.
                var gansu = RuleSets.EligibilityOf(RuleSet.Gansu)!;
                var university = leader.SchoolLevel == SchoolLevel.University;
                if (leader.SchoolLevel is null)
                    refusals.Add(new("school_level_missing", "leader.schoolLevel", "Say whether the branch is in a university or a school: the limits and the merits differ.", GansuBasicClause));
                if (leader.SecretarySince is not { } since || since > issuedOn.AddYears(-gansu.MinYearsAsBranchSecretary))
                    refusals.Add(new("secretary_tenure_too_short", "leader.secretarySince", $"The leader must have been branch secretary for at least {gansu.MinYearsAsBranchSecretary} years.", GansuBasicClause));
                var maxAge = university ? gansu.MaxAgeInUniversities : gansu.MaxAge;
                if (leader.BirthDate is not { } born || AgeOn(born, issuedOn) > maxAge)
                    refusals.Add(new("over_age_limit", "leader.birthDate", $"The leader must be at most {maxAge} on the call's date ({issuedOn:yyyy-MM-dd}).", GansuBasicClause));
                var minTitle = university ? ProfessionalTitle.AssociateSenior : ProfessionalTitle.Intermediate;
                if (leader.Title is not { } title || title < minTitle)
                    refusals.Add(new("title_too_low", "leader.title", $"The leader's professional title must be {minTitle} or above.", GansuBasicClause));
                var merits = (form.Merits ?? []).Where(m => !string.IsNullOrWhiteSpace(m.Evidence)).Select(m => m.Number).Distinct().Count();
                if (merits < gansu.MeritsRequired)
                    refusals.Add(new("too_few_merits", "merits", $"At least {gansu.MeritsRequired} of the {gansu.MeritConditions} merits of list {(university ? "四(三)" : "四(四)")}, each with evidence ({merits} given).", GansuMeritsClause));
                if (leader.VenueSquareMetres is not { } venue || venue < gansu.VenueSquareMetres)
                    refusals.Add(new("venue_too_small", "leader.venueSquareMetres", $"The school provides a venue of at least {gansu.VenueSquareMetres} m².", GansuVenueClause));
                if (string.IsNullOrWhiteSpace(leader.BranchFullName) || form.StudioName is null || !form.StudioName.Contains(leader.BranchFullName.Trim(), StringComparison.Ordinal))
                    refusals.Add(new("name_not_branch", "studioName", "The studio is named after the branch's full name ('leader.branchFullName').", GansuNameClause));
                break;
            case CallRules.Wenzhou:
                if (string.IsNullOrWhiteSpace(leader.CityMasterStudio))
                    refusals.Add(new("no_city_master_studio", "leader.cityMasterStudio", "The applicant already leads a 市名师工作室 (or 工作站, 送教工作室).", WenzhouMasterClause));
                if (team < 10)
                    refusals.Add(new("team_too_small", "team", $"The team has at least 10 members ({team} listed).", WenzhouTeamClause));
                break;
        }
        if (rules != CallRules.Liuzhou && team > teamCap)
            refusals.Add(new("team_too_large", "team", $"The programme's team cap is {teamCap} members.", "programme teamCap"));
        return refusals;
    }

    /// <summary>Whole years from <paramref name="born"/> to <paramref name="on"/>.</summary>
    public static int AgeOn(DateOnly born, DateOnly on)
    {
        var age = on.Year - born.Year;
        return born.AddYears(age) > on ? age - 1 : age;
    }
}
