using System.Reflection;

namespace WeStudio.Api.Infrastructure;

/// <summary>
/// One refusal the API can send: the stable <see cref="Code"/> of its ProblemDetails, the HTTP statuses it comes with
/// (the first is the usual one) and <see cref="Message"/>, the Chinese sentence the mini-program shows for it.
/// </summary>
public sealed record ProblemCode(string Code, int[] Statuses, string Message)
{
    public int Status => Statuses[0];

    public override string ToString() => Code;

    public static implicit operator string(ProblemCode code) => code.Code;
}

/// <summary>
/// The catalogue of every refusal code the API sends: the one place that lists them. The OpenAPI document's
/// <c>ProblemDetails.code</c> enum, each operation's 4xx/5xx responses and the mini-program package's constants and
/// Chinese messages are generated from it; <see cref="Problems"/>, <see cref="ErrorHandler"/> and the bearer handler
/// use its entries. A test fails when the code sends a code that is not here (add it here with its status and message).
/// </summary>
public static class ProblemCodes
{
    // Sent by the platform for any endpoint.
    public static readonly ProblemCode ValidationFailed = new("validation_failed", [400], "填写的内容有误，请按提示修改后再提交");
    public static readonly ProblemCode MalformedJson = new("malformed_json", [400], "请求格式有误，请更新小程序后重试");
    public static readonly ProblemCode BadRequest = new("bad_request", [400], "请求有误，请稍后重试");
    public static readonly ProblemCode Unauthorized = new("unauthorized", [401], "登录已失效，请重新登录");
    public static readonly ProblemCode Forbidden = new("forbidden", [403], "您没有权限进行此操作");
    public static readonly ProblemCode NotFound = new("not_found", [404], "内容不存在或已被删除");
    public static readonly ProblemCode MethodNotAllowed = new("method_not_allowed", [405], "请求方式有误，请更新小程序后重试");
    public static readonly ProblemCode Conflict = new("conflict", [409], "操作冲突，请刷新后重试");
    public static readonly ProblemCode TooLarge = new("too_large", [413], "文件太大，请压缩后重新上传");
    public static readonly ProblemCode UnsupportedMediaType = new("unsupported_media_type", [415], "仅支持 JPG、PNG、WebP 格式的图片");
    public static readonly ProblemCode RateLimited = new("rate_limited", [429], "操作太频繁，请稍后再试");
    public static readonly ProblemCode Cancelled = new("cancelled", [499], "请求已取消");
    public static readonly ProblemCode InternalError = new("internal_error", [500], "服务器开小差了，请稍后重试");
    public static readonly ProblemCode ServiceUnavailable = new("service_unavailable", [503], "服务暂时不可用，请稍后重试");
    public static readonly ProblemCode DatabaseUnavailable = new("database_unavailable", [503], "服务暂时不可用，本次操作未保存，请稍后重试");
    public static readonly ProblemCode StorageUnavailable = new("storage_unavailable", [503], "文件存储暂时不可用，本次上传未保存，请稍后重试");
    public static readonly ProblemCode DatabaseBusy = new("database_busy", [503], "系统繁忙，本次操作未保存，请重试");
    public static readonly ProblemCode CacheUnavailable = new("cache_unavailable", [503], "服务暂时不可用，请稍后重试");

    // Sign-in.
    public static readonly ProblemCode WeChatCodeInvalid = new("wechat_code_invalid", [401], "微信登录凭证已失效，请重新登录");
    public static readonly ProblemCode InvalidCredentials = new("invalid_credentials", [401], "用户名或密码错误");
    public static readonly ProblemCode TooManyAttempts = new("too_many_attempts", [429], "登录失败次数过多，请 15 分钟后再试");
    public static readonly ProblemCode WeChatUnavailable = new("wechat_unavailable", [503], "微信服务繁忙，请稍后重试");
    public static readonly ProblemCode WeChatError = new("wechat_error", [502], "微信登录失败，请稍后重试");

