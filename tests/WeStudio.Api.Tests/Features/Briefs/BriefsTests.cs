using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using WeStudio.Api.Features.Activities;
using WeStudio.Api.Features.Briefs;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Tests.Features.Photos;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Briefs;

public sealed class BriefsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static async Task<Guid> ActivityAsync(StudioWorld world, string title = "5月党建专题研讨")
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(-3);
        var activity = await (await world.Leader.Client.PostJsonAsync($"/api/v1/studios/{world.StudioId}/activities", new
        {
            kind = "MonthlySeminar", title, theme = "学习贯彻党的二十大精神", startsAt, endsAt = startsAt.AddHours(2), venueName = "党员活动室",
        })).ReadAsync<ActivityDto>();
        return activity.Id;
    }

    private static object Brief(string title = "研讨简讯", Guid[]? photoIds = null, string record = "覃老师主持，六位党员教师交流了学习体会。") => new
    {
        title, theme = "学习贯彻党的二十大精神", exchange = "围绕“党建+教育”融合展开交流。", record, summary = "统一了思想，明确了下一步工作。",
        photoIds = photoIds ?? [],
    };

    private static Task<HttpResponseMessage> PutAsync(SignedIn who, Guid activityId, object brief) => who.Client.PutJsonAsync($"/api/v1/activities/{activityId}/brief", brief);

    private static Task<HttpResponseMessage> PublishAsync(SignedIn who, Guid activityId) => who.Client.PostAsync($"/api/v1/activities/{activityId}/brief/publish", null);

    private static async Task<BriefPage> FeedAsync(SignedIn who, Guid studioId) =>
        await (await who.Client.GetAsync($"/api/v1/studios/{studioId}/briefs")).ReadAsync<BriefPage>();

    [Fact]
    public async Task TheBriefShowsTheActivitysAttendanceNextToIt()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activityId = await ActivityAsync(world);
        var marked = await world.Leader.Client.PutJsonAsync($"/api/v1/activities/{activityId}/attendance/{world.Members[0].Id}", new { reason = "忘带手机，现场登记" });
        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        await PutAsync(world.Leader, activityId, Brief());

        var brief = await (await PublishAsync(world.Leader, activityId)).ReadAsync<BriefDto>();

        Assert.Equal(new AttendanceDto(1, 3), brief.Attendance);
    }

    [Fact]
    public async Task ALeaderPublishesABriefWithPhotosThatMembersAndTheAdminRead()
    {
        var world = await factory.StudioWorldAsync(members: 2);
        var activityId = await ActivityAsync(world);
        var photos = new[] { await world.Leader.UploadPhotoAsync("ladybird-gps.jpg"), await world.Leader.UploadPhotoAsync("garden-gps.png") };

        var draft = await (await PutAsync(world.Leader, activityId, Brief(photoIds: photos.Select(p => p.PhotoId).ToArray()))).ReadAsync<BriefDto>();
        var published = await (await PublishAsync(world.Leader, activityId)).ReadAsync<BriefDto>();

        Assert.Equal(BriefStatus.Draft, draft.Status);
        Assert.Equal(BriefStatus.Published, published.Status);
        Assert.Equal(1, published.PublishedVersion);
        var read = await (await world.Members[0].Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ReadAsync<BriefDto>();
        Assert.Equal("研讨简讯", read.Title);
        Assert.Equal(photos.Select(p => p.PhotoId), read.Photos.Select(p => p.PhotoId));
        Assert.Equal(new AttendanceDto(0, 3), read.Attendance);
        Assert.Equal(HttpStatusCode.OK, (await factory.FetchAsync(read.Photos[1].Url!)).StatusCode);
        // The feed's sizes: JPEG thumb (short side 240) and display (the 300 × 480 fixture needs no reduction).
        Assert.Equal((240, 384, 300, 480), (read.Photos[0].Thumb!.Width, read.Photos[0].Thumb!.Height, read.Photos[0].Display!.Width, read.Photos[0].Display!.Height));
        Assert.Contains("size=thumb", read.Photos[1].Thumb!.Url);
        var thumb = await factory.FetchAsync(read.Photos[1].Thumb!.Url);
        Assert.Equal((HttpStatusCode.OK, "image/jpeg"), (thumb.StatusCode, thumb.Content.Headers.ContentType?.MediaType));
        var feed = await FeedAsync(world.Members[1], world.StudioId);
        Assert.Equal(read.Id, Assert.Single(feed.Items).Id);
        var adminFeed = await (await world.Admin.Client.GetAsync("/api/v1/briefs")).ReadAsync<BriefPage>();
        Assert.Contains(adminFeed.Items, b => b.Id == read.Id);
        var call = factory.Sandbox.State.Calls("/wxa/msg_sec_check").Last();
        Assert.Equal(3, call.Body!.Value.GetProperty("scene").GetInt32());
        Assert.Equal(2, call.Body.Value.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task FourByteCharactersLikeAnEmojiOrARareHanziAreStoredAndReadBackUnchanged()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activityId = await ActivityAsync(world);
        const string Title = "研讨简讯😀";
        const string Theme = "𠮷野家的“党建+教育”";
        const string Record = "𠮷老师主持，大家点赞👍。";
        const string Summary = "统一了思想𠮷";

        var saved = await (await PutAsync(world.Leader, activityId, new { title = Title, theme = Theme, record = Record, summary = Summary, photoIds = Array.Empty<Guid>() })).ReadAsync<BriefDto>();
        await (await PublishAsync(world.Leader, activityId)).ReadAsync<BriefDto>();

        Assert.Equal((Title, Theme, Record, Summary), (saved.Title, saved.Theme, saved.Record, saved.Summary));
        var read = await (await world.Members[0].Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ReadAsync<BriefDto>();
        Assert.Equal((Title, Theme, Record, Summary), (read.Title, read.Theme, read.Record, read.Summary));
        var version = Assert.Single(await (await world.Leader.Client.GetAsync($"/api/v1/activities/{activityId}/brief/versions")).ReadAsync<BriefVersionDto[]>());
        Assert.Equal((Title, Theme, Record, Summary), (version.Title, version.Theme, version.Record, version.Summary));
        Assert.Equal(Title, Assert.Single((await FeedAsync(world.Members[0], world.StudioId)).Items).Title);
    }

    [Fact]
    public async Task ADraftIsSeenOnlyByTheLeader()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activityId = await ActivityAsync(world);

        await (await PutAsync(world.Leader, activityId, Brief())).ReadAsync<BriefDto>();

        await (await world.Members[0].Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        Assert.Empty((await FeedAsync(world.Members[0], world.StudioId)).Items);
        Assert.Equal(HttpStatusCode.OK, (await world.Leader.Client.GetAsync($"/api/v1/activities/{activityId}/brief")).StatusCode);
    }

    [Fact]
    public async Task AMemberCannotEditOrPublishABrief()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activityId = await ActivityAsync(world);
        await (await PutAsync(world.Leader, activityId, Brief())).ReadAsync<BriefDto>();

        await (await PutAsync(world.Members[0], activityId, Brief("改过的"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await PublishAsync(world.Members[0], activityId)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task ALeaderCannotEditAnotherStudiosBriefNorReadIt()
    {
        var mine = await factory.StudioWorldAsync(members: 0);
        var theirs = await factory.StudioWorldAsync(members: 0);
        var activityId = await ActivityAsync(theirs);
        await (await PutAsync(theirs.Leader, activityId, Brief())).ReadAsync<BriefDto>();
        await (await PublishAsync(theirs.Leader, activityId)).ReadAsync<BriefDto>();

        await (await PutAsync(mine.Leader, activityId, Brief("不是我的"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await mine.Leader.Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await mine.Leader.Client.GetAsync($"/api/v1/studios/{theirs.StudioId}/briefs")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        var otherAdminFeed = await (await mine.Admin.Client.GetAsync("/api/v1/briefs")).ReadAsync<BriefPage>();
        Assert.DoesNotContain(otherAdminFeed.Items, b => b.StudioId == theirs.StudioId);
    }

    [Fact]
    public async Task EveryVersionIsKeptAndReadersSeeThePublishedOneUntilTheEditIsPublished()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activityId = await ActivityAsync(world);
        await (await PutAsync(world.Leader, activityId, Brief("第一稿"))).ReadAsync<BriefDto>();
        await (await PutAsync(world.Leader, activityId, Brief("第二稿"))).ReadAsync<BriefDto>();
        await (await PublishAsync(world.Leader, activityId)).ReadAsync<BriefDto>();

        var edited = await (await PutAsync(world.Leader, activityId, Brief("第三稿"))).ReadAsync<BriefDto>();

        Assert.True(edited.HasUnpublishedChanges);
        Assert.Equal((3, 2), (edited.CurrentVersion, edited.PublishedVersion!.Value));
        var read = await (await world.Members[0].Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ReadAsync<BriefDto>();
        Assert.Equal("第二稿", read.Title);
        var versions = await (await world.Leader.Client.GetAsync($"/api/v1/activities/{activityId}/brief/versions")).ReadAsync<BriefVersionDto[]>();
        Assert.Equal(["第三稿", "第二稿", "第一稿"], versions.Select(v => v.Title));
        Assert.All(versions, v => Assert.Equal(world.Leader.Id, v.EditedBy));
        await (await world.Members[0].Client.GetAsync($"/api/v1/activities/{activityId}/brief/versions")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.Client.GetAsync($"/api/v1/activities/{activityId}/brief/versions")).StatusCode);

        await (await PublishAsync(world.Leader, activityId)).ReadAsync<BriefDto>();
        read = await (await world.Members[0].Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ReadAsync<BriefDto>();
        Assert.Equal("第三稿", read.Title);
    }

    [Fact]
    public async Task ARiskyWordBlocksPublishingAsContentRisky()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activityId = await ActivityAsync(world);
        await (await PutAsync(world.Leader, activityId, Brief(record: "会上有人说了 sandbox-risky 的话。"))).ReadAsync<BriefDto>();

        var response = await PublishAsync(world.Leader, activityId);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "content_risky");
        Assert.Equal("20001", problem.GetProperty("errors").GetProperty("label")[0].GetString());
        var brief = await (await world.Leader.Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ReadAsync<BriefDto>();
        Assert.Equal((BriefStatus.Draft, "risky"), (brief.Status, brief.LastCheckResult));
        Assert.Empty((await FeedAsync(world.Members[0], world.StudioId)).Items);
    }

    [Fact]
    public async Task AReviewVerdictPublishesTheBriefAndFlagsItForTheCommittee()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activityId = await ActivityAsync(world);
        await (await PutAsync(world.Leader, activityId, Brief(record: "讨论了 sandbox-review 的话题。"))).ReadAsync<BriefDto>();

        var published = await (await PublishAsync(world.Leader, activityId)).ReadAsync<BriefDto>();

        Assert.Equal(BriefStatus.Published, published.Status);
        Assert.True(published.FlaggedForReview);
        var flagged = await (await world.Admin.Client.GetAsync("/api/v1/briefs?flagged=true")).ReadAsync<BriefPage>();
        Assert.Contains(flagged.Items, b => b.Id == published.Id && b.FlagLabel == 21000);
    }

    [Fact]
    public async Task WhenWeChatIsUnavailableTheBriefStaysPendingReviewUntilTheRetryJobChecksIt()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activityId = await ActivityAsync(world);
        await (await PutAsync(world.Leader, activityId, Brief())).ReadAsync<BriefDto>();
        await factory.Sandbox.InjectFaultAsync("/wxa/msg_sec_check", -1, 3); // the first call and the resilience pipeline's two retries

        var response = await PublishAsync(world.Leader, activityId);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(BriefStatus.PendingReview, (await response.ReadAsync<BriefDto>()).Status);
        Assert.Empty((await FeedAsync(world.Members[0], world.StudioId)).Items);
        var review = factory.Services.GetRequiredService<BriefReview>();
        Assert.Equal(0, await review.RetryDueAsync(default)); // not due yet
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        try
        {
            Assert.True(await review.RetryDueAsync(default) >= 1);
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(-2));
        }
        var brief = await (await world.Members[0].Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ReadAsync<BriefDto>();
        Assert.Equal(BriefStatus.Published, brief.Status);
        Assert.Single((await FeedAsync(world.Members[0], world.StudioId)).Items);
    }

    [Fact]
    public async Task ABriefIsRefusedWithoutATitleWithTooManyPhotosOrWithSomeoneElsesPhoto()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activityId = await ActivityAsync(world);
        var theirs = await world.Members[0].UploadPhotoAsync();

        var untitled = await PutAsync(world.Leader, activityId, Brief(title: " "));
        var tooMany = await PutAsync(world.Leader, activityId, Brief(photoIds: Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray()));
        var notMine = await PutAsync(world.Leader, activityId, Brief(photoIds: [theirs.PhotoId]));

        var errors = (await untitled.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _));
        errors = (await tooMany.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("photoIds", out _));
        errors = (await notMine.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("photoIds[0]", out _));
        await (await world.Leader.Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ABriefOfACancelledActivityIsRefusedAndOfAnUnknownOneIsNotFound()
    {
        var world = await factory.StudioWorldAsync(members: 0);
        var activityId = await ActivityAsync(world);
        await (await world.Leader.Client.PostJsonAsync($"/api/v1/activities/{activityId}/cancel", new { reason = "台风停课" })).ReadAsync<ActivityDto>();

        await (await PutAsync(world.Leader, activityId, Brief())).ShouldBeProblemAsync(HttpStatusCode.Conflict, "activity_cancelled");
        await (await PutAsync(world.Leader, Guid.NewGuid(), Brief())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await PublishAsync(world.Leader, Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task TheStudioFeedIsNewestFirstAndPagedByCursor()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var activityId = await ActivityAsync(world, $"第{i + 1}次研讨");
            await (await PutAsync(world.Leader, activityId, Brief($"简讯{i + 1}"))).ReadAsync<BriefDto>();
            ids.Add((await (await PublishAsync(world.Leader, activityId)).ReadAsync<BriefDto>()).Id);
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var first = await (await world.Members[0].Client.GetAsync($"/api/v1/studios/{world.StudioId}/briefs?limit=2")).ReadAsync<BriefPage>();
        var second = await (await world.Members[0].Client.GetAsync($"/api/v1/studios/{world.StudioId}/briefs?limit=2&cursor={first.NextCursor}")).ReadAsync<BriefPage>();

        Assert.Equal(["简讯3", "简讯2"], first.Items.Select(b => b.Title));
        Assert.Equal(["简讯1"], second.Items.Select(b => b.Title));
        Assert.Null(second.NextCursor);
        await (await world.Members[0].Client.GetAsync($"/api/v1/studios/{world.StudioId}/briefs?cursor=nonsense")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task APhotoWeChatFindsRiskyCannotBeAttachedAndIsNeverServed()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activityId = await ActivityAsync(world);
        var fine = await world.Leader.UploadPhotoAsync("garden-gps.png");
        factory.Sandbox.Delivery.QueueVerdict("risky", 20002);
        var risky = await world.Leader.UploadPhotoAsync("flower-gps.webp");
        await WaitForVerdictAsync(risky.PhotoId);
        await (await PutAsync(world.Leader, activityId, Brief(photoIds: [fine.PhotoId]))).ReadAsync<BriefDto>();

        var refused = await PutAsync(world.Leader, activityId, Brief(photoIds: [fine.PhotoId, risky.PhotoId]));

        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        foreach (var url in new[] { risky.Url, risky.Thumb.Url, risky.Display.Url })
            await (await factory.FetchAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task APhotoFoundRiskyAfterPublishingDisappearsFromTheFeedButTheLeaderSeesWhy()
    {
        var world = await factory.StudioWorldAsync(members: 1);
        var activityId = await ActivityAsync(world);
        var photo = await world.Leader.UploadPhotoAsync("ladybird-gps.jpg");
        await WaitForVerdictAsync(photo.PhotoId);
        await (await PutAsync(world.Leader, activityId, Brief(photoIds: [photo.PhotoId]))).ReadAsync<BriefDto>();
        await (await PublishAsync(world.Leader, activityId)).ReadAsync<BriefDto>();
        var shown = Assert.Single(Assert.Single((await FeedAsync(world.Members[0], world.StudioId)).Items).Photos);
        Assert.Equal(HttpStatusCode.OK, (await factory.FetchAsync(shown.Thumb!.Url)).StatusCode);

        // WeChat re-pushes a later verdict for the same photo (as after an appeal or a re-check).
        await using (var conn = await factory.Database.OpenConnectionAsync())
        {
            var traceId = await conn.ExecuteScalarAsync<string>("SELECT media_trace_id FROM photos WHERE id = @id", new { id = photo.PhotoId });
            await conn.ExecuteAsync("DELETE FROM wechat_push_events WHERE dedupe_key LIKE @key", new { key = $"%{traceId}" });
            await conn.ExecuteAsync("DELETE FROM media_check_results WHERE trace_id = @traceId", new { traceId });
            var push = await factory.Sandbox.Delivery.SendAsync(traceId!, "wxa_media_check", JsonSerializer.Serialize(new
            {
                ToUserName = "gh_sandbox0000", FromUserName = "o-someone", CreateTime = 1714036504, MsgType = "event", Event = "wxa_media_check",
                appid = factory.Sandbox.AppId, trace_id = traceId, version = 2, result = new { suggest = "risky", label = "20002" },
            }));
            Assert.Equal(200, push.Status);
        }

        Assert.Empty(Assert.Single((await FeedAsync(world.Members[0], world.StudioId)).Items).Photos);
        var leaders = await (await world.Leader.Client.GetAsync($"/api/v1/activities/{activityId}/brief")).ReadAsync<BriefDto>();
        var hidden = Assert.Single(leaders.Photos);
        Assert.Equal((MediaCheckStatus.Risky, (string?)null, (PhotoSizeDto?)null, (PhotoSizeDto?)null), (hidden.MediaCheck, hidden.Url, hidden.Thumb, hidden.Display));
        // Every size of it stops being served, also through the URLs handed out before the verdict.
        foreach (var url in new[] { photo.Url, photo.Thumb.Url, photo.Display.Url, shown.Thumb!.Url, shown.Display!.Url })
            await (await factory.FetchAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    private async Task WaitForVerdictAsync(Guid photoId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        var traceId = await conn.ExecuteScalarAsync<string>("SELECT media_trace_id FROM photos WHERE id = @photoId", new { photoId });
        var push = await factory.Sandbox.Delivery.WhenPushedAsync(traceId!).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(200, push.Status);
    }
}
