using System.Text;
using Microsoft.Extensions.Options;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>
/// Settings of the rotating check-in code, bound from the configuration section <c>CheckIn</c>
/// (environment: <c>CheckIn__TokenSecret</c>, <c>CheckIn__PreviousTokenSecrets__0</c>, …). Validated on start.
/// </summary>
/// <remarks>
/// A secret is read as standard base64 when it consists only of base64 characters and decodes
/// (e.g. the output of <c>openssl rand -base64 32</c>); otherwise its UTF-8 bytes are the key.
/// Either way the key must be at least 32 bytes. Secrets never appear in validation messages.
/// </remarks>
public sealed class CheckInOptions
{
    public const string Section = "CheckIn";

    /// <summary>Smallest accepted HMAC key, in bytes.</summary>
    public const int MinSecretBytes = 32;

    /// <summary>The HMAC-SHA256 key that signs new codes (and verifies them). Required, at least 32 bytes.</summary>
    public string TokenSecret { get; set; } = "";

    /// <summary>
    /// Keys that still verify codes but no longer sign them, for rotating <see cref="TokenSecret"/> without a gap:
    /// move the old secret here, set the new one, and drop the old one after a window plus grace has passed.
    /// </summary>
    public string[] PreviousTokenSecrets { get; set; } = [];

    /// <summary>Seconds a code stays on the projector before the next one (5–300, default 20).</summary>
    public int RotationSeconds { get; set; } = 20;

    /// <summary>Seconds a code is still accepted after its window ended (0–300, default 10).</summary>
    public int GraceSeconds { get; set; } = 10;

    /// <summary>
    /// Cap, in metres, on the accuracy a member's device reports (0–10,000, default 200). A larger reported
    /// accuracy is counted as this cap, so a report of "accuracy 50 km" cannot widen the geofence.
    /// </summary>
    public double MaxAccuracyMeters { get; set; } = 200;

    /// <summary>
    /// Minutes a check-out may run past the activity's scheduled length before the duration stops growing (0–1440, default 30):
    /// a duration is at most <c>endsAt − startsAt</c> plus this.
    /// </summary>
    public int CheckOutAllowanceMinutes { get; set; } = 30;

    /// <summary>Minutes after an activity's scheduled end before its open check-ins are closed at that end and flagged <c>AutoClosed</c> (0–1440, default 30).</summary>
    public int AutoCloseGraceMinutes { get; set; } = 30;

    /// <summary>Whether this instance runs the auto-close loop (default true; several instances may run it at once).</summary>
    public bool AutoCloseEnabled { get; set; } = true;

    /// <summary>Seconds between two auto-close passes of the loop (10–3600, default 60).</summary>
    public int AutoCloseIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// Most scans the check-in writer puts in one multi-row INSERT and one commit (1–1000, default 128). See <see cref="CheckInWriter"/>.
    /// </summary>
    public int BatchMaxSize { get; set; } = 128;

    /// <summary>
    /// Milliseconds the check-in writer waits after the first scan of a batch for more to join it, unless the batch fills
    /// first (0–100, default 2; 0 writes whatever is queued at once). Scans arriving while a batch commits join the next one
    /// without waiting.
    /// </summary>
    public int BatchMaxDelayMilliseconds { get; set; } = 2;

    /// <summary>
    /// Batches the check-in writer writes at once (1–16, default 2): while one waits for its COMMIT, the next is written, and
    /// the database flushes their commits together. 1 writes one batch after the other.
    /// </summary>
    public int MaxBatchesInFlight { get; set; } = 2;

    /// <summary>The key bytes of a configured secret (see the remarks of <see cref="CheckInOptions"/>).</summary>
    internal static byte[] SecretBytes(string? secret)
    {
        if (string.IsNullOrEmpty(secret)) return [];
        if (secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
        {
            var buffer = new byte[secret.Length];
            if (Convert.TryFromBase64String(secret, buffer, out var written)) return buffer[..written];
        }
        return Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>What is wrong with these settings, one message per problem; empty when they are usable.</summary>
    internal IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        CheckSecret(problems, $"{Section}:{nameof(TokenSecret)}", TokenSecret);
        for (var i = 0; i < PreviousTokenSecrets.Length; i++)
            CheckSecret(problems, $"{Section}:{nameof(PreviousTokenSecrets)}:{i}", PreviousTokenSecrets[i]);
        if (RotationSeconds is < 5 or > 300)
            problems.Add($"{Section}:{nameof(RotationSeconds)} must be between 5 and 300 seconds.");
        if (GraceSeconds is < 0 or > 300)
            problems.Add($"{Section}:{nameof(GraceSeconds)} must be between 0 and 300 seconds.");
        if (!(MaxAccuracyMeters is >= 0 and <= 10_000))
            problems.Add($"{Section}:{nameof(MaxAccuracyMeters)} must be between 0 and 10000 metres.");
        if (CheckOutAllowanceMinutes is < 0 or > 1440)
            problems.Add($"{Section}:{nameof(CheckOutAllowanceMinutes)} must be between 0 and 1440 minutes.");
        if (AutoCloseGraceMinutes is < 0 or > 1440)
            problems.Add($"{Section}:{nameof(AutoCloseGraceMinutes)} must be between 0 and 1440 minutes.");
        if (AutoCloseIntervalSeconds is < 10 or > 3600)
            problems.Add($"{Section}:{nameof(AutoCloseIntervalSeconds)} must be between 10 and 3600 seconds.");
        if (BatchMaxSize is < 1 or > 1000)
            problems.Add($"{Section}:{nameof(BatchMaxSize)} must be between 1 and 1000 scans.");
        if (BatchMaxDelayMilliseconds is < 0 or > 100)
            problems.Add($"{Section}:{nameof(BatchMaxDelayMilliseconds)} must be between 0 and 100 milliseconds.");
        if (MaxBatchesInFlight is < 1 or > 16)
            problems.Add($"{Section}:{nameof(MaxBatchesInFlight)} must be between 1 and 16 batches.");
        return problems;
    }

    private static void CheckSecret(List<string> problems, string name, string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            problems.Add($"{name} is required: at least {MinSecretBytes} bytes, e.g. the output of `openssl rand -base64 32`.");
            return;
        }
        var length = SecretBytes(secret).Length;
        if (length < MinSecretBytes)
            problems.Add($"{name} is {length} bytes long; at least {MinSecretBytes} are required (e.g. `openssl rand -base64 32`).");
    }
}

/// <summary>Refuses to start with a missing or short secret or out-of-range timings (registered with <c>ValidateOnStart</c>).</summary>
internal sealed class CheckInOptionsValidator : IValidateOptions<CheckInOptions>
{
    public ValidateOptionsResult Validate(string? name, CheckInOptions options)
    {
        var problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
