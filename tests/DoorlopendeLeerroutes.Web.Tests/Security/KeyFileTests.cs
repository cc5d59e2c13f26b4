using DoorlopendeLeerroutes.Infrastructure.Pupils;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace DoorlopendeLeerroutes.Web.Tests.Security;

/// <summary>Issue 11, deployment: the Development key file is created owner-only (0600, folder 0700), whole, in one step.</summary>
public sealed class KeyFileTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dlr-keyfile-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Generated_key_file_is_owner_only_complete_and_leaves_no_temporary_file()
    {
        var configuration = new ConfigurationBuilder().Build();

        var keys = PupilNumberKeySource.Load(configuration, _root, NullLogger.Instance);

        var folder = Path.Combine(_root, "data", "keys");
        var file = Path.Combine(folder, PupilNumberKeySource.KeyFileName);
        Assert.Equal([PupilNumberKeySource.KeyFileName], Directory.GetFiles(folder).Select(Path.GetFileName));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        }

        // Read back, the same keys: the file was written whole before it got its name.
        var again = PupilNumberKeySource.Load(configuration, _root, NullLogger.Instance);
        Assert.Equal(keys.EncryptionKey, again.EncryptionKey);
        Assert.Equal(keys.LookupKey, again.LookupKey);
    }

    [Fact]
    public void Two_starts_at_once_end_up_with_one_set_of_keys()
    {
        var configuration = new ConfigurationBuilder().Build();

        var loaded = Enumerable.Range(0, 8).AsParallel()
            .Select(_ => PupilNumberKeySource.Load(configuration, _root, NullLogger.Instance))
            .ToList();

        Assert.Single(loaded.Select(k => Convert.ToBase64String(k.EncryptionKey)).Distinct());
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "data", "keys")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
