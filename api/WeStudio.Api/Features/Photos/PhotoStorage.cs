using Microsoft.Extensions.Options;
using WeStudio.Api.Infrastructure;

namespace WeStudio.Api.Features.Photos;

/// <summary>
/// Where photo bytes live, keyed by their SHA-256 (64 lowercase hex characters): local disk by default, an S3-compatible
/// store later (DESIGN.md "Where users outgrow one machine"). Writing a key that exists is a no-op (content addressing).
/// </summary>
public interface IPhotoStorage
{
    Task PutAsync(string sha256, byte[] bytes, CancellationToken ct);

    /// <summary>The bytes, or null when the key is absent.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct);

    Task<bool> ExistsAsync(string sha256, CancellationToken ct);

    Task DeleteAsync(string sha256, CancellationToken ct);
}

/// <summary>
/// <see cref="IPhotoStorage"/> on a local folder (<c>Photos:Folder</c>): <c>ab/abcdef….bin</c>, written to a temporary
/// file and renamed so a reader never sees half a photo.
/// </summary>
public sealed class LocalPhotoStorage(IOptions<PhotoOptions> options, IHostEnvironment environment) : IPhotoStorage
{
    private readonly string root = Path.GetFullPath(options.Value.Folder, environment.ContentRootPath);

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            throw new ArgumentException("A photo key is a lowercase hex SHA-256.", nameof(sha256));
        return Path.Combine(root, sha256[..2], sha256 + ".bin");
    }

    public async Task PutAsync(string sha256, byte[] bytes, CancellationToken ct)
    {
        var path = PathOf(sha256);
        if (File.Exists(path)) return;
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(temp, bytes, ct);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only, full or gone: nothing half-written stays behind, and the upload is 503 storage_unavailable.
            try { File.Delete(temp); } catch (Exception) { /* the folder refuses even that; the temp file was never made */ }
            throw new StorageUnavailableException($"The photo folder refused a write: {e.Message}", e);
        }
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string sha256, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(sha256)));

    public Task DeleteAsync(string sha256, CancellationToken ct)
    {
        File.Delete(PathOf(sha256));
        return Task.CompletedTask;
    }
}
