using System.Net;
using WeStudio.Api.Features.CheckIns;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.CheckIns;

public sealed class CheckInConcurrencyTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task AHundredMembersCheckingInAtOnceEachWithARetryGiveExactlyAHundredRowsEachAnswered201Once()
    {
        var world = await factory.StudioWorldAsync(members: 100, teamCap: 150);
        var activity = await factory.ActivityAsync(world);
        var code = await world.Leader.OpenWithCodeAsync(activity.Id);

        // Each member sends the same scan twice at once, as a flaky network retry would.
        var requests = world.Members.SelectMany(member =>
        {
            var nonce = CheckInWorld.Nonce();
            return new[] { (member.Id, Task: member.ScanAsync(code.Token, nonce)), (member.Id, Task: member.ScanAsync(code.Token, nonce)) };
        }).ToList();
        await Task.WhenAll(requests.Select(r => r.Task));

        Assert.Equal(100, await factory.Database.LiveRowsAsync(activity.Id));
        foreach (var perMember in requests.GroupBy(r => r.Id))
        {
            var responses = perMember.Select(r => r.Task.Result).ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Created], responses.Select(r => r.StatusCode).Order());
            var bodies = await Task.WhenAll(responses.Select(r => r.ReadAsync<CheckInResult>()));
            Assert.Equal(bodies[0], bodies[1]);
            Assert.False(bodies[0].AlreadyCheckedIn);
        }
    }
}
