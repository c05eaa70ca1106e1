using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.OrgUnits;

/// <summary>One unit of the organisation tree: committee → county/district → school. <c>depth</c> is 0 at the root.</summary>
public sealed record OrgUnitDto(Guid Id, string Name, Guid? ParentId, int Depth);

/// <summary>Request to add a unit under <c>parentId</c>, which must lie in the admin's subtree. Name: 1–100 characters, unique among its siblings.</summary>
public sealed record CreateOrgUnitRequest(string? Name, Guid? ParentId);

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

    private static async Task<Ok<OrgUnitDto[]>> ListAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string Sql = """
            SELECT o.id, o.name, o.parent_id, cardinality(o.ancestors) - 1 AS depth
            FROM org_units o JOIN admins a ON a.id = @adminId
            WHERE a.org_unit_id = ANY (o.ancestors)
            ORDER BY cardinality(o.ancestors), o.name
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var units = await conn.QueryAsync<OrgUnitDto>(new CommandDefinition(Sql, new { adminId = user.Id() }, cancellationToken: ct));
        return TypedResults.Ok(units.ToArray());
    }

    private static async Task<Results<Created<OrgUnitDto>, ProblemHttpResult>> CreateAsync(
        CreateOrgUnitRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Text("name", request.Name, 100);
        var parentId = v.Required("parentId", request.ParentId);
        if (v.Problem is { } invalid) return invalid;

        await using var conn = await db.OpenConnectionAsync(ct);
        const string ParentSql = """
            SELECT o.ancestors, EXISTS (SELECT 1 FROM admins a WHERE a.id = @adminId AND a.org_unit_id = ANY (o.ancestors)) AS in_subtree
            FROM org_units o WHERE o.id = @parentId
            """;
        var parent = await conn.QuerySingleOrDefaultAsync<(Guid[] Ancestors, bool InSubtree)?>(
            new CommandDefinition(ParentSql, new { parentId, adminId = user.Id() }, cancellationToken: ct));
        if (parent is null) return Problems.UnknownReference("parentId", "Org unit");
        if (!parent.Value.InSubtree) return Problems.Forbidden("The parent unit is outside your org subtree.");

        const string InsertSql = """
            INSERT INTO org_units (id, name, parent_id, ancestors)
            VALUES (@id, @name, @parentId, @ancestors)
            ON CONFLICT (parent_id, name) DO NOTHING
            """;
        var id = Guid.NewGuid();
        var inserted = await conn.ExecuteAsync(new CommandDefinition(InsertSql,
            new { id, name, parentId, ancestors = parent.Value.Ancestors.Append(id).ToArray() }, cancellationToken: ct));
        if (inserted == 0) return Problems.Conflict("duplicate_name", $"A unit named '{name}' already exists under this parent.");
        var dto = new OrgUnitDto(id, name!, parentId, parent.Value.Ancestors.Length);
        return TypedResults.Created($"/api/v1/org-units/{id}", dto);
    }
}
