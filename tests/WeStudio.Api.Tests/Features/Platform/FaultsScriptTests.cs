using System.Diagnostics;

namespace WeStudio.Api.Tests.Features.Platform;

/// <summary>
/// The fast subset of scripts/faults.sh (issue 18): a few hundred members through HAProxy in front of two API instances
/// while MariaDB restarts, then while one instance is killed with SIGKILL; the script exits non-zero when a property
/// fails. It runs the Debug build this test run made, with its own services (.data/faults, ports of FAULTS_* or the
/// script's defaults), and installs haproxy as root when missing.
/// </summary>
public sealed class FaultsScriptTests
{
    [Fact]
    public async Task MembersRetryingWithTheSameNonceEndWithExactlyOneCheckInThroughARestartAndAKilledInstance()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "WeStudio.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("WeStudio.sln not found");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("scripts/faults.sh");
        start.Environment["FAULTS_FAST"] = "1";
        start.Environment["FAULTS_MEMBERS"] = Environment.GetEnvironmentVariable("FAULTS_MEMBERS") ?? "200";
        start.Environment["FAULTS_SCENARIOS"] = "mysql haproxy";
        start.Environment["FAULTS_NO_BUILD"] = "1";
        start.Environment["FAULTS_CONFIGURATION"] = "Debug";
        // The test run's own connection strings must not leak into the script's API instances.
        start.Environment.Remove("ConnectionStrings__MySql");
        start.Environment.Remove("ConnectionStrings__Redis");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        var log = output + await stderr;

        Assert.True(process.ExitCode == 0, log);
        Assert.Matches(@"(?m)^mysql\s+\|\s+200 \|.*\|\s+0 \|\s+0 \| PASS", output);
        Assert.Matches(@"(?m)^haproxy\s+\|\s+200 \|.*\|\s+0 \|\s+0 \| PASS \| kill -9", output);
        Assert.Contains("faults: every property holds", output);
    }
}
