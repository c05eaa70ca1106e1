using System.Diagnostics;
using System.Net;
using WeStudio.Api.Features.WeChat;
using WeStudio.WeChatSandbox;

namespace WeStudio.Api.Tests.Features.WeChat;

/// <summary><see cref="IWeChatClient.Code2SessionAsync"/> against the sandbox, and how failures of any call are reported.</summary>
public sealed class WeChatLoginTests : IAsyncLifetime
{
    private readonly WeChatTestContext context = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => context.DisposeAsync().AsTask();

    [Fact]
    public async Task LoginWithASandboxCodeReturnsTheStableOpenIdOfThatName()
    {
        var client = context.NewClient();

        var first = await client.Code2SessionAsync("sandbox:alice:1");
        var second = await client.Code2SessionAsync("sandbox:alice:2");

        Assert.True(first.IsSuccess, first.ToString());
        Assert.True(second.IsSuccess, second.ToString());
        Assert.Equal(LoginApi.OpenId(context.Sandbox.AppId, "alice"), first.Value.OpenId);
        Assert.Equal(first.Value.OpenId, second.Value.OpenId);
        Assert.Equal(28, first.Value.OpenId.Length);
    }

    [Fact]
    public async Task LoginAsAnotherNameReturnsAnotherOpenId()
    {
        var client = context.NewClient();

        var alice = await client.Code2SessionAsync("sandbox:alice");
        var bob = await client.Code2SessionAsync("sandbox:bob");

        Assert.True(alice.IsSuccess && bob.IsSuccess);
        Assert.NotEqual(alice.Value!.OpenId, bob.Value!.OpenId);
        Assert.NotEqual(alice.Value.UnionId, bob.Value.UnionId);
    }

    [Fact]
    public async Task LoginReturnsAUnionIdAndANewSessionKeyEachTime()
    {
        var client = context.NewClient();

        var first = await client.Code2SessionAsync("sandbox:alice:1");
        var second = await client.Code2SessionAsync("sandbox:alice:2");

        Assert.Equal(LoginApi.UnionId("alice"), first.Value!.UnionId);
        Assert.Equal(first.Value.UnionId, second.Value!.UnionId);
        Assert.Equal(16, Convert.FromBase64String(first.Value.SessionKey).Length);
        Assert.NotEqual(first.Value.SessionKey, second.Value.SessionKey);
    }

    [Fact]
    public async Task LoginWorksForAChineseName()
    {
        var client = context.NewClient();

        var result = await client.Code2SessionAsync("sandbox:张三:晨会");

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(LoginApi.OpenId(context.Sandbox.AppId, "张三"), result.Value.OpenId);
        Assert.Equal("sandbox:张三:晨会", Assert.Single(context.Calls("/sns/jscode2session")).Query["js_code"]);
    }

    [Fact]
    public async Task CodeUsedTwiceIsRejectedAsAnInvalidCode()
    {
        var client = context.NewClient();
        Assert.True((await client.Code2SessionAsync("sandbox:alice:once")).IsSuccess);

        var again = await client.Code2SessionAsync("sandbox:alice:once");

        Assert.False(again.IsSuccess);
        Assert.Equal(WeChatError.CodeBeenUsed, again.Error.ErrCode);
        Assert.True(again.Error.IsInvalidCode);
        Assert.False(again.Error.IsTransient);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("sandbox:")]
    [InlineData("SANDBOX:alice")]
    public async Task CodeThatIsNotASandboxCodeIsRejectedAsInvalidCode(string code)
    {
        var result = await context.NewClient().Code2SessionAsync(code);

        Assert.Equal(WeChatError.InvalidCode, result.Error?.ErrCode);
        Assert.True(result.Error!.IsInvalidCode);
    }

    [Fact]
    public async Task EmptyCodeIsRejectedAsInvalidCodeWithoutCallingWeChat()
    {
        var result = await context.NewClient().Code2SessionAsync(" ");

        Assert.True(result.Error!.IsInvalidCode);
        Assert.Empty(context.Calls("/sns/jscode2session"));
    }

    [Fact]
    public async Task WrongSecretIsReportedAs40125()
    {
        var client = context.NewClient(configure: o => o.AppSecret = "not-the-secret");

        var result = await client.Code2SessionAsync("sandbox:alice");

        Assert.Equal(40125, result.Error?.ErrCode);
        Assert.Contains("invalid appsecret", result.Error!.ErrMsg);
    }

    [Fact]
    public async Task WrongAppIdIsReportedAs40013()
    {
        var result = await context.NewClient(configure: o => o.AppId = "wx_someone_else").Code2SessionAsync("sandbox:alice");

        Assert.Equal(40013, result.Error?.ErrCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(45009)]
    [InlineData(45011)]
    public async Task BusyOrOverQuotaIsReportedAsTransient(int errcode)
    {
        await context.InjectFaultAsync("/sns/jscode2session", errcode);

        var result = await context.NewClient().Code2SessionAsync("sandbox:alice");

        Assert.Equal(errcode, result.Error?.ErrCode);
        Assert.True(result.Error!.IsTransient);
        Assert.False(result.Error.IsInvalidCode);
    }

    [Fact]
    public async Task UnreachableWeChatIsReportedAsNetworkError()
    {
        var client = context.NewClient(new SocketsHttpHandler(), o => o.BaseUrl = $"http://127.0.0.1:{WeChatTestContext.ClosedPort()}");

        var result = await client.Code2SessionAsync("sandbox:alice");

        Assert.Equal(WeChatError.NetworkError, result.Error?.ErrCode);
        Assert.True(result.Error!.IsTransient);
    }

    [Fact]
    public async Task NoAnswerWithinTheTimeoutIsReportedAsNetworkError()
    {
        var client = context.NewClient(new CannedHandler(HttpStatusCode.OK, body: null), o => o.TimeoutSeconds = 1);
        var clock = Stopwatch.StartNew();

        var result = await client.Code2SessionAsync("sandbox:alice");

        Assert.Equal(WeChatError.NetworkError, result.Error?.ErrCode);
        Assert.Contains("within 1 s", result.Error!.ErrMsg);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CallerCancellationThrowsRatherThanReportingWeChatDown()
    {
        var client = context.NewClient(new CannedHandler(HttpStatusCode.OK, body: null));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Code2SessionAsync("sandbox:alice", cancel.Token));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html>502 Bad Gateway</html>")]
    [InlineData(HttpStatusCode.OK, "<html>captive portal</html>")]
    [InlineData(HttpStatusCode.OK, "[1, 2]")]
    [InlineData(HttpStatusCode.OK, "{\"openid\": 42}")]
    [InlineData(HttpStatusCode.OK, "{\"session_key\": \"abc\"}")]
    [InlineData(HttpStatusCode.InternalServerError, "{}")]
    public async Task AnswerThatIsNotTheExpectedJsonIsReportedAsNetworkError(HttpStatusCode status, string body)
    {
        var client = context.NewClient(new CannedHandler(status, body));

        var result = await client.Code2SessionAsync("sandbox:alice");

        Assert.Equal(WeChatError.NetworkError, result.Error?.ErrCode);
    }

    [Fact]
    public async Task ErrCodeSentAsAStringIsStillAnError()
    {
        var client = context.NewClient(new CannedHandler(HttpStatusCode.OK, "{\"errcode\":\"40029\",\"errmsg\":\"invalid code\"}", "application/json"));

        var result = await client.Code2SessionAsync("sandbox:alice");

        Assert.Equal(WeChatError.InvalidCode, result.Error?.ErrCode);
    }
}
