using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.Studios;

/// <summary>Studio lifecycle (DESIGN.md glossary): Applied → Approved → Active → Completed, with Rectifying, Rejected, Revoked.</summary>
public enum StudioStatus { Applied, Approved, Active, Completed, Rectifying, Rejected, Revoked }

/// <summary>
/// A person's role in one studio. Leader (主持人/负责人/领衔人) and Member (成员) make the team, whose members count
/// against the programme's cap; a Trainee (学员) is someone the studio cultivates (Liuzhou 骨干教师, Wenzhou 学员): outside
/// the cap, joins by a trainee invitation, checks in, may be marked a backbone teacher.
/// </summary>
public enum StudioRole { Leader, Member, Trainee }

/// <summary>A person as others see them: member id and display name (null until they set one).</summary>
public sealed record PersonDto
{
    public Guid Id { get; init; }
    public string? DisplayName { get; init; }
}

/// <summary>
/// A studio with its programme, host unit, team size and leader. <c>memberCount</c> counts active members, the leader not
/// included, against <c>teamCap</c>; <c>traineeCount</c> counts active trainees (学员), who are outside the cap.
/// </summary>
public sealed record StudioDto
{
    public Guid Id { get; init; }
    public required string Name { get; init; }
    public StudioStatus Status { get; init; }
    public Guid ProgrammeId { get; init; }
    public required string ProgrammeName { get; init; }
    public Programmes.StudioKind Kind { get; init; }
    public Guid HostOrgUnitId { get; init; }
    public required string HostOrgUnitName { get; init; }
    public int TeamCap { get; init; }
    public int MemberCount { get; init; }
    public int TraineeCount { get; init; }
    public Guid? LeaderId { get; init; }
    public string? LeaderName { get; init; }
}

/// <summary>One active person of a studio. <c>joinedAt</c> is UTC.</summary>
public sealed record StudioMemberDto
{
    public Guid MemberId { get; init; }
    public string? DisplayName { get; init; }
    public StudioRole Role { get; init; }
    public DateTimeOffset JoinedAt { get; init; }
    /// <summary>The person's school (所在学校, an org unit); null when none is recorded (PUT …/members/{memberId}/school).</summary>
    public Guid? SchoolOrgUnitId { get; init; }
    public string? SchoolName { get; init; }
}

/// <summary>An invitation code to hand out (shown once; only its hash is stored). <c>expiresAt</c> is UTC.</summary>
public sealed record InvitationDto(string Code, StudioRole Role, DateTimeOffset ExpiresAt, int MaxUses);

/// <summary>Admin request to license a studio in a programme. Name 1–100 characters, unique in the programme; host unit in the admin's subtree.</summary>
public sealed record CreateStudioRequest([Required, MaxLength(100)] string? Name, [Required] Guid? HostOrgUnitId);

/// <summary>The new studio and the one-use invitation its leader joins with (valid 7 days).</summary>
public sealed record CreatedStudioDto(StudioDto Studio, InvitationDto LeaderInvitation);

/// <summary>
/// Leader request for an invitation: <c>maxUses</c> 1–100, <c>expiresInHours</c> 1–720 (30 days); <c>role</c> Member (the
/// default: joins the team, refused with team_full at the cap) or Trainee (学员, outside the cap).
/// </summary>
public sealed record CreateInvitationRequest([Required, Range(1, 100)] int? MaxUses, [Required, Range(1, 720)] int? ExpiresInHours, [AllowedValues("Member", "Trainee")] string? Role = null);

/// <summary>A member joins a studio with a code from a leader (or, for a leader invitation, from an admin).</summary>
public sealed record JoinStudioRequest([Required] string? Code);

/// <summary>What joining did: the studio and the role the member now holds there.</summary>
public sealed record JoinedStudioDto(StudioDto Studio, StudioRole Role);

/// <summary>Why a member is removed (optional, ≤ 200 characters); kept with the ended membership.</summary>
public sealed record RemoveMemberRequest([MaxLength(200)] string? Reason);
