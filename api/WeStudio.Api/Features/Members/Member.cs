using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.Members;

/// <summary>A member as they see themselves. <c>displayName</c> is null until set (WeChat no longer hands out nicknames).</summary>
public sealed record MemberDto
{
    public Guid Id { get; init; }
    public string? DisplayName { get; init; }
}

/// <summary>The member's real name as the studio should see it: 1–30 characters.</summary>
public sealed record UpdateProfileRequest([Required, MaxLength(30)] string? DisplayName);
