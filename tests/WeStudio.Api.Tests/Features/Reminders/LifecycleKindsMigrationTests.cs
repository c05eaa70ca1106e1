using Dapper;
using MySqlConnector;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Reminders;

/// <summary>
/// V0013: the outbox accepts the lifecycle kinds (issues 13 and 14) with or without a studio, and its named CHECK still
/// refuses a kind it does not know. Rows are written in a transaction that is rolled back, so no dispatcher sees them.
/// </summary>
public sealed class LifecycleKindsMigrationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Insert = """
        INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
        VALUES (UUID(), @kind, UUID(), @studioId, @recipientId, 'v0013-test', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))
        """;

    [Theory]
    [InlineData("CallDeadline", false)]
    [InlineData("ApplicationDecided", false)]
    [InlineData("RectificationDeadline", true)]
    [InlineData("EvaluationFeedback", true)]
    [InlineData("ActivityUpcoming", true)]
    public async Task TheOutboxTakesTheLifecycleKindsAndAStudiolessRow(string kind, bool withStudio)
    {
        var world = await factory.StudioWorldAsync(members: 1);
        await using var conn = await factory.Database.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var written = await conn.ExecuteAsync(Insert,
            new { kind, studioId = withStudio ? world.StudioId : (Guid?)null, recipientId = world.Members[0].Id }, tx);
        Assert.Equal(1, written);
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task TheNewCheckRefusesAnUnknownKind()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        await using var conn = await factory.Database.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var refused = await Assert.ThrowsAsync<MySqlException>(() => conn.ExecuteAsync(Insert,
            new { kind = "LeaderBirthday", studioId = world.StudioId, recipientId = world.Members[0].Id }, tx));
        // MariaDB 4025 ER_CONSTRAINT_FAILED, MySQL 8 3819 ER_CHECK_CONSTRAINT_VIOLATED; both name the constraint.
        Assert.Contains("reminders_kind", refused.Message);
        Assert.Equal(0, await conn.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM reminders WHERE occasion = 'v0013-test'", transaction: tx));
        await tx.RollbackAsync();
    }

    [Fact]
    public async Task OnlyTheNamedKindCheckIsLeftOnTheKindColumn()
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        var checks = (await conn.QueryAsync<string>("""
            SELECT cc.CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS cc
            JOIN information_schema.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = cc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = cc.CONSTRAINT_NAME
            WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.TABLE_NAME = 'reminders' AND tc.CONSTRAINT_TYPE = 'CHECK' AND cc.CHECK_CLAUSE LIKE '%LeaderAnnualReport%'
            """)).ToList();
        var only = Assert.Single(checks);
        Assert.Contains("EvaluationFeedback", only);
    }
}
