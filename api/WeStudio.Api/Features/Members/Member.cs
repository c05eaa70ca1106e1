using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.Members;

/// <summary>
/// A member as they see themselves. <c>displayName</c> is null until set (WeChat no longer hands out nicknames).
/// <c>followsOfficialAccount</c>: their unionid is linked to a follower of the official account, so reminders without a
/// subscribe credit can still reach them as template messages (false: not following, or no unionid is known).
/// </summary>
public sealed record MemberDto
{
    public Guid Id { get; init; }
    public string? DisplayName { get; init; }
    public bool FollowsOfficialAccount { get; init; }
}

/// <summary>The member's real name as the studio should see it: 1–30 characters.</summary>
public sealed record UpdateProfileRequest([Required, MaxLength(30)] string? DisplayName);

/// <summary>
/// The school (所在学校) a person works at: an org unit that is a school (a unit below the committee with no units under
/// it) inside the subtree of the committee that owns the studio's programme. Recorded on the person, not the membership:
/// it is where they teach, the same in every studio. Liuzhou counts pairing per core member's school (seeds/000 三(二)4(3)).
/// </summary>
public sealed record SetSchoolRequest([Required] Guid? OrgUnitId);

/// <summary>A person of a studio with their school: <c>schoolOrgUnitId</c>/<c>schoolName</c> null when none is recorded.</summary>
public sealed record MemberSchoolDto
{
    public Guid MemberId { get; init; }
    public string? DisplayName { get; init; }
    public Guid? SchoolOrgUnitId { get; init; }
    public string? SchoolName { get; init; }
}
