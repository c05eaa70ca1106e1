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

    // Calls, applications and a studio's stages (issue 13).
    public static readonly ProblemCode InvalidTransition = new("invalid_transition", [409], "当前状态下不能进行此操作，请刷新后查看");
    public static readonly ProblemCode CallClosed = new("call_closed", [409], "申报已截止");
    public static readonly ProblemCode ApplicationLimit = new("application_limit", [409], "您在本次申报中的申报数量已达上限（每人限报）");
    public static readonly ProblemCode QuotaExceeded = new("quota_exceeded", [409], "推荐名额已用完");
    public static readonly ProblemCode ReviewPending = new("review_pending", [409], "尚未完成前一评审环节（初评、公示或答辩）");
    public static readonly ProblemCode NotEndorsed = new("not_endorsed", [409], "该申报尚未获推荐，不能审批");
    public static readonly ProblemCode AlreadyAssessed = new("already_assessed", [409], "该建设年度已考核");
    public static readonly ProblemCode ReportMissing = new("report_missing", [409], "工作室尚未提交整改报告");
    public static readonly ProblemCode AcceptanceTooEarly = new("acceptance_too_early", [409], "建设周期最后一年才能提交验收材料");
    public static readonly ProblemCode AcceptanceMissing = new("acceptance_missing", [409], "工作室尚未提交验收材料");
    public static readonly ProblemCode AlreadySubmitted = new("already_submitted", [409], "材料已提交");
    public static readonly ProblemCode LeaderChangePending = new("leader_change_pending", [409], "已有待审批的主持人变更申请");
    public static readonly ProblemCode NoPendingChange = new("no_pending_change", [409], "没有待审批的主持人变更申请");
    public static readonly ProblemCode LeaderChangeRequired = new("leader_change_required", [409], "工作室已有主持人，更换主持人须提出申请并经审批");
    public static readonly ProblemCode SuccessorNotMember = new("successor_not_member", [422, 409], "接任的主持人须是本工作室成员");
    // Eligibility per notice (issue 13, Features/Applications/Eligibility.cs): 422, the first broken rule.
    public static readonly ProblemCode BranchTooYoung = new("branch_too_young", [422], "支部成立未满3年，不符合申报条件");
    public static readonly ProblemCode NotBranchSecretary = new("not_branch_secretary", [422], "须由支部书记申报");
    public static readonly ProblemCode LeaderNotQualified = new("leader_not_qualified", [422], "负责人须担任过党支部书记或为思政课教师");
    public static readonly ProblemCode TeamTooLarge = new("team_too_large", [422], "团队人数超过通知规定的上限");
    public static readonly ProblemCode TeamTooSmall = new("team_too_small", [422], "团队人数少于通知规定的下限");
    public static readonly ProblemCode SecretaryTenureTooShort = new("secretary_tenure_too_short", [422], "担任支部书记未满3年");
    public static readonly ProblemCode OverAgeLimit = new("over_age_limit", [422], "年龄超过通知规定的上限");
    public static readonly ProblemCode TitleTooLow = new("title_too_low", [422], "职称未达到通知要求");
    public static readonly ProblemCode TooFewMerits = new("too_few_merits", [422], "须具备通知所列条件中的至少3项，并附证明材料");
    public static readonly ProblemCode VenueTooSmall = new("venue_too_small", [422], "工作室场地面积不足15平方米");
    public static readonly ProblemCode NameNotBranch = new("name_not_branch", [422], "工作室须以所在党支部全称命名");
    public static readonly ProblemCode SchoolLevelMissing = new("school_level_missing", [422], "请选择高校或中小学校");
    public static readonly ProblemCode NoCityMasterStudio = new("no_city_master_studio", [422], "负责人须已主持市名师工作室");

    // Evaluation rounds and score sheets (issue 14).
    public static readonly ProblemCode NotEvaluator = new("not_evaluator", [403], "您不是本轮评估的专家");
    public static readonly ProblemCode StudioNotInRound = new("studio_not_in_round", [403], "该工作室不在本轮评估范围内");
    public static readonly ProblemCode RoundClosed = new("round_closed", [409], "本轮评估已结束");
    public static readonly ProblemCode RoundOpen = new("round_open", [409], "本轮评估尚未结束");
    public static readonly ProblemCode NotFinal = new("not_final", [409], "只有验收轮次才能评定优秀");
    public static readonly ProblemCode NotPassed = new("not_passed", [409], "该工作室未通过验收，不能评定优秀");
    public static readonly ProblemCode SheetSubmitted = new("sheet_submitted", [409], "评分表已提交，不能再修改");
    public static readonly ProblemCode SheetIncomplete = new("sheet_incomplete", [409], "评分表还有未评分的项目");
    public static readonly ProblemCode AlreadyAcknowledged = new("already_acknowledged", [409], "反馈意见已确认");
    public static readonly ProblemCode ScoreOutOfBand = new("score_out_of_band", [422], "分数不在所选档次的分值范围内");
    public static readonly ProblemCode BandConditionUnmet = new("band_condition_unmet", [422], "不满足该档次的评定条件");
    public static readonly ProblemCode MaterialTooLong = new("material_too_long", [422], "材料字数超过限制");

    // Ledger marks and star ratings (issue 12).
    public static readonly ProblemCode StarRatingsNotUsed = new("star_ratings_not_used", [409], "该工作室所属批次不评定星级");
    // 三会一课 sub-kinds, schools of core members, per-programme targets (issue 12).
    public static readonly ProblemCode SubKindRequired = new("sub_kind_required", [400], "请选择“三会一课”的类型：支部党员大会、支委会、党小组会或党课");
    public static readonly ProblemCode SubKindNotAllowed = new("sub_kind_not_allowed", [400], "只有“三会一课”活动需要选择会议类型");
    public static readonly ProblemCode HelpingSchoolNotCoreSchool = new("helping_school_not_core_school", [422], "帮扶学校须为依托单位或工作室核心成员所在学校");
    public static readonly ProblemCode NotASchool = new("not_a_school", [422], "请选择一所学校，而不是县区或工委");
    public static readonly ProblemCode SchoolOutsideCommittee = new("school_outside_committee", [422], "所选学校不在本批次所属工委的管辖范围内");
    public static readonly ProblemCode UnknownRequirement = new("unknown_requirement", [404], "该批次没有这项建设任务指标");
    public static readonly ProblemCode RequirementHasNoTarget = new("requirement_has_no_target", [409], "该项由评估专家评定，没有可设置的目标数");
    public static readonly ProblemCode RequirementNotScored = new("requirement_not_scored", [422], "该项不计分，不能设置分值");

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
