using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

/// <summary>
/// The check-in writer keeps <c>CheckIn:MaxBatchesInFlight</c> (default 2) batches in flight (issue 15): a batch waiting for
/// its COMMIT does not hold up the next. Its own factory: the test sets the writer's fault-injection hook.
/// </summary>
public sealed class ConcurrentBatchesTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task WhileOneBatchWaitsForItsCommitTheNextIsWrittenAndAnswered()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);
        var writer = factory.Services.GetRequiredService<CheckInWriter>();
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        writer.BeforeCommit = async _ =>
        {
            if (held.TrySetResult()) await release.Task; // only the first batch waits between its INSERT and its COMMIT
        };
        try
        {
            var first = world.Members[0].ScanAsync(code.Token);
            await held.Task.WaitAsync(TimeSpan.FromSeconds(30));

            var second = await world.Members[1].ScanAsync(code.Token).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
            Assert.False(first.IsCompleted);
            Assert.Equal(1, await factory.Database.LiveRowsAsync(activity.Id));

            release.SetResult();
            Assert.Equal(HttpStatusCode.Created, (await first).StatusCode);
        }
        finally
        {
            release.TrySetResult();
            writer.BeforeCommit = null;
        }
        Assert.Equal(2, await factory.Database.LiveRowsAsync(activity.Id));
    }
}
