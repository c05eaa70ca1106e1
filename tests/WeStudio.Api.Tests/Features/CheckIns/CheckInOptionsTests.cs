using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WeStudio.Api.Features.CheckIns;

namespace WeStudio.Api.Tests.Features.CheckIns;

public class CheckInOptionsTests
{
    private static IServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddCheckIns().BuildServiceProvider();
    }

    [Fact]
    public void Base64SecretIsDecoded()
    {
        var key = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();

        Assert.Equal(key, CheckInOptions.SecretBytes(Convert.ToBase64String(key)));
    }

    [Fact]
    public void PlainSecretIsTakenAsUtf8()
    {
        const string passphrase = "党建工作室 check-in secret, long enough!";

        Assert.Equal(Encoding.UTF8.GetBytes(passphrase), CheckInOptions.SecretBytes(passphrase));
        Assert.Empty(new CheckInOptions { TokenSecret = passphrase }.Problems());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a plain secret of 31 bytes ....")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYX")] // base64 of 24 bytes, although 32 characters long
    public void SecretShorterThan32BytesIsRefused(string secret)
    {
        var options = Options.Create(new CheckInOptions { TokenSecret = secret });

        var refusal = Assert.Throws<OptionsValidationException>(() => new CheckInTokenCodec(options));

        Assert.Contains(refusal.Failures, f => f.StartsWith("CheckIn:TokenSecret", StringComparison.Ordinal));
        if (secret.Length > 0) Assert.DoesNotContain(refusal.Failures, f => f.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public void ShortPreviousSecretIsRefused()
    {
        var options = new CheckInOptions { TokenSecret = CheckInTokenCodecTests.Secret, PreviousTokenSecrets = ["too short"] };

        Assert.Equal(["CheckIn:PreviousTokenSecrets:0 is 9 bytes long; at least 32 are required (e.g. `openssl rand -base64 32`)."], options.Problems());
    }

    [Theory]
    [InlineData(-1, 30, 60, "CheckIn:CheckOutAllowanceMinutes")]
    [InlineData(30, 1441, 60, "CheckIn:AutoCloseGraceMinutes")]
    [InlineData(30, 30, 9, "CheckIn:AutoCloseIntervalSeconds")]
    public void OutOfRangeVolunteerHoursSettingsAreRefused(int allowance, int grace, int interval, string key)
    {
        var options = new CheckInOptions
        {
            TokenSecret = CheckInTokenCodecTests.Secret, CheckOutAllowanceMinutes = allowance, AutoCloseGraceMinutes = grace, AutoCloseIntervalSeconds = interval,
        };

        Assert.StartsWith(key, Assert.Single(options.Problems()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 2, 2, "CheckIn:BatchMaxSize")]
    [InlineData(1001, 2, 2, "CheckIn:BatchMaxSize")]
    [InlineData(128, -1, 2, "CheckIn:BatchMaxDelayMilliseconds")]
    [InlineData(128, 101, 2, "CheckIn:BatchMaxDelayMilliseconds")]
    [InlineData(128, 2, 0, "CheckIn:MaxBatchesInFlight")]
    [InlineData(128, 2, 17, "CheckIn:MaxBatchesInFlight")]
    public void OutOfRangeGroupCommitSettingsAreRefused(int size, int delay, int inFlight, string key)
    {
        var options = new CheckInOptions
        {
            TokenSecret = CheckInTokenCodecTests.Secret, BatchMaxSize = size, BatchMaxDelayMilliseconds = delay, MaxBatchesInFlight = inFlight,
        };

        Assert.StartsWith(key, Assert.Single(options.Problems()), StringComparison.Ordinal);
        Assert.Empty(new CheckInOptions { TokenSecret = CheckInTokenCodecTests.Secret }.Problems()); // the defaults pass
    }

    [Theory]
    [InlineData(4, 10, 200)]
    [InlineData(301, 10, 200)]
    [InlineData(20, -1, 200)]
    [InlineData(20, 301, 200)]
    [InlineData(20, 10, -1)]
    [InlineData(20, 10, double.NaN)]
    public void TimingsAndAccuracyCapOutOfRangeAreRefused(int rotation, int grace, double maxAccuracy)
    {
        var options = new CheckInOptions
        {
            TokenSecret = CheckInTokenCodecTests.Secret, RotationSeconds = rotation, GraceSeconds = grace, MaxAccuracyMeters = maxAccuracy,
        };

        Assert.Single(options.Problems());
    }

    [Fact]
    public void AddCheckInsBindsTheCheckInSection()
    {
        var services = Services(new()
        {
            ["CheckIn:TokenSecret"] = CheckInTokenCodecTests.Secret,
            ["CheckIn:PreviousTokenSecrets:0"] = CheckInTokenCodecTests.OtherSecret,
            ["CheckIn:RotationSeconds"] = "30",
            ["CheckIn:GraceSeconds"] = "5",
            ["CheckIn:MaxAccuracyMeters"] = "150",
        });

        var options = services.GetRequiredService<IOptions<CheckInOptions>>().Value;

        Assert.Equal([CheckInTokenCodecTests.OtherSecret], options.PreviousTokenSecrets);
        Assert.Equal((30, 5, 150.0), (options.RotationSeconds, options.GraceSeconds, options.MaxAccuracyMeters));
        Assert.NotNull(services.GetRequiredService<CheckInTokenCodec>());
    }

    [Fact]
    public void DefaultsAreTwentySecondWindowsTenSecondsGraceAnd200MetreCap()
    {
        var options = Services(new() { ["CheckIn:TokenSecret"] = CheckInTokenCodecTests.Secret })
            .GetRequiredService<IOptions<CheckInOptions>>().Value;

        Assert.Equal((20, 10, 200.0), (options.RotationSeconds, options.GraceSeconds, options.MaxAccuracyMeters));
    }

    [Fact]
    public void AddCheckInsRefusesToRunWithoutASecret()
    {
        var services = Services(new() { ["CheckIn:RotationSeconds"] = "20" });

        // What the host runs on start, because AddCheckIns registers the options with ValidateOnStart.
        var refusal = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(refusal.Failures, f => f.StartsWith("CheckIn:TokenSecret is required", StringComparison.Ordinal));
    }
}
