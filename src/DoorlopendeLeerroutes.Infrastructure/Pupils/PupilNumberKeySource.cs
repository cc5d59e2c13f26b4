using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace DoorlopendeLeerroutes.Infrastructure.Pupils;

/// <summary>
/// Where the pupil-number keys come from: configuration (<c>PupilNumbers:EncryptionKey</c> and
/// <c>PupilNumbers:LookupKey</c>, base64 of 32 bytes each: environment variables or a secret store in production), or
/// else a key file in the keys folder (<c>PupilNumbers:KeysFolder</c>, default <c>data/keys</c>) that is created with
/// fresh random keys on the first start, so a new machine needs nothing but the SDK.
/// </summary>
public static class PupilNumberKeySource
{
    public const string Section = "PupilNumbers";
    public const string KeyFileName = "pupil-number-keys.json";

    public static PupilNumberKeys Load(IConfiguration configuration, string contentRoot, ILogger logger)
    {
        var encryption = configuration[$"{Section}:EncryptionKey"];
        var lookup = configuration[$"{Section}:LookupKey"];
        if (!string.IsNullOrWhiteSpace(encryption) || !string.IsNullOrWhiteSpace(lookup))
        {
            return FromBase64(encryption, lookup, $"configuration section {Section}");
        }

        var folder = configuration[$"{Section}:KeysFolder"] is { Length: > 0 } configured
            ? Path.GetFullPath(Path.Combine(contentRoot, configured))
            : Path.Combine(contentRoot, "data", "keys");
        var file = Path.Combine(folder, KeyFileName);
        if (File.Exists(file))
        {
            var stored = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(file))
                         ?? throw new InvalidOperationException($"The pupil-number key file {file} is empty.");
            return FromBase64(stored.EncryptionKey, stored.LookupKey, file);
        }

        var keys = PupilNumberKeys.Generate();
        var json = JsonSerializer.Serialize(new KeyFile(Convert.ToBase64String(keys.EncryptionKey), Convert.ToBase64String(keys.LookupKey)));
        if (!WriteOwnerOnly(folder, file, json))
        {
            // Another process starting at the same moment was first: its keys are the ones.
            return Load(configuration, contentRoot, logger);
        }

        logger.LogWarning(
            "Created new pupil-number keys in {KeyFile}. Back this file up with the database: without it stored pupil numbers cannot be read",
            file);
        return keys;
    }

    /// <summary>
    /// Writes the key file readable by its owner alone, with no moment at which it exists with other permissions or half
    /// written: the content goes to a temporary file created with mode 0600 (folder 0700), which is then moved into place
    /// without overwriting. False when the file already exists (another process won the race).
    /// </summary>
    internal static bool WriteOwnerOnly(string folder, string file, string content)
    {
        var temporary = Path.Combine(folder, $".{KeyFileName}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder); // Windows: the folder's ACL (the user's profile or the app's) applies
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(content);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, file, overwrite: false);
                return true;
            }
            catch (IOException) when (File.Exists(file))
            {
                return false;
            }
        }
        finally
        {
            File.Delete(temporary); // gone after the move; left over only when the move failed
        }
    }

    private static PupilNumberKeys FromBase64(string? encryption, string? lookup, string origin)
    {
        try
        {
            return new PupilNumberKeys(Convert.FromBase64String(encryption ?? string.Empty), Convert.FromBase64String(lookup ?? string.Empty));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"The pupil-number keys in {origin} are invalid: EncryptionKey and LookupKey must both be base64 of 32 random bytes, and differ.", ex);
        }
    }

    private sealed record KeyFile(string EncryptionKey, string LookupKey);
}
