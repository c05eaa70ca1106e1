using Microsoft.Extensions.Options;
using WeStudio.Api.Features.CheckIns;

namespace WeStudio.Api.Tests.Features.CheckIns;

public class CheckInTokenCodecTests
{
    /// <summary>A whole multiple of 20 s since 1970, so windows start on it.</summary>
    private static readonly DateTimeOffset WindowStart = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly long FirstWindow = WindowStart.ToUnixTimeSeconds() / 20;

    internal static readonly string Secret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    internal static readonly string OtherSecret = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    private const string SceneAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$&'()*+,/:;=?@-._~";

    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    internal static CheckInTokenCodec Codec(string secret, params string[] previous) =>
        new(Options.Create(new CheckInOptions { TokenSecret = secret, PreviousTokenSecrets = previous }));

    [Fact]
    public void TokenCarriesItsPurposeSubjectWindowAndEpoch()
    {
        var codec = Codec(Secret);
        var now = WindowStart.AddSeconds(3);

        var issued = codec.Issue(TokenPurpose.CheckIn, 12345, 7, now);
        var verified = codec.Verify(issued.Token, TokenPurpose.CheckIn, now);

        Assert.True(verified.IsValid);
        Assert.Equal(new TokenClaims(TokenPurpose.CheckIn, 12345, FirstWindow, 7), verified.Claims);
    }

    [Fact]
    public void IssueReportsTheEndOfTheWindowAndWhenToRefresh()
    {
        var codec = Codec(Secret);

        var midWindow = codec.Issue(TokenPurpose.CheckIn, 1, 1, WindowStart.AddSeconds(3.5));
        var atStart = codec.Issue(TokenPurpose.CheckIn, 1, 1, WindowStart);

        Assert.Equal(WindowStart.AddSeconds(20), midWindow.ExpiresAt);
        Assert.Equal(17, midWindow.RefreshAfterSeconds);
        Assert.Equal(WindowStart.AddSeconds(20), atStart.ExpiresAt);
        Assert.Equal(20, atStart.RefreshAfterSeconds);
    }

    [Fact]
    public void TheCodeChangesEveryWindow()
    {
        var codec = Codec(Secret);

        var first = codec.Issue(TokenPurpose.CheckIn, 5, 1, WindowStart.AddSeconds(1)).Token;
        var sameWindow = codec.Issue(TokenPurpose.CheckIn, 5, 1, WindowStart.AddSeconds(19)).Token;
        var nextWindow = codec.Issue(TokenPurpose.CheckIn, 5, 1, WindowStart.AddSeconds(21)).Token;

        Assert.Equal(first, sameWindow);
        Assert.NotEqual(first, nextWindow);
    }

    [Fact]
    public void TokenOfAnotherActivityIsInvalid()
    {
        var codec = Codec(Secret);
        var ofA = codec.Issue(TokenPurpose.CheckIn, 41, 1, WindowStart).Token;
        var ofB = codec.Issue(TokenPurpose.CheckIn, 42, 1, WindowStart).Token;

        // The endpoint compares the decoded seq with the activity's: A's code names A, never B.
        var verifiedA = codec.Verify(ofA, TokenPurpose.CheckIn, WindowStart);
        Assert.Equal(41, verifiedA.Claims?.SubjectSeq);
        // Moving A's MAC onto B's subject (the first 16 characters are exactly the 12 signed bytes) does not pass.
        var moved = codec.Verify(ofB[..16] + ofA[16..], TokenPurpose.CheckIn, WindowStart);
        Assert.Equal(TokenVerification.TokenInvalid, moved.Reason);
    }

    [Fact]
    public void TokenFromPreviousWindowIsAcceptedWithinGrace()
    {
        var codec = Codec(Secret);
        var issued = codec.Issue(TokenPurpose.CheckIn, 9, 3, WindowStart.AddSeconds(19));

        var fiveSecondsLate = codec.Verify(issued.Token, TokenPurpose.CheckIn, issued.ExpiresAt.AddSeconds(5));
        var lastMoment = codec.Verify(issued.Token, TokenPurpose.CheckIn, issued.ExpiresAt.AddSeconds(10));

        Assert.True(fiveSecondsLate.IsValid);
        Assert.True(lastMoment.IsValid);
    }

