using System.Runtime.InteropServices;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// glibc malloc settings for the photo codec's native buffers, applied once at start-up by <see cref="PhotosServices.AddPhotos"/>
/// (in-process, so they hold however the API is started: <c>scripts/run.sh</c>, the bench, the tests, a service unit):
/// <list type="bullet">
/// <item><c>M_ARENA_MAX</c> 2: glibc otherwise gives each busy thread its own arena (up to 8 per core), and each arena
/// keeps the memory freed in it. The bench measured most of a 12 MP upload run's peak RSS growth there (+470 MB by default,
/// +265 MB with <c>MALLOC_ARENA_MAX=2</c>).</item>
/// <item><c>M_MMAP_THRESHOLD</c> 1 MiB: buffers of 1 MiB and more (bitmaps, reduced sizes, encoder output) are mapped and
/// unmapped, so they go back to the system when freed. Setting it also stops glibc's sliding threshold, which after a freed
/// 12 MB block would serve the next ones from the arenas and keep them.</item>
/// </list>
/// An operator's own <c>MALLOC_ARENA_MAX</c> or <c>MALLOC_MMAP_THRESHOLD_</c> environment variable wins (glibc has read it
/// before this runs; it is then left alone), and <c>WESTUDIO_MALLOC_TUNING=0</c> leaves glibc at its defaults (the bench
/// uses it to measure the difference). Not glibc (musl, macOS, Windows): nothing is done.
/// </summary>
internal static class GlibcMalloc
{
    public const int ArenaMax = 2;
    public const int MmapThresholdBytes = 1024 * 1024;

    /// <summary>Environment variable: <c>0</c> leaves glibc malloc at its defaults.</summary>
    public const string OffSwitch = "WESTUDIO_MALLOC_TUNING";

    private const int MArenaMax = -8; // M_ARENA_MAX in malloc.h
    private const int MMmapThreshold = -3; // M_MMAP_THRESHOLD

    private static readonly Lazy<string> Applied = new(ApplyOnce);

    /// <summary>Applies the settings (once per process) and says what was done, for the start-up log.</summary>
    public static string Apply() => Applied.Value;

    private static string ApplyOnce()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux: glibc malloc left alone";
        if (Environment.GetEnvironmentVariable(OffSwitch) == "0") return $"glibc malloc left at its defaults ({OffSwitch}=0)";
        try
        {
            var done = new List<string>();
            if (Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is { Length: > 0 } arenas) done.Add($"arena_max {arenas} (environment)");
            else if (mallopt(MArenaMax, ArenaMax) == 1) done.Add($"arena_max {ArenaMax}");
            if (Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is { Length: > 0 } threshold) done.Add($"mmap_threshold {threshold} (environment)");
            else if (mallopt(MMmapThreshold, MmapThresholdBytes) == 1) done.Add($"mmap_threshold {MmapThresholdBytes}");
            return "glibc malloc: " + (done.Count == 0 ? "mallopt refused the settings" : string.Join(", ", done));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return "no glibc mallopt: malloc left alone";
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int param, int value);
}
