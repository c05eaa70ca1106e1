using WeStudio.Api.Features.Studios;

namespace WeStudio.Api.Features.Applications;

/// <summary>Which notice's eligibility rules a call checks (<see cref="Eligibility"/>); None checks only the form.</summary>
public enum CallRules { None, Liuzhou, Gansu, Wenzhou }

/// <summary>An application's stage (DESIGN.md glossary): Draft → Submitted → Endorsed (推荐) → Approved / Rejected.</summary>
public enum ApplicationStatus { Draft, Submitted, Endorsed, Approved, Rejected }

/// <summary>Professional title (专业技术职务) as Gansu's 四(一) ranks it.</summary>
public enum ProfessionalTitle { None, Junior, Intermediate, AssociateSenior, Senior }

/// <summary>Gansu: a university (高校, list 四(三)) or a primary/secondary school (中小学校, list 四(四)).</summary>
public enum SchoolLevel { University, School }

/// <summary>Gansu's review stages (五(二), 五(三)): 初评, 公示, 专家评审与答辩.</summary>
public enum ReviewStage { PreliminaryReview, PublicNotice, Defence }

/// <summary>A review stage's outcome; for a public notice Passed means 无异议 (no objection).</summary>
public enum ReviewOutcome { Passed, Failed }

/// <summary>One place quota: <c>quota</c> endorsements (0–1000) for applications hosted at or below <c>orgUnitId</c>.</summary>
public sealed record CallQuotaDto(Guid OrgUnitId, int Quota);

/// <summary>
/// Committee request to open a call for a programme it owns. <c>issuedOn</c>: the notice's date (ages and tenures are
/// counted on it); <c>closesAt</c>: the instant applications close, UTC (Liuzhou "9月15日前", Wenzhou "6月22日前" are the
/// programme's data); <c>totalQuota</c>: places in all (optional); <c>applicationsPerPerson</c>: 1–10 (Liuzhou 1,
/// "每人限报1个"); <c>quotas</c>: places per county/district or directly-run unit, each unit in the admin's subtree.
/// </summary>
public sealed record CreateCallRequest(string? Title, CallRules? Rules, DateOnly? IssuedOn, DateTimeOffset? ClosesAt, int? TotalQuota,
    int? ApplicationsPerPerson, CallQuotaDto[]? Quotas);

/// <summary>A call with its quotas and, per quota unit, how many places are taken (endorsed applications).</summary>
public sealed record CallDto
{
    public Guid Id { get; init; }
    public Guid ProgrammeId { get; init; }
    public required string ProgrammeName { get; init; }
    public Programmes.StudioKind StudioKind { get; init; }
    public required string Title { get; init; }
    public CallRules Rules { get; init; }
    public DateOnly IssuedOn { get; init; }
    public DateTimeOffset ClosesAt { get; init; }
    public bool Open { get; init; }
    public int? TotalQuota { get; init; }
    public int ApplicationsPerPerson { get; init; }
    public int Endorsed { get; init; }
    public CallQuotaUseDto[] Quotas { get; init; } = [];
}

/// <summary>One quota unit: its places and how many are taken.</summary>
public sealed record CallQuotaUseDto(Guid OrgUnitId, string OrgUnitName, int Quota, int Endorsed);

/// <summary>One person of the proposed team: name, role in the studio (e.g. 成员, 学员), professional title (≤ 50 characters each).</summary>
public sealed record TeamMemberForm(string? Name, string? Role, string? Title);

/// <summary>One of Gansu's six merits (1–6 of the list for the applicant's school level), ticked with its evidence (≤ 500 characters).</summary>
public sealed record MeritForm(int? Number, string? Evidence);

