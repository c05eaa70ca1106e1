using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.BackboneTeachers;

/// <summary>A member the studio trained as a backbone teacher (骨干教师) in <c>year</c>; <c>markedAt</c> is UTC.</summary>
public sealed record BackboneTeacherDto
{
    public Guid MemberId { get; init; }
    public string? DisplayName { get; init; }
    public int Year { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset MarkedAt { get; init; }
}

/// <summary>Optional note on the training (≤ 200 characters).</summary>
public sealed record MarkBackboneTeacherRequest([MaxLength(200)] string? Note);
