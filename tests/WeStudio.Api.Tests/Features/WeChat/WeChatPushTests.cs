using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using WeStudio.Api.Features.Photos;
using WeStudio.Api.Features.WeChat;
using WeStudio.Api.Tests.Features.Photos;
using WeStudio.Api.Tests.Infrastructure;
using WeStudio.WeChatSandbox;

namespace WeStudio.Api.Tests.Features.WeChat;

public sealed class WeChatPushTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    [Fact]
    public void TheSignatureMatchesWeChatsTestVector()
    {
        Assert.Equal("f464b24fc39322e44b38aa78f5edd27bd1441696", WeChatPushCrypto.Signature("AAAAA", "1714036504", "1514711492"));
        Assert.Equal("f464b24fc39322e44b38aa78f5edd27bd1441696", PushCrypto.Sign("AAAAA", "1714036504", "1514711492"));
        Assert.True(WeChatPushCrypto.Verify("F464B24FC39322E44B38AA78F5EDD27BD1441696", "1514711492", "AAAAA", "1714036504"));
        Assert.False(WeChatPushCrypto.Verify("f464b24fc39322e44b38aa78f5edd27bd1441697", "AAAAA", "1714036504", "1514711492"));
    }

    [Fact]
    public void TheSandboxesEncryptionDecryptsAndAnotherAppIdIsRefused()
    {
        var encrypt = PushCrypto.Encrypt("{\"Event\":\"wxa_media_check\",\"中文\":\"简讯\"}", AesKey, "wx_sandbox_appid");

        Assert.Equal("{\"Event\":\"wxa_media_check\",\"中文\":\"简讯\"}", WeChatPushCrypto.Decrypt(encrypt, AesKey, "wx_sandbox_appid"));
        Assert.Null(WeChatPushCrypto.Decrypt(encrypt, AesKey, "wx_other"));
        Assert.Null(WeChatPushCrypto.Decrypt("not base64!", AesKey, "wx_sandbox_appid"));
    }

    /// <summary>WECHAT.md: cross-check the AES layer with an independent implementation, openssl enc -aes-256-cbc -nopad.</summary>
    [Fact]
    public async Task TheAesLayerAgreesWithOpenssl()
    {
        var key = WeChatPushCrypto.Key(AesKey);
        var keyHex = Convert.ToHexStringLower(key);
        var ivHex = Convert.ToHexStringLower(key[..16]);
        var random = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        const string Message = "<xml><Event>wxa_media_check</Event></xml>";

        // ours → openssl: openssl decrypts without padding removal; we check the layout byte by byte.
        var ours = Convert.FromBase64String(WeChatPushCrypto.Encrypt(Message, AesKey, "wxappid", random));
        var plain = await OpensslAsync(["-d", "-K", keyHex, "-iv", ivHex], ours);
        Assert.Equal(0, plain.Length % 32);
        Assert.Equal(random, plain[..16]);
        Assert.Equal(Message.Length, (plain[16] << 24) | (plain[17] << 16) | (plain[18] << 8) | plain[19]);
        var pad = plain[^1];
        Assert.Equal(Message + "wxappid", Encoding.UTF8.GetString(plain, 20, plain.Length - 20 - pad));
        Assert.All(plain[^pad..], b => Assert.Equal(pad, b));

        // openssl → ours: we build the padded plaintext, openssl encrypts it, we decrypt.
        var body = Encoding.UTF8.GetBytes(Message);
        var layout = random.Concat(new byte[] { 0, 0, 0, (byte)body.Length }).Concat(body).Concat("wxappid"u8.ToArray()).ToList();
        var padding = 32 - (layout.Count % 32);
        layout.AddRange(Enumerable.Repeat((byte)padding, padding));
        var theirs = await OpensslAsync(["-e", "-K", keyHex, "-iv", ivHex], layout.ToArray());
        Assert.Equal(Message, WeChatPushCrypto.Decrypt(Convert.ToBase64String(theirs), AesKey, "wxappid"));
    }

    private static async Task<byte[]> OpensslAsync(string[] args, byte[] input)
    {
        var start = new ProcessStartInfo("openssl", ["enc", "-aes-256-cbc", "-nopad", .. args])
        { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        await process.StandardInput.BaseStream.WriteAsync(input);
        process.StandardInput.Close();
        using var output = new MemoryStream();
        await process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return output.ToArray();
    }

    [Fact]
    public async Task TheUrlCheckEchoesEchostrOnlyWithAGoodSignature()
    {
        var token = factory.Sandbox.State.Options.PushToken;
        var signature = WeChatPushCrypto.Signature(token, "1714036504", "1514711492");
        var client = factory.CreateClient();

        var good = await client.GetAsync($"/api/v1/wechat/push?signature={signature}&timestamp=1714036504&nonce=1514711492&echostr=hello123");
        var bad = await client.GetAsync($"/api/v1/wechat/push?signature={signature}&timestamp=1714036505&nonce=1514711492&echostr=hello123");

        Assert.Equal("hello123", await good.Content.ReadAsStringAsync());
        await bad.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "signature_invalid");
    }

    [Fact]
    public async Task AForgedPushIsRefusedAndChangesNothing()
    {
        var photo = await (await factory.MemberAsync()).UploadPhotoAsync();
        var traceId = await TraceIdAsync(photo.PhotoId);
        await factory.Sandbox.Delivery.WhenPushedAsync(traceId).WaitAsync(TimeSpan.FromSeconds(10));
        var forged = JsonSerializer.Serialize(new { Event = "wxa_media_check", trace_id = traceId, result = new { suggest = "risky", label = 20002 } });
        var client = factory.CreateClient();

        var unsigned = await client.PostAsync(ApiFactory.PushPath, new StringContent(forged, Encoding.UTF8, "application/json"));
        var wrongToken = WeChatPushCrypto.Signature("guessed-token", "1714036504", "42");
        var badlySigned = await client.PostAsync($"{ApiFactory.PushPath}?signature={wrongToken}&timestamp=1714036504&nonce=42",
            new StringContent(forged, Encoding.UTF8, "application/json"));
        var goodSignature = WeChatPushCrypto.Signature(factory.Sandbox.State.Options.PushToken, "1714036504", "42");
        var badMsgSignature = await client.PostAsync($"{ApiFactory.PushPath}?signature={goodSignature}&timestamp=1714036504&nonce=42&encrypt_type=aes&msg_signature={wrongToken}",
            new StringContent(JsonSerializer.Serialize(new { ToUserName = "gh", Encrypt = PushCrypto.Encrypt(forged, AesKey, factory.Sandbox.AppId) }), Encoding.UTF8, "application/json"));

        await unsigned.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "signature_invalid");
        await badlySigned.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "signature_invalid");
        await badMsgSignature.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "signature_invalid");
        Assert.Equal(MediaCheckStatus.Pass, await MediaCheckAsync(photo.PhotoId));
        Assert.Equal(HttpStatusCode.OK, (await factory.FetchAsync(photo.Url)).StatusCode);
    }

    [Fact]
    public async Task AnAesEncryptedPushFromTheSandboxIsDecryptedAndApplied()
    {
        factory.Sandbox.Delivery.Mode = "aes";
        try
        {
            factory.Sandbox.Delivery.QueueVerdict("risky", 20002);
            var photo = await (await factory.MemberAsync()).UploadPhotoAsync("garden-gps.png");

            var push = await factory.Sandbox.Delivery.WhenPushedAsync(await TraceIdAsync(photo.PhotoId)).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(("aes", 200, "success"), (push.Mode, push.Status, push.Answer));
            Assert.Equal(MediaCheckStatus.Risky, await MediaCheckAsync(photo.PhotoId));
        }
        finally
        {
            factory.Sandbox.Delivery.Mode = null;
        }
    }

    [Fact]
    public async Task APushRepeatedByWeChatIsHandledOnce()
    {
        var photo = await (await factory.MemberAsync()).UploadPhotoAsync("flower-gps.webp");
        var traceId = await TraceIdAsync(photo.PhotoId);
        await factory.Sandbox.Delivery.WhenPushedAsync(traceId).WaitAsync(TimeSpan.FromSeconds(10));
        var again = JsonSerializer.Serialize(new { Event = "wxa_media_check", trace_id = traceId, result = new { suggest = "risky", label = "20002" } });

        var repeated = await factory.Sandbox.Delivery.SendAsync(traceId, "wxa_media_check", again);

        Assert.Equal((200, "success"), (repeated.Status, repeated.Answer));
        Assert.Equal(MediaCheckStatus.Pass, await MediaCheckAsync(photo.PhotoId));
        await using var conn = await factory.Database.OpenConnectionAsync();
        Assert.Equal(1, await conn.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM wechat_push_events WHERE dedupe_key LIKE @key", new { key = $"%{traceId}" }));
    }

    [Fact]
    public async Task AnXmlPushWithAnUnknownEventIsAcknowledged()
    {
        const string Xml = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1714036504</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event></xml>";
        var record = await factory.Sandbox.Delivery.SendAsync("none", "subscribe", Xml);

        Assert.Equal((200, "success"), (record.Status, record.Answer));
    }

    private async Task<string> TraceIdAsync(Guid photoId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return (await conn.ExecuteScalarAsync<string>("SELECT media_trace_id FROM photos WHERE id = @photoId", new { photoId }))!;
    }

    private async Task<MediaCheckStatus> MediaCheckAsync(Guid photoId)
    {
        await using var conn = await factory.Database.OpenConnectionAsync();
        return Enum.Parse<MediaCheckStatus>(await conn.ExecuteScalarAsync<string>("SELECT media_check FROM photos WHERE id = @photoId", new { photoId }) ?? "");
    }
}