    [Fact]
    public void TokenAfterGraceIsExpired()
    {
        var codec = Codec(Secret);
        var issued = codec.Issue(TokenPurpose.CheckIn, 9, 3, WindowStart);

        var justAfter = codec.Verify(issued.Token, TokenPurpose.CheckIn, WindowStart.AddSeconds(30).AddMilliseconds(1));
        var muchLater = codec.Verify(issued.Token, TokenPurpose.CheckIn, WindowStart.AddDays(1));

        Assert.Equal(TokenVerification.TokenExpired, justAfter.Reason);
        Assert.Equal(TokenVerification.TokenExpired, muchLater.Reason);
    }

    [Fact]
    public void TokenFromNextWindowIsAcceptedForClockSkew()
    {
        var codec = Codec(Secret);
        var fromAheadClock = codec.Issue(TokenPurpose.CheckIn, 9, 3, WindowStart.AddSeconds(20));

        Assert.True(codec.Verify(fromAheadClock.Token, TokenPurpose.CheckIn, WindowStart.AddSeconds(1)).IsValid);
    }

    [Fact]
    public void TokenFromFurtherInTheFutureIsInvalid()
    {
        var codec = Codec(Secret);
        var twoWindowsAhead = codec.Issue(TokenPurpose.CheckIn, 9, 3, WindowStart.AddSeconds(40));

        var verified = codec.Verify(twoWindowsAhead.Token, TokenPurpose.CheckIn, WindowStart.AddSeconds(19));

        Assert.Equal(TokenVerification.TokenInvalid, verified.Reason);
    }

    [Fact]
    public void TokenSignedWithAnotherSecretIsInvalid()
    {
        var token = Codec(OtherSecret).Issue(TokenPurpose.CheckIn, 9, 3, WindowStart).Token;

        var verified = Codec(Secret).Verify(token, TokenPurpose.CheckIn, WindowStart);

        Assert.Equal(TokenVerification.TokenInvalid, verified.Reason);
    }

    [Fact]
    public void TokenSignedWithPreviousSecretIsAcceptedAndNewTokensUseTheNewSecret()
    {
        var beforeRotation = Codec(OtherSecret);
        var afterRotation = Codec(Secret, OtherSecret);
        var oldToken = beforeRotation.Issue(TokenPurpose.CheckIn, 9, 3, WindowStart).Token;
        var newToken = afterRotation.Issue(TokenPurpose.CheckIn, 9, 3, WindowStart).Token;

        Assert.True(afterRotation.Verify(oldToken, TokenPurpose.CheckIn, WindowStart).IsValid);
        Assert.True(Codec(Secret).Verify(newToken, TokenPurpose.CheckIn, WindowStart).IsValid);
        Assert.Equal(TokenVerification.TokenInvalid, beforeRotation.Verify(newToken, TokenPurpose.CheckIn, WindowStart).Reason);
    }

    [Fact]
    public void CheckInTokenIsRejectedAsCheckOutToken()
    {
        var codec = Codec(Secret);
        var checkIn = codec.Issue(TokenPurpose.CheckIn, 9, 3, WindowStart).Token;

        Assert.Equal(TokenVerification.TokenInvalid, codec.Verify(checkIn, TokenPurpose.CheckOut, WindowStart).Reason);
    }

    [Theory]
    [InlineData(TokenPurpose.CheckIn, TokenPurpose.MemberPass)]
    [InlineData(TokenPurpose.CheckOut, TokenPurpose.CheckIn)]
    [InlineData(TokenPurpose.CheckOut, TokenPurpose.MemberPass)]
    [InlineData(TokenPurpose.MemberPass, TokenPurpose.CheckIn)]
    [InlineData(TokenPurpose.MemberPass, TokenPurpose.CheckOut)]
    public void TokenOfOnePurposeIsRejectedForAnother(TokenPurpose issuedFor, TokenPurpose presentedFor)
    {
        var codec = Codec(Secret);
        var token = codec.Issue(issuedFor, 9, 3, WindowStart).Token;

        Assert.True(codec.Verify(token, issuedFor, WindowStart).IsValid);
        Assert.Equal(TokenVerification.TokenInvalid, codec.Verify(token, presentedFor, WindowStart).Reason);
    }

