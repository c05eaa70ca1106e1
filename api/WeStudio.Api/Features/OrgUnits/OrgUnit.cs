using System.ComponentModel.DataAnnotations;
namespace WeStudio.Api.Features.OrgUnits;

/// <summary>One unit of the organisation tree: committee → county/district → school. <c>depth</c> is 0 at the root.</summary>
public sealed record OrgUnitDto(Guid Id, string Name, Guid? ParentId, int Depth);

/// <summary>Request to add a unit under <c>parentId</c>, which must lie in the admin's subtree. Name: 1–100 characters, unique among its siblings.</summary>
public sealed record CreateOrgUnitRequest([Required, MaxLength(100)] string? Name, [Required] Guid? ParentId);
