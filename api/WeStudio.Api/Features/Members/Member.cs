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
