using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.Programmes;

/// <summary>The five studio kinds of the source notices (DESIGN.md glossary).</summary>
public enum StudioKind
{
    /// <summary>名师党支部书记工作室 (Liuzhou).</summary>
    BranchSecretary,
    /// <summary>党建名师工作室 (Liuzhou).</summary>
    PartyBuildingMaster,
    /// <summary>"双带头人"工作室 (Maoming).</summary>
    DualLeader,
    /// <summary>教育先锋党员工作室 (Wenzhou).</summary>
    PioneerMember,
    /// <summary>"双优"工作室 (Gansu).</summary>
    DualExcellence,
}

/// <summary>
/// One batch of studios under one notice. <c>cycleYears</c>: 1–10 (Liuzhou 2, Maoming and Gansu 3);
/// <c>teamCap</c>: members a studio may have, the leader not counted (Liuzhou: "1名负责人和10人以内成员", so 10).
/// <c>orgUnitId</c>: the committee that owns it.
/// </summary>
public sealed record ProgrammeDto
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public required string Issuer { get; init; }
    public StudioKind StudioKind { get; init; }
    public int CycleYears { get; init; }
    public DateOnly StartsOn { get; init; }
    public int TeamCap { get; init; }
    public Guid OrgUnitId { get; init; }
    /// <summary>The notice whose requirement set the programme got (Features/Ledger/RuleSets.cs).</summary>
    public Ledger.RuleSet RuleSet { get; init; }
}

/// <summary>
/// Request to create a programme; it belongs to the admin's own org unit. Name ≤ 100, issuer ≤ 100 characters; every field
/// required but <c>ruleSet</c>, which defaults by studio kind (BranchSecretary: LiuzhouBranchSecretary; PartyBuildingMaster:
/// Liuzhou; DualLeader: Maoming; PioneerMember: Wenzhou; DualExcellence: Gansu; Guyuan is named explicitly).
/// </summary>
public sealed record CreateProgrammeRequest([Required, MaxLength(100)] string? Name, [Required, MaxLength(100)] string? Issuer, [Required] StudioKind? StudioKind, [Required, Range(1, 10)] int? CycleYears, [Required] DateOnly? StartsOn, [Required, Range(1, 500)] int? TeamCap, Ledger.RuleSet? RuleSet = null);

/// <summary>A programme as another feature reads it: <c>Visible</c> when it is owned inside the asking admin's subtree.</summary>
public sealed class ProgrammeRow
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Issuer { get; init; } = "";
    public StudioKind StudioKind { get; init; }
    public int CycleYears { get; init; }
    public DateOnly StartsOn { get; init; }
    public int TeamCap { get; init; }
    public Guid OrgUnitId { get; init; }
    public Ledger.RuleSet RuleSet { get; init; }
    public bool Visible { get; init; }

    public ProgrammeDto AsDto() => new()
    {
        Id = Id, Name = Name, Issuer = Issuer, StudioKind = StudioKind, CycleYears = CycleYears,
        StartsOn = StartsOn, TeamCap = TeamCap, OrgUnitId = OrgUnitId, RuleSet = RuleSet,
    };
}
