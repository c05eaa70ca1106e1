using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeStudio.WeChatSandbox;

/// <summary>
/// Wraps every WeChat path (all but <c>/sandbox/…</c>): answers an injected fault instead of the endpoint when one is
/// queued for the path, and records the call with the errcode it was answered (read back from the JSON answer, 0 when
/// the answer is not JSON, e.g. an image). <c>secret</c> is left out of the recorded query and body.
/// </summary>
public sealed class RecordingMiddleware(RequestDelegate next, SandboxState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/sandbox"))
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var path = SandboxState.Normalize(request.Path.Value ?? "/");
        var query = request.Query.Where(q => q.Key != "secret").ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var body = await ReadBodyAsync(request);

        int status, errcode;
        if (state.TryTakeFault(path, out var injected) || state.TryTakeStormFault(path, out injected))
        {
            await context.Response.WriteAsJsonAsync(WeChatErrors.Body(injected), WeChatErrors.Json);
            (status, errcode) = (StatusCodes.Status200OK, injected);
        }
        else
        {
            (status, errcode) = await RunAndReadErrCodeAsync(context);
        }
        state.Record(new SandboxCall(request.Method, path, query, body, state.Clock.GetUtcNow(), status, errcode));
    }

    private async Task<(int Status, int ErrCode)> RunAndReadErrCodeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        buffer.Position = 0;
        var errcode = ReadErrCode(buffer.ToArray());
        await buffer.CopyToAsync(original);
        return (context.Response.StatusCode, errcode);
    }

    private static int ReadErrCode(byte[] answer)
    {
        try
        {
            return JsonNode.Parse(answer) is JsonObject json && json["errcode"] is JsonValue code && code.TryGetValue<int>(out var value) ? value : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    private static async Task<JsonElement?> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any())) return null;
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        if (text.Length == 0) return null;
        try
        {
            var node = JsonNode.Parse(text);
            if (node is JsonObject json) json.Remove("secret");
            return JsonSerializer.SerializeToElement(node);
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(text);
        }
    }
}
