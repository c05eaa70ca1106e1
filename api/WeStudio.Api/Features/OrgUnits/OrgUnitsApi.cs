using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.OrgUnits;

/// <summary>The organisation tree, read and grown by committee admins inside their own subtree.</summary>
public static class OrgUnitsApi
{
    public static IEndpointRouteBuilder MapOrgUnits(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/org-units").WithTags("OrgUnits").RequireAuthorization(CurrentUser.AdminPolicy);
        group.MapGet("/", ListAsync).WithName("ListOrgUnits").WithSummary("The admin's org subtree, parents before children.");
        group.MapPost("/", CreateAsync).WithName("CreateOrgUnit")
            .WithSummary("Adds a district or school under a unit of the admin's subtree. 400 validation_failed; 403 forbidden (parent outside the subtree); 404 not_found (no such parent); 409 duplicate_name.");
        return app;
    }

    private static async Task<Ok<OrgUnitDto[]>> ListAsync(ClaimsPrincipal user, OrgUnitsStore orgUnits, CancellationToken ct) =>
        TypedResults.Ok(await orgUnits.ListSubtreeAsync(user.Id(), ct));

    private static async Task<Results<Created<OrgUnitDto>, ProblemHttpResult>> CreateAsync(
        CreateOrgUnitRequest request, ClaimsPrincipal user, OrgUnitsStore orgUnits, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Text("name", request.Name, 100);
        var parentId = v.Required("parentId", request.ParentId);
        if (v.Problem is { } invalid) return invalid;

        var (outcome, unit) = await orgUnits.CreateAsync(name!, parentId!.Value, user.Id(), ct);
        return outcome switch
        {
            OrgUnitsStore.CreateOutcome.NoParent => Problems.UnknownReference("parentId", "Org unit"),
            OrgUnitsStore.CreateOutcome.OutsideSubtree => Problems.Forbidden("The parent unit is outside your org subtree."),
            OrgUnitsStore.CreateOutcome.DuplicateName => Problems.Conflict("duplicate_name", $"A unit named '{name}' already exists under this parent."),
            _ => TypedResults.Created($"/api/v1/org-units/{unit!.Id}", unit),
        };
    }
}
