using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace WeStudio.Api.Features.CheckIns;

/// <summary>What a code is for; part of the signed bytes, so a code for one purpose never passes as another.</summary>
public enum TokenPurpose : byte
{
    /// <summary>Check in to an activity; the subject is the activity's <c>Seq</c>.</summary>
    CheckIn = 1,

    /// <summary>Check out of a volunteer service; the subject is the activity's <c>Seq</c>.</summary>
    CheckOut = 2,

    /// <summary>A member's own pass shown to the leader; the subject is the member's <c>Seq</c>.</summary>
    MemberPass = 3,
}

/// <summary>A freshly issued code: show <see cref="Token"/> until <see cref="ExpiresAt"/> (UTC, the end of its window), fetch the next one after <see cref="RefreshAfterSeconds"/>.</summary>
public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt, int RefreshAfterSeconds);

/// <summary>
/// The signed content of a valid code. <see cref="Window"/> is unix seconds / <c>RotationSeconds</c>;
/// <see cref="Epoch"/> (0–65535) must equal the current epoch of the subject's check-in state, and
/// <see cref="SubjectSeq"/> the <c>Seq</c> of the activity (or member) the request is about: the codec cannot know either.
/// </summary>
public sealed record TokenClaims(TokenPurpose Purpose, long SubjectSeq, long Window, int Epoch);

/// <summary>Outcome of <see cref="CheckInTokenCodec.Verify"/>: either <see cref="Claims"/> or a refusal <see cref="Reason"/>.</summary>
public sealed record TokenVerification
{
    /// <summary>Malformed, wrong length, bad MAC, unknown secret, wrong purpose, or from the future beyond one window.</summary>
    public const string TokenInvalid = "token_invalid";

    /// <summary>Validly signed, but its window plus grace has passed.</summary>
    public const string TokenExpired = "token_expired";

    private TokenVerification(TokenClaims? claims, string? reason) => (Claims, Reason) = (claims, reason);

    public TokenClaims? Claims { get; }

    /// <summary><see cref="TokenInvalid"/> or <see cref="TokenExpired"/> (ProblemDetails <c>code</c>s); null when valid.</summary>
    public string? Reason { get; }

    [MemberNotNullWhen(true, nameof(Claims))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsValid => Claims is not null;

    internal static TokenVerification Valid(TokenClaims claims) => new(claims, null);

    internal static readonly TokenVerification Invalid = new(null, TokenInvalid);

    internal static readonly TokenVerification Expired = new(null, TokenExpired);
}

/// <summary>
/// Issues and verifies the rotating check-in codes (DESIGN.md, "Check-in (the heart)", properties 1 and 2),
/// without any storage: a code carries its subject, window and epoch and is signed with the server secret.
/// </summary>
/// <remarks>
/// <para>Layout: 24 bytes, written as 32 characters of base64url without padding (RFC 4648 §5):</para>
/// <code>
/// offset size  field
///   0     1    version (high 4 bits, = 1) | purpose (low 4 bits, TokenPurpose: 1 CheckIn, 2 CheckOut, 3 MemberPass)
///   1     5    subject seq − 1, unsigned big-endian (subject seq 1 … 2^40)
///   6     4    window = floor(unix seconds / RotationSeconds), unsigned big-endian
///  10     2    key epoch 0 … 65535, unsigned big-endian
///  12    12    HMAC-SHA256(secret, bytes 0…11), first 12 bytes (96 bits)
/// </code>
/// <para>
/// The 32 characters are the most WeChat's <c>scene</c> takes (<c>getwxacodeunlimit</c>, WECHAT.md) and use only
/// <c>A–Z a–z 0–9 - _</c>, all inside the scene alphabet and unreserved in URLs, so the same value goes into a
/// mini-program code and a plain QR read with <c>wx.scanCode</c>. 24 bytes fill 32 characters exactly, so each code has
/// one spelling and changing any character changes the signed bytes or the MAC.
/// </para>
/// <para>
/// A code of window <c>w</c> is accepted from the start of window <c>w − 1</c> (one window of clock skew between
/// instances) until <c>(w + 1) × RotationSeconds + GraceSeconds</c>; later it is <c>token_expired</c>, earlier
/// <c>token_invalid</c>. MACs are compared in constant time against the current secret and then each previous one;
/// new codes are always signed with the current secret. Changing <c>RotationSeconds</c> invalidates codes already shown.
/// </para>
/// </remarks>
public sealed class CheckInTokenCodec
{
    /// <summary>Length of every code, in characters.</summary>
    public const int TokenLength = 32;

    /// <summary>Largest subject seq a code can carry (2^40).</summary>
    public const long MaxSubjectSeq = 1L << 40;

    /// <summary>Largest epoch a code can carry; <see cref="CheckInStateStore"/> wraps its epoch to stay within it.</summary>
    public const int MaxEpoch = ushort.MaxValue;

    private const byte Version = 1;
    private const int PayloadBytes = 12;
    private const int MacBytes = 12;
    private const int TokenBytes = PayloadBytes + MacBytes;

    private readonly byte[] signingKey;
    private readonly byte[][] verifyingKeys;
    private readonly long rotationMilliseconds;
    private readonly TimeSpan grace;

