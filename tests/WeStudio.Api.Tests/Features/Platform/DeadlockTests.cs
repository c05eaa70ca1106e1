using Dapper;
using MySqlConnector;
using WeStudio.Api.Infrastructure;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Platform;

/// <summary>
/// Real InnoDB deadlocks (two transactions locking two rows in opposite orders): the one MySQL rolls back is run again by
/// <see cref="Database.RetryAsync{T}"/>, and one that still fails is answered 503 <c>database_busy</c>, never 500.
/// The victim is the lighter transaction (InnoDB rolls back the one that changed fewer rows): here always ours, which
/// only locks, while the other one changes a row.
/// </summary>
public sealed class DeadlockTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string LockUnit = "SELECT id FROM org_units WHERE id = @id FOR UPDATE";

    /// <summary>Two org units of a fresh committee, and an open transaction that has changed the second.</summary>
    private async Task<(Guid A, Guid B, MySqlConnection Other, MySqlTransaction OtherTx)> HeavierTransactionHoldingBAsync()
    {
        var (admin, committeeId) = await factory.CommitteeAdminAsync();
        var a = await admin.OrgUnitAsync(committeeId);
        var b = await admin.OrgUnitAsync(committeeId);
        var other = await factory.Database.OpenConnectionAsync();
        var otherTx = await other.BeginTransactionAsync();
        await other.ExecuteAsync(new CommandDefinition("UPDATE org_units SET created_at = @at WHERE id = @b",
            new { at = DateTime.UtcNow, b }, otherTx));
        return (a, b, other, otherTx);
    }

    /// <summary>After a moment, the other transaction asks for A (which we hold), closing the cycle; then it commits.</summary>
    private static Task CloseTheCycleAsync(Guid a, MySqlConnection other, MySqlTransaction otherTx) => Task.Run(async () =>
    {
        await Task.Delay(300);
        await other.ExecuteAsync(new CommandDefinition(LockUnit, new { id = a }, otherTx));
        await otherTx.CommitAsync();
    });

    [Fact]
    public async Task ATransactionChosenAsADeadlockVictimIsRunAgainAndSucceeds()
    {
        var (a, b, other, otherTx) = await HeavierTransactionHoldingBAsync();
        await using var _ = other;
        var cycle = Task.CompletedTask;
        var attempts = 0;
        var result = await Database.RetryAsync(async () =>
        {
            attempts++;
            await using var conn = await factory.Database.OpenConnectionAsync();
            await using var tx = await conn.BeginTransactionAsync();
            await conn.ExecuteAsync(new CommandDefinition(LockUnit, new { id = a }, tx));
            if (attempts == 1) cycle = CloseTheCycleAsync(a, other, otherTx);
            await conn.ExecuteAsync(new CommandDefinition(LockUnit, new { id = b }, tx)); // first time: waits for B, then deadlocks
            await tx.CommitAsync();
            return attempts;
        }, CancellationToken.None);
        await cycle;
        Assert.Equal(2, result);
    }

    [Fact]
    public async Task ADeadlockThatEscapesIsAnsweredDatabaseBusyNotInternalError()
    {
        var (a, b, other, otherTx) = await HeavierTransactionHoldingBAsync();
        await using var _ = other;
        await using var conn = await factory.Database.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync(new CommandDefinition(LockUnit, new { id = a }, tx));
        var cycle = CloseTheCycleAsync(a, other, otherTx);
        var deadlock = await Assert.ThrowsAsync<MySqlException>(() => conn.ExecuteAsync(new CommandDefinition(LockUnit, new { id = b }, tx)));
        await cycle;

        Assert.Equal(MySqlErrorCode.LockDeadlock, deadlock.ErrorCode);
        Assert.True(Database.IsRetryable(deadlock));
        var (status, code, _, _) = ErrorHandler.Classify(deadlock);
        Assert.Equal((503, "database_busy"), (status, code));
    }
}