/// <summary>
/// The facts about the would-be leader and the branch that the notices check (each optional in a draft; the call's rules
/// say which a submission needs). Dates are calendar dates.
/// </summary>
public sealed record LeaderFacts
{
    /// <summary>Liuzhou 名师党支部书记工作室: the branch applying was founded on this date (≥ 3 years before the call).</summary>
    public DateOnly? BranchFoundedOn { get; init; }
    /// <summary>Liuzhou: the applicant is the secretary of the applying branch.</summary>
    public bool? IsBranchSecretary { get; init; }
    /// <summary>Liuzhou 党建名师工作室: has served as a branch secretary.</summary>
    public bool? HasServedAsBranchSecretary { get; init; }
    /// <summary>Liuzhou 党建名师工作室: is a 思想政治课 teacher.</summary>
    public bool? IsIdeologyTeacher { get; init; }
    /// <summary>Gansu: branch secretary since this date (≥ 3 years before the call).</summary>
    public DateOnly? SecretarySince { get; init; }
    /// <summary>Gansu: date of birth (age ≤ 50, ≤ 45 in universities, on the call's date).</summary>
    public DateOnly? BirthDate { get; init; }
    /// <summary>Gansu: professional title (中级 or above; 副高 or above in universities).</summary>
    public ProfessionalTitle? Title { get; init; }
    /// <summary>Gansu: university or school, which decides the age limit, the title and the list of merits.</summary>
    public SchoolLevel? SchoolLevel { get; init; }
    /// <summary>Gansu: the branch's full name, which the studio is named after (六(一) "以支部全称命名").</summary>
    public string? BranchFullName { get; init; }
    /// <summary>Gansu: the venue the school provides, in square metres (≥ 15).</summary>
    public decimal? VenueSquareMetres { get; init; }
    /// <summary>Wenzhou: the 市名师工作室 (or 工作站, 送教工作室) the applicant already leads; null or empty when none.</summary>
    public string? CityMasterStudio { get; init; }
}

/// <summary>
/// The application form (申报表). <c>studioName</c> 1–100 characters; <c>hostOrgUnitId</c> the host unit (依托单位);
/// <c>team</c> at most 30 people; <c>plan</c> the plan and goals (≤ 5,000 characters); <c>merits</c> Gansu's ticked merits;
/// <c>links</c> attachments as https URLs (at most 9, ≤ 500 characters each).
/// </summary>
public sealed record ApplicationForm
{
    public string? StudioName { get; init; }
    public Guid? HostOrgUnitId { get; init; }
    public LeaderFacts? Leader { get; init; }
    public MeritForm[]? Merits { get; init; }
    public TeamMemberForm[]? Team { get; init; }
    public string? Plan { get; init; }
    public string[]? Links { get; init; }
}

/// <summary>
/// An application with its form, stage, decision and, once approved, its studio. <c>reviews</c> and <c>history</c> are filled by
/// <c>GET /api/v1/applications/{id}</c> only (lists leave them empty).
/// </summary>
public sealed record ApplicationDto
{
    public Guid Id { get; init; }
    public Guid CallId { get; init; }
    public Guid ApplicantId { get; init; }
    public string? ApplicantName { get; init; }
    public ApplicationStatus Status { get; init; }
    public required string StudioName { get; init; }
    public Guid HostOrgUnitId { get; init; }
    public required string HostOrgUnitName { get; init; }
    public required ApplicationForm Form { get; init; }
    public Guid? QuotaOrgUnitId { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? EndorsedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    /// <summary>The committee's (or the endorsing admin's) reason; the applicant sees it.</summary>
    public string? DecisionReason { get; init; }
    public Guid? StudioId { get; init; }
    public ApplicationReviewDto[] Reviews { get; init; } = [];
    public StageTransitionDto[] History { get; init; } = [];
}

/// <summary>One recorded review stage of an application (Gansu). Dates are calendar dates.</summary>
public sealed record ApplicationReviewDto(ReviewStage Stage, DateOnly StartsOn, DateOnly EndsOn, ReviewOutcome Outcome, string? Note, DateTimeOffset RecordedAt);

/// <summary>An admin records a review stage: dates (ends on or after starts), outcome and an optional note (≤ 1,000 characters).</summary>
public sealed record RecordReviewRequest(ReviewStage? Stage, DateOnly? StartsOn, DateOnly? EndsOn, ReviewOutcome? Outcome, string? Note);

/// <summary>A reason for a decision (≤ 1,000 characters); required when rejecting.</summary>
public sealed record ReasonRequest(string? Reason);

/// <summary>The committee approves: <c>licensedOn</c> is the licence date (the cycle's start, Asia/Shanghai); reason optional.</summary>
public sealed record ApproveRequest(DateOnly? LicensedOn, string? Reason);

/// <summary>What approval created: the application, the studio (the applicant its leader) and the invitation for the listed team.</summary>
public sealed record ApprovedDto(ApplicationDto Application, StudioDto Studio, InvitationDto? TeamInvitation);

/// <summary>One audited stage change: action, from, to, who (an admin or a member), when (UTC), why.</summary>
public sealed record StageTransitionDto
{
    public required string Action { get; init; }
    public string? FromState { get; init; }
    public required string ToState { get; init; }
    public required string ActorKind { get; init; }
    public Guid ActorId { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
}
