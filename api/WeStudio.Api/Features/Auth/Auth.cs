using System.ComponentModel.DataAnnotations;
using WeStudio.Api.Features.Members;
using WeStudio.Api.Features.Studios;

namespace WeStudio.Api.Features.Auth;

/// <summary><c>code</c> is what <c>wx.login</c> returned on the phone (valid 5 minutes, once).</summary>
public sealed record WeChatLoginRequest([Required, MaxLength(128)] string? Code);

/// <summary>Committee admin credentials. Username ≤ 50, password ≤ 200 characters.</summary>
public sealed record AdminLoginRequest([Required, MaxLength(50)] string? Username, [Required, MaxLength(200)] string? Password);

/// <summary>A bearer token for <c>Authorization: Bearer …</c> and its expiry (UTC), with the member signed in.</summary>
public sealed record MemberLoginResponse(string Token, DateTimeOffset ExpiresAt, MemberDto Member);

/// <summary>A committee admin and the org unit at the top of their subtree.</summary>
public sealed record AdminDto
{
    public Guid Id { get; init; }
    public required string Username { get; init; }
    public required string DisplayName { get; init; }
    public Guid OrgUnitId { get; init; }
    public required string OrgUnitName { get; init; }
}

/// <summary>A bearer token and its expiry (UTC), with the admin signed in.</summary>
public sealed record AdminLoginResponse(string Token, DateTimeOffset ExpiresAt, AdminDto Admin);

/// <summary>One studio of the signed-in member and their role there.</summary>
public sealed record MyStudioDto
{
    public Guid StudioId { get; init; }
    public required string Name { get; init; }
    public StudioRole Role { get; init; }
    public StudioStatus Status { get; init; }
    public required string ProgrammeName { get; init; }
}

/// <summary>Who is signed in: <c>kind</c> Member (with <c>member</c> and <c>studios</c>) or Admin (with <c>admin</c>).</summary>
public sealed record MeResponse(SubjectKind Kind, MemberDto? Member, AdminDto? Admin, MyStudioDto[] Studios);
