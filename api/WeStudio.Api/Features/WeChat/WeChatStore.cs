using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.WeChat;

/// <summary>All SQL of the WeChat feature: the message-push journal <c>wechat_push_events</c> (one row per distinct event).</summary>
public sealed class WeChatStore(MySqlDataSource dataSource)
{
    /// <summary>wechat_push_events.event is VARCHAR(64); longer names are cut (the column only describes the row).</summary>
    private const int MaxEventChars = 64;

    /// <summary>
    /// Journals a pushed event under <paramref name="dedupeKey"/> (at most 255 characters); false when that key is already journalled (WeChat
    /// pushed it again). A plain INSERT whose duplicate-key error (only the primary key can collide) is the answer:
    /// ON DUPLICATE KEY UPDATE would report a found duplicate as 1 row too (the connection counts found rows), so it
    /// cannot tell a new event from a repeat.
    /// </summary>
    internal async Task<bool> JournalAsync(string dedupeKey, string eventName, DateTimeOffset now, string body, CancellationToken ct)
    {
        const string Sql = """
            INSERT INTO wechat_push_events (dedupe_key, event, received_at, body) VALUES (@dedupeKey, @eventName, @now, @body)
            """;
        if (eventName.Length > MaxEventChars) eventName = eventName[..MaxEventChars];
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await conn.ExecuteAsync(new CommandDefinition(Sql, new { dedupeKey, eventName, now, body }, cancellationToken: ct));
            return true;
        }
        catch (MySqlException e) when (Database.IsDuplicateKey(e, "PRIMARY"))
        {
            return false;
        }
    }

    /// <summary>Forgets a journalled event (its handler failed), so WeChat's retry is handled again.</summary>
    internal async Task ForgetAsync(string dedupeKey, CancellationToken ct)
    {
        const string Sql = "DELETE FROM wechat_push_events WHERE dedupe_key = @dedupeKey";
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition(Sql, new { dedupeKey }, cancellationToken: ct));
    }
}