    // Check-in and check-out.
    public static readonly ProblemCode TokenInvalid = new("token_invalid", [400], "二维码无效，请扫描屏幕上的签到码");
    public static readonly ProblemCode TokenExpired = new("token_expired", [410], "二维码已过期，请重新扫描屏幕上的签到码");
    public static readonly ProblemCode LocationRequired = new("location_required", [400], "本次活动需要定位签到，请允许获取位置后重新扫码");
    public static readonly ProblemCode NonceReused = new("nonce_reused", [400], "签到请求重复，请重新扫码");
    public static readonly ProblemCode NotMember = new("not_member", [403, 404], "您不是该工作室成员");
    public static readonly ProblemCode OutOfRange = new("out_of_range", [403], "您不在活动地点附近，无法签到");
    public static readonly ProblemCode NotOpen = new("not_open", [409], "签到尚未开始或已结束");
    public static readonly ProblemCode OutsideWindow = new("outside_window", [409], "当前不在活动签到时段内");
    public static readonly ProblemCode ActivityCancelled = new("activity_cancelled", [409], "活动已取消");
    public static readonly ProblemCode NotTracked = new("not_tracked", [409], "本次活动无需签退");
    public static readonly ProblemCode NotCheckedIn = new("not_checked_in", [409], "您还没有签到，请先签到");
    public static readonly ProblemCode AlreadyCheckedOut = new("already_checked_out", [409], "您已签退");
    public static readonly ProblemCode NotCheckedOut = new("not_checked_out", [409], "该成员尚未签退，请填写签退时间");
    public static readonly ProblemCode CheckInUnavailable = new("checkin_unavailable", [503], "签到服务暂时不可用，本次未签到，请稍后重新扫码");

    // Studios and invitations.
    public static readonly ProblemCode DuplicateName = new("duplicate_name", [409], "名称已存在，请换一个名称");
    public static readonly ProblemCode InvitationNotFound = new("invitation_not_found", [404], "邀请码不存在，请向工作室负责人核对");
    public static readonly ProblemCode InvitationExpired = new("invitation_expired", [409], "邀请码已过期或已用完，请向负责人索取新的邀请码");
    public static readonly ProblemCode StudioInactive = new("studio_inactive", [409], "该工作室暂停接收新成员");
    public static readonly ProblemCode TeamFull = new("team_full", [409], "工作室成员已满");

    // Photos and briefs.
    public static readonly ProblemCode CorruptImage = new("corrupt_image", [422], "图片已损坏，请重新选择");
    public static readonly ProblemCode TooManyPixels = new("too_many_pixels", [422], "图片像素过大，请缩小后重新上传");
    public static readonly ProblemCode MalformedMultipart = new("malformed_multipart", [400], "上传格式有误，请更新小程序后重试");
    public static readonly ProblemCode UrlInvalid = new("url_invalid", [403], "图片链接无效");
    public static readonly ProblemCode UrlExpired = new("url_expired", [403], "图片链接已过期，请刷新页面");
    public static readonly ProblemCode ContentRisky = new("content_risky", [422], "内容未通过安全检测，请修改后再提交");

    // Progress reports and the WeChat message push.
    public static readonly ProblemCode ReportAlreadySubmitted = new("report_already_submitted", [409], "本年度报告已提交，退回后才能修改");
    public static readonly ProblemCode ReportNotSubmitted = new("report_not_submitted", [409], "本年度报告尚未提交");
    public static readonly ProblemCode SignatureInvalid = new("signature_invalid", [403], "签名校验失败");

    // Ledger marks and star ratings (issue 12).
    public static readonly ProblemCode StarRatingsNotUsed = new("star_ratings_not_used", [409], "该工作室所属批次不评定星级");

    // Official-account followers (issue 19).
    public static readonly ProblemCode SyncRunning = new("sync_running", [409], "公众号粉丝同步正在进行中，请稍后查看进度");

    /// <summary>Every entry above, in declaration order.</summary>
    public static IReadOnlyList<ProblemCode> All { get; } = typeof(ProblemCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ProblemCode))
        .Select(f => (ProblemCode)f.GetValue(null)!)
        .ToArray();

    private static readonly Dictionary<string, ProblemCode> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static ProblemCode? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The code a status gets when a handler set none (framework 4xx/5xx such as 405 or a 413 from Kestrel).</summary>
    public static ProblemCode ForStatus(int status) => status switch
    {
        400 => BadRequest, 401 => Unauthorized, 403 => Forbidden, 404 => NotFound, 405 => MethodNotAllowed, 409 => Conflict,
        413 => TooLarge, 415 => UnsupportedMediaType, 429 => RateLimited, 503 => ServiceUnavailable,
        _ => status >= 500 ? InternalError : BadRequest,
    };
}
