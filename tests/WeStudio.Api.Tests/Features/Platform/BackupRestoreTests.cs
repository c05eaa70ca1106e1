using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using WeStudio.Api.Features.Demo;
using WeStudio.Api.Tests.Features.Ledger;
using WeStudio.Api.Tests.Infrastructure;

namespace WeStudio.Api.Tests.Features.Platform;

/// <summary>scripts/backup.sh → scripts/restore.sh into a fresh database and photo folder: the demo studio's ledger is identical.</summary>
public sealed class BackupRestoreTests
{
    private const string Password = "liuzhou-demo-2023";

    [Fact]
    public async Task ABackupRestoredIntoAFreshDatabaseGivesTheDemoStudioTheSameLedgerAndPhotos()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var (source, target) = ($"westudio_bk_{suffix}", $"westudio_rs_{suffix}");
        var backupDir = Path.Combine(Path.GetTempPath(), $"westudio-backup-{suffix}");
        var restoredPhotos = Path.Combine(Path.GetTempPath(), $"westudio-restored-photos-{suffix}");
        var at = LedgerScenario.Beijing("2026-11-20T12:00:00");
        await ExecuteAsync($"CREATE DATABASE {source} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci");
        try
        {
            string before;
            string[] photosBefore;
            var original = new ApiFactory();
            original.Settings["ConnectionStrings:MySql"] = ConnectionString(source);
            try
            {
                await ((IAsyncLifetime)original).InitializeAsync();
                original.Clock.SetUtcNow(at);
                await original.Services.GetRequiredService<DemoSeeder>().SeedAsync(Password);
                before = await DemoLedgerAsync(original);
                photosBefore = Files(original.PhotoFolder);

                var (backupExit, backupLog) = await RunAsync("scripts/backup.sh", [backupDir], new()
                {
                    ["BACKUP_DB_PORT"] = Port.ToString(), ["BACKUP_DB_NAME"] = source, ["BACKUP_PHOTOS_DIR"] = original.PhotoFolder,
                });
                Assert.True(backupExit == 0, backupLog);
            }
            finally
            {
                await ((IAsyncLifetime)original).DisposeAsync();
            }

            var restoreEnv = new Dictionary<string, string> { ["RESTORE_DB_PORT"] = Port.ToString(), ["RESTORE_DB_NAME"] = target, ["RESTORE_PHOTOS_DIR"] = restoredPhotos };
            var (restoreExit, restoreLog) = await RunAsync("scripts/restore.sh", [backupDir], restoreEnv);
            Assert.True(restoreExit == 0, restoreLog);
            // A second restore into the now non-empty database is refused.
            var (againExit, againLog) = await RunAsync("scripts/restore.sh", [backupDir], restoreEnv);
            Assert.NotEqual(0, againExit);
            Assert.Contains("restore into an empty database", againLog);

            var restored = new ApiFactory();
            restored.Settings["ConnectionStrings:MySql"] = ConnectionString(target);
            restored.Settings["Photos:Folder"] = restoredPhotos;
            try
            {
                await ((IAsyncLifetime)restored).InitializeAsync();
                restored.Clock.SetUtcNow(at);
                Assert.Equal(before, await DemoLedgerAsync(restored));
                Assert.NotEmpty(photosBefore);
                Assert.Equal(photosBefore, Files(restoredPhotos));
            }
            finally
            {
                await ((IAsyncLifetime)restored).DisposeAsync();
            }
        }
        finally
        {
            await ExecuteAsync($"DROP DATABASE IF EXISTS {source}; DROP DATABASE IF EXISTS {target}");
            if (Directory.Exists(backupDir)) Directory.Delete(backupDir, true);
            if (Directory.Exists(restoredPhotos)) Directory.Delete(restoredPhotos, true);
        }
    }

    /// <summary>The demo studio's ledger for 2026 as the committee admin reads it, as raw JSON text.</summary>
    private static async Task<string> DemoLedgerAsync(ApiFactory factory)
    {
        var login = await (await factory.CreateClient().PostJsonAsync("/api/v1/auth/admin-login", new { username = DemoSeeder.AdminUsername, password = Password })).ReadAsync<JsonElement>();
        var admin = factory.Authorized(login.GetProperty("token").GetString()!);
        var studios = await (await admin.GetAsync("/api/v1/studios")).ReadAsync<JsonElement>();
        var studio = studios.EnumerateArray().Single(s => s.GetProperty("name").GetString() == DemoSeeder.StudioName).GetProperty("id").GetGuid();
        var ledger = await admin.GetAsync($"/api/v1/studios/{studio}/ledger?year=2026");
        var text = await ledger.Content.ReadAsStringAsync();
        Assert.True(ledger.IsSuccessStatusCode, text);
        Assert.Contains("\"requirements\"", text);
        return text;
    }

    private static string[] Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal).ToArray()
            : [];

    private static int Port => (int)new MySqlConnectionStringBuilder(ApiFactory.MySqlConnectionString).Port;

    private static string ConnectionString(string database) =>
        new MySqlConnectionStringBuilder(ApiFactory.MySqlConnectionString) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string sql)
    {
        await using var conn = new MySqlConnection(ConnectionString(""));
        await conn.ExecuteAsync(sql);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WeStudio.sln"))) return dir.FullName;
        throw new InvalidOperationException("WeStudio.sln not found above the test binaries.");
    }

    private static async Task<(int Exit, string Log)> RunAsync(string script, string[] args, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
