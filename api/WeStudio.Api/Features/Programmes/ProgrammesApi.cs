using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using WeStudio.Api.Features.Auth;
using WeStudio.Api.Features.Ledger;
using WeStudio.Api.Features.Studios;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Programmes;

/// <summary>Programmes (批次) and the studios licensed under them; committee admins only.</summary>
public static class ProgrammesApi
{
    public static IEndpointRouteBuilder MapProgrammes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/programmes").WithTags("Programmes").RequireAuthorization(CurrentUser.AdminPolicy);
        group.MapPost("/", CreateAsync).WithName("CreateProgramme")
            .WithSummary("Creates a programme owned by the admin's org unit. 400 validation_failed.");
        group.MapGet("/", ListAsync).WithName("ListProgrammes")
            .WithSummary("Programmes owned by a unit of the admin's subtree or by one of its ancestors (a district admin sees the city's programme).");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetProgramme").WithSummary("One programme. 404 not_found; 403 forbidden.");
        group.MapGet("/{id:guid}/requirements", RequirementsAsync).WithName("ListProgrammeRequirements")
            .WithSummary("The programme's requirements (建设任务指标) in ledger order, each with its notice clause. 403 forbidden; 404 not_found.");
        group.MapPost("/{id:guid}/studios", StudiosApi.CreateInProgrammeAsync).WithName("CreateStudio")
            .WithSummary("Licenses a studio hosted by a unit of the admin's subtree (status Active) and returns the leader invitation. 400 validation_failed; 403 forbidden; 404 not_found; 409 duplicate_name.");
        group.MapGet("/{id:guid}/studios", StudiosApi.ListInProgrammeAsync).WithName("ListProgrammeStudios")
            .WithSummary("The programme's studios hosted inside the admin's subtree.");
        return app;
    }

    /// <summary>A programme is visible to an admin when its owning unit is in the admin's subtree or above the admin's unit.</summary>
    private const string VisibleSql = """
        EXISTS (SELECT 1 FROM admins a JOIN org_units ao ON ao.id = a.org_unit_id JOIN org_units po ON po.id = p.org_unit_id
                WHERE a.id = @adminId AND (a.org_unit_id = ANY (po.ancestors) OR p.org_unit_id = ANY (ao.ancestors)))
        """;

    private static async Task<Results<Created<ProgrammeDto>, ProblemHttpResult>> CreateAsync(
        CreateProgrammeRequest request, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        var v = new Validation();
        var name = v.Text("name", request.Name, 100);
        var issuer = v.Text("issuer", request.Issuer, 100);
        var kind = v.Required("studioKind", request.StudioKind);
        var cycleYears = v.Range("cycleYears", request.CycleYears, 1, 10);
        var startsOn = v.Required("startsOn", request.StartsOn);
        if (startsOn is { Year: < 2000 or > 2100 }) v.Add("startsOn", "'startsOn' must be a date between 2000 and 2100.");
        var teamCap = v.Range("teamCap", request.TeamCap, 1, 500);
        if (v.Problem is { } invalid) return invalid;

        const string Sql = """
            INSERT INTO programmes (name, issuer, studio_kind, cycle_years, starts_on, team_cap, org_unit_id, created_by, rule_set)
            SELECT @name, @issuer, @kind, @cycleYears, @startsOn, @teamCap, a.org_unit_id, a.id, @ruleSet FROM admins a WHERE a.id = @adminId
            RETURNING id, name, issuer, studio_kind, cycle_years, starts_on, team_cap, org_unit_id, rule_set
            """;
        var ruleSet = request.RuleSet ?? RuleSets.DefaultFor(kind!.Value);
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var dto = await conn.QuerySingleAsync<ProgrammeDto>(new CommandDefinition(Sql,
            new { name, issuer, kind = kind!.Value.ToString(), cycleYears, startsOn = startsOn!.Value, teamCap, adminId = user.Id(), ruleSet = ruleSet.ToString() }, tx, cancellationToken: ct));
        await RuleSets.InstallAsync(conn, tx, dto.Id, ruleSet, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/v1/programmes/{dto.Id}", dto);
    }

    private static async Task<Ok<ProgrammeDto[]>> ListAsync(ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT p.id, p.name, p.issuer, p.studio_kind, p.cycle_years, p.starts_on, p.team_cap, p.org_unit_id, p.rule_set
            FROM programmes p WHERE {VisibleSql}
            ORDER BY p.starts_on DESC, p.name
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var list = await conn.QueryAsync<ProgrammeDto>(new CommandDefinition(Sql, new { adminId = user.Id() }, cancellationToken: ct));
        return TypedResults.Ok(list.ToArray());
    }

    private static async Task<Results<Ok<ProgrammeDto>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string Sql = $"""
            SELECT p.id, p.name, p.issuer, p.studio_kind, p.cycle_years, p.starts_on, p.team_cap, p.org_unit_id, p.rule_set, {VisibleSql} AS visible
            FROM programmes p WHERE p.id = @id
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        var row = await conn.QuerySingleOrDefaultAsync<ProgrammeRow>(new CommandDefinition(Sql, new { id, adminId = user.Id() }, cancellationToken: ct));
        if (row is null) return Problems.NotFound("Programme");
        if (!row.Visible) return Problems.Forbidden("The programme belongs to another committee.");
        return TypedResults.Ok(row.AsDto());
    }

    private static async Task<Results<Ok<RequirementDto[]>, ProblemHttpResult>> RequirementsAsync(Guid id, ClaimsPrincipal user, NpgsqlDataSource db, CancellationToken ct)
    {
        const string Sql = $"SELECT {VisibleSql} FROM programmes p WHERE p.id = @id";
        await using var conn = await db.OpenConnectionAsync(ct);
        var visible = await conn.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(Sql, new { id, adminId = user.Id() }, cancellationToken: ct));
        if (visible is null) return Problems.NotFound("Programme");
        if (visible is false) return Problems.Forbidden("The programme belongs to another committee.");
        return TypedResults.Ok(await LedgerStore.RequirementsAsync(conn, id, ct));
    }

    /// <summary>The programme as the studio feature needs it: null when absent; <c>Visible</c> when it lies in the admin's subtree.</summary>
    internal static Task<ProgrammeRow?> FindOwnedAsync(NpgsqlConnection conn, Guid id, Guid adminId, CancellationToken ct)
    {
        const string Sql = """
            SELECT p.id, p.name, p.issuer, p.studio_kind, p.cycle_years, p.starts_on, p.team_cap, p.org_unit_id, p.rule_set,
                   EXISTS (SELECT 1 FROM org_units o JOIN admins a ON a.id = @adminId WHERE o.id = p.org_unit_id AND a.org_unit_id = ANY (o.ancestors)) AS visible
            FROM programmes p WHERE p.id = @id
            """;
        return conn.QuerySingleOrDefaultAsync<ProgrammeRow>(new CommandDefinition(Sql, new { id, adminId }, cancellationToken: ct));
    }

    internal sealed class ProgrammeRow
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string Issuer { get; init; } = "";
        public StudioKind StudioKind { get; init; }
        public int CycleYears { get; init; }
        public DateOnly StartsOn { get; init; }
        public int TeamCap { get; init; }
        public Guid OrgUnitId { get; init; }
        public RuleSet RuleSet { get; init; }
        public bool Visible { get; init; }

        public ProgrammeDto AsDto() => new()
        {
            Id = Id, Name = Name, Issuer = Issuer, StudioKind = StudioKind, CycleYears = CycleYears,
            StartsOn = StartsOn, TeamCap = TeamCap, OrgUnitId = OrgUnitId, RuleSet = RuleSet,
        };
    }
}
