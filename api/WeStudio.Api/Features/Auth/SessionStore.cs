using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Auth;

/// <summary>Who a session belongs to: a WeChat member or a committee admin.</summary>
public enum SubjectKind { Member, Admin }

/// <summary>A signed-in subject. <see cref="Id"/> is a member id or an admin id, per <see cref="Kind"/>.</summary>
public sealed record Session(SubjectKind Kind, Guid Id, DateTimeOffset ExpiresAt);

/// <summary>
/// Opaque bearer tokens: 32 random bytes (base64url) handed to the client once; Redis keeps only their SHA-256
/// (<c>session:{hash}</c>) with a TTL, so a Redis dump does not yield usable tokens. Logout deletes the key.
/// A value that does not read as a session (corrupted, or written by something else) counts as no session: the request
/// is 401 like an unknown token, and the entry is logged (by its key hash, never the token) and deleted.
/// </summary>
public sealed class SessionStore(RedisConnection redis, TimeProvider clock, IConfiguration configuration, ILogger<SessionStore> logger)
{
    private TimeSpan Lifetime => TimeSpan.FromHours(configuration.GetValue("Auth:SessionHours", 72));

    public async Task<(string Token, Session Session)> CreateAsync(SubjectKind kind, Guid id)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var session = new Session(kind, id, clock.GetUtcNow().Add(Lifetime));
        await redis.Database.StringSetAsync(KeyOf(token), JsonSerializer.Serialize(session), Lifetime);
        return (token, session);
    }

    public async Task<Session?> FindAsync(string token)
    {
        if (SessionKey(token) is not { } key) return null;
        RedisValue value;
        try
        {
            value = await redis.Database.StringGetAsync(key);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("WRONGTYPE", StringComparison.Ordinal))
        {
            logger.LogWarning("Session entry {Key} in Redis is not a string; treated as signed out and deleted", key.ToString());
            await redis.Database.KeyDeleteAsync(key);
            return null;
        }
        return Read(key, value);
    }

    /// <summary>
    /// The Redis key (a string) of a token's session, or null for a token that cannot be one: for an endpoint that reads it
    /// in one round trip with its own keys (<see cref="SessionCheckedByEndpoint"/>), then passes the value to <see cref="Read"/>.
    /// </summary>
    public RedisKey? SessionKey(string token) => token.Length is < 20 or > 100 ? (RedisKey?)null : KeyOf(token);

    /// <summary>
    /// The session stored under <paramref name="key"/>, or null when missing, expired or corrupt. A corrupt entry (not a
    /// session's JSON, or an incomplete one) is logged and deleted, so the member signs in again instead of getting a 500
    /// on every request (issue 18).
    /// </summary>
    public Session? Read(RedisKey key, RedisValue value)
    {
        if (value.IsNullOrEmpty) return null;
        Session? session;
        try
        {
            session = JsonSerializer.Deserialize<Session>(value.ToString());
            if (session is not null && (session.Id == Guid.Empty || !Enum.IsDefined(session.Kind))) session = null;
        }
        catch (JsonException e)
        {
            logger.LogWarning("Session entry {Key} in Redis is not a session ({Error}); treated as signed out and deleted", key.ToString(), e.Message);
            redis.Database.KeyDelete(key, CommandFlags.FireAndForget);
            return null;
        }
        if (session is null)
        {
            logger.LogWarning("Session entry {Key} in Redis is empty or incomplete; treated as signed out and deleted", key.ToString());
            redis.Database.KeyDelete(key, CommandFlags.FireAndForget);
            return null;
        }
        return session.ExpiresAt <= clock.GetUtcNow() ? null : session;
    }

    public Task RevokeAsync(string token) => redis.Database.KeyDeleteAsync(KeyOf(token));

    private RedisKey KeyOf(string token) => redis.Key("session:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))));

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