    /// <exception cref="OptionsValidationException">The options are unusable (see <see cref="CheckInOptions"/>).</exception>
    public CheckInTokenCodec(IOptions<CheckInOptions> options)
    {
        var settings = options.Value;
        var problems = settings.Problems();
        if (problems.Count > 0) throw new OptionsValidationException(Options.DefaultName, typeof(CheckInOptions), problems);
        signingKey = CheckInOptions.SecretBytes(settings.TokenSecret);
        verifyingKeys = [signingKey, .. settings.PreviousTokenSecrets.Select(CheckInOptions.SecretBytes)];
        rotationMilliseconds = settings.RotationSeconds * 1000L;
        grace = TimeSpan.FromSeconds(settings.GraceSeconds);
    }

    /// <summary>Signs the code of <paramref name="subjectSeq"/> for the window that contains <paramref name="now"/>.</summary>
    /// <param name="purpose">What the code is for.</param>
    /// <param name="subjectSeq">The activity's (or, for <see cref="TokenPurpose.MemberPass"/>, the member's) <c>Seq</c>, 1 … 2^40.</param>
    /// <param name="epoch">The subject's current key epoch, 0 … 65535.</param>
    /// <param name="now">The current time.</param>
    /// <returns>The code, the end of its window (UTC) and the whole seconds until then (1 … RotationSeconds, rounded up).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the ranges above, or <paramref name="now"/> is before 1970 or beyond the 32-bit window range.</exception>
    public IssuedToken Issue(TokenPurpose purpose, long subjectSeq, int epoch, DateTimeOffset now)
    {
        if (!Enum.IsDefined(purpose)) throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown token purpose.");
        ArgumentOutOfRangeException.ThrowIfLessThan(subjectSeq, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(subjectSeq, MaxSubjectSeq);
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(epoch, MaxEpoch);
        var window = WindowOf(now);
        if (window is < 0 or > uint.MaxValue) throw new ArgumentOutOfRangeException(nameof(now), now, "No code window covers this time.");

        Span<byte> bytes = stackalloc byte[TokenBytes];
        bytes[0] = (byte)((Version << 4) | (byte)purpose);
        var seq = (ulong)(subjectSeq - 1);
        for (var i = 0; i < 5; i++) bytes[1 + i] = (byte)(seq >> (8 * (4 - i)));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[6..10], (uint)window);
        BinaryPrimitives.WriteUInt16BigEndian(bytes[10..12], (ushort)epoch);
        Mac(signingKey, bytes[..PayloadBytes], bytes[PayloadBytes..]);

        var windowEnd = WindowStart(window + 1);
        var refreshAfter = (int)Math.Ceiling((windowEnd - now).TotalSeconds);
        return new IssuedToken(Base64Url.EncodeToString(bytes), windowEnd, refreshAfter);
    }

    /// <summary>
    /// Checks a scanned code without touching any storage. The caller still compares <see cref="TokenClaims.SubjectSeq"/>
    /// with the subject of the request and <see cref="TokenClaims.Epoch"/> with the subject's current epoch.
    /// </summary>
    /// <returns>The claims, or <see cref="TokenVerification.TokenInvalid"/> / <see cref="TokenVerification.TokenExpired"/>.</returns>
    public TokenVerification Verify(string? token, TokenPurpose expected, DateTimeOffset now)
    {
        if (token is null || token.Length != TokenLength) return TokenVerification.Invalid;
        foreach (var c in token)
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_') return TokenVerification.Invalid;

        Span<byte> bytes = stackalloc byte[TokenBytes];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenBytes) return TokenVerification.Invalid;
        if (!MacMatches(bytes)) return TokenVerification.Invalid;
        if (bytes[0] != (byte)((Version << 4) | (byte)expected)) return TokenVerification.Invalid;

        ulong seq = 0;
        for (var i = 0; i < 5; i++) seq = (seq << 8) | bytes[1 + i];
        long window = BinaryPrimitives.ReadUInt32BigEndian(bytes[6..10]);
        int epoch = BinaryPrimitives.ReadUInt16BigEndian(bytes[10..12]);

        if (window > WindowOf(now) + 1) return TokenVerification.Invalid;
        if (now > WindowStart(window + 1) + grace) return TokenVerification.Expired;
        return TokenVerification.Valid(new TokenClaims(expected, (long)seq + 1, window, epoch));
    }

    private bool MacMatches(ReadOnlySpan<byte> bytes)
    {
        Span<byte> expected = stackalloc byte[MacBytes];
        var matches = false;
        foreach (var key in verifyingKeys)
        {
            Mac(key, bytes[..PayloadBytes], expected);
            matches |= CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadBytes..]);
        }
        return matches;
    }

    private static void Mac(byte[] key, ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> full = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, payload, full);
        full[..destination.Length].CopyTo(destination);
    }

    private long WindowOf(DateTimeOffset time) => Math.DivRem(time.ToUnixTimeMilliseconds(), rotationMilliseconds) switch
    {
        var (quotient, remainder) when remainder < 0 => quotient - 1,
        var (quotient, _) => quotient,
    };

    private DateTimeOffset WindowStart(long window) => DateTimeOffset.UnixEpoch.AddMilliseconds((double)window * rotationMilliseconds);
}