    [Fact]
    public void TamperedTokenIsInvalid()
    {
        var codec = Codec(Secret);
        var token = codec.Issue(TokenPurpose.CheckIn, 123_456_789, 42, WindowStart).Token;

        var accepted = new List<string>();
        for (var position = 0; position < token.Length; position++)
        {
            foreach (var replacement in Base64UrlAlphabet.Where(c => c != token[position]))
            {
                var tampered = string.Concat(token.AsSpan(0, position), replacement.ToString(), token.AsSpan(position + 1));
                if (codec.Verify(tampered, TokenPurpose.CheckIn, WindowStart).Reason != TokenVerification.TokenInvalid) accepted.Add(tampered);
            }
        }

        Assert.Empty(accepted);
    }

    [Fact]
    public void MalformedTokenIsInvalid()
    {
        var codec = Codec(Secret);
        var token = codec.Issue(TokenPurpose.CheckIn, 9, 3, WindowStart).Token;
        string?[] malformed =
        [
            null, "", " ", token[..31], token + "A", token[..31] + "=", token + "==", " " + token[1..], token[..31] + " ",
            "+" + token[1..], "/" + token[1..], "é" + token[1..], "%" + token[1..], token.ToUpperInvariant(), new string('A', 32),
        ];

        foreach (var candidate in malformed)
            Assert.Equal(TokenVerification.TokenInvalid, codec.Verify(candidate, TokenPurpose.CheckIn, WindowStart).Reason);
    }

    [Fact]
    public void TokenFitsWeChatScene()
    {
        var codec = Codec(Secret);
        // Window 2^32 − 1 is the largest the layout holds; with 20-second windows it begins in the year 4691.
        var lastWindow = DateTimeOffset.UnixEpoch.AddSeconds(uint.MaxValue * 20L + 19);

        var largest = codec.Issue(TokenPurpose.MemberPass, CheckInTokenCodec.MaxSubjectSeq, CheckInTokenCodec.MaxEpoch, lastWindow);
        var smallest = codec.Issue(TokenPurpose.CheckIn, 1, 0, DateTimeOffset.UnixEpoch);

        foreach (var token in new[] { largest.Token, smallest.Token })
        {
            Assert.Equal(CheckInTokenCodec.TokenLength, token.Length);
            Assert.True(token.Length <= 32);
            Assert.All(token, c => Assert.Contains(c, SceneAlphabet));
        }
        Assert.Equal(
            new TokenClaims(TokenPurpose.MemberPass, 1L << 40, uint.MaxValue, 65535),
            codec.Verify(largest.Token, TokenPurpose.MemberPass, lastWindow).Claims);
        Assert.Equal(
            new TokenClaims(TokenPurpose.CheckIn, 1, 0, 0),
            codec.Verify(smallest.Token, TokenPurpose.CheckIn, DateTimeOffset.UnixEpoch).Claims);
    }

    [Fact]
    public void IssueRefusesValuesTheLayoutCannotHold()
    {
        var codec = Codec(Secret);

        Assert.Throws<ArgumentOutOfRangeException>(() => codec.Issue(TokenPurpose.CheckIn, 0, 1, WindowStart));
        Assert.Throws<ArgumentOutOfRangeException>(() => codec.Issue(TokenPurpose.CheckIn, (1L << 40) + 1, 1, WindowStart));
        Assert.Throws<ArgumentOutOfRangeException>(() => codec.Issue(TokenPurpose.CheckIn, 1, -1, WindowStart));
        Assert.Throws<ArgumentOutOfRangeException>(() => codec.Issue(TokenPurpose.CheckIn, 1, 65536, WindowStart));
        Assert.Throws<ArgumentOutOfRangeException>(() => codec.Issue((TokenPurpose)9, 1, 1, WindowStart));
        Assert.Throws<ArgumentOutOfRangeException>(() => codec.Issue(TokenPurpose.CheckIn, 1, 1, DateTimeOffset.UnixEpoch.AddSeconds(-1)));
    }

    [Fact]
    public void RotationAndGraceComeFromTheOptions()
    {
        var codec = new CheckInTokenCodec(Options.Create(new CheckInOptions { TokenSecret = Secret, RotationSeconds = 60, GraceSeconds = 0 }));
        var issued = codec.Issue(TokenPurpose.CheckIn, 9, 3, WindowStart);

        Assert.Equal(WindowStart.AddSeconds(60), issued.ExpiresAt);
        Assert.True(codec.Verify(issued.Token, TokenPurpose.CheckIn, WindowStart.AddSeconds(60)).IsValid);
        Assert.Equal(TokenVerification.TokenExpired, codec.Verify(issued.Token, TokenPurpose.CheckIn, WindowStart.AddSeconds(60.001)).Reason);
    }
}
