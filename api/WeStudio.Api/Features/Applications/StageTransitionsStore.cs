using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Applications;

/// <summary>Whose stage changed: an application's or a studio's.</summary>
public enum StageSubject { Application, Studio }

/// <summary>
/// The <c>stage_transitions</c> audit (migration V0008): every stage change of an application or a studio, written in the
/// transaction that makes it, with who (an admin or a member), when (UTC), from, to and why.
/// </summary>
public static class StageTransitionsStore
{
    /// <summary>Records one transition inside the caller's transaction.</summary>
    public static Task RecordAsync(MySqlConnection conn, MySqlTransaction tx, StageSubject subject, Guid subjectId, string action,
        string? from, string to, bool byAdmin, Guid actorId, string? reason, DateTimeOffset at, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO stage_transitions (id, subject_kind, subject_id, action, from_state, to_state, actor_kind, actor_id, reason, occurred_at)
            VALUES (@id, @subject, @subjectId, @action, @from, @to, @actorKind, @actorId, @reason, @at)
            """;
        return conn.ExecuteAsync(new CommandDefinition(Sql, new
        {
            id = Database.NewId(), subject = subject.ToString(), subjectId, action, from, to, actorKind = byAdmin ? "Admin" : "Member", actorId, reason, at,
        }, tx, cancellationToken: ct));
    }

    /// <summary>The subject's transitions, oldest first.</summary>
    public static async Task<StageTransitionDto[]> HistoryAsync(MySqlConnection conn, StageSubject subject, Guid subjectId, CancellationToken ct)
    {
        const string Sql = """
            SELECT action, from_state, to_state, actor_kind, actor_id, reason, occurred_at
            FROM stage_transitions WHERE subject_kind = @subject AND subject_id = @subjectId
            ORDER BY occurred_at, id
            """;
        return (await conn.QueryAsync<StageTransitionDto>(new CommandDefinition(Sql, new { subject = subject.ToString(), subjectId }, cancellationToken: ct))).ToArray();
    }
}
