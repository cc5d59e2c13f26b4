using System.Data.Common;
using System.Security.Cryptography;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Pupils;
using DoorlopendeLeerroutes.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DoorlopendeLeerroutes.Web.Tests.Pupils;

/// <summary>R-PUPIL-8: pupil numbers are encrypted at rest; a keyed hash finds them and keeps them unique.</summary>
public sealed class PupilNumberEncryptionTests(PupilNumberEncryptionTests.GeneratedKeysApp app)
    : IClassFixture<PupilNumberEncryptionTests.GeneratedKeysApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task R_PUPIL_8_the_database_holds_no_pupil_number_only_ciphertext_and_a_keyed_hash()
    {
        await using var db = await app.OpenDbContextAsync();
        var numbers = (await db.Pupils.AsNoTracking().ToListAsync(Ct)).Select(p => p.Number.Value).ToList();
        var stored = new List<(string Cipher, string Hash)>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT NumberEncrypted, NumberHash FROM Pupils";
            await using DbDataReader reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                stored.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.NotEmpty(numbers);
        Assert.Equal(numbers.Count, stored.Count);
        Assert.All(stored, row =>
        {
            Assert.DoesNotContain(numbers, n => row.Cipher.Contains(n, StringComparison.Ordinal) || row.Hash.Contains(n, StringComparison.Ordinal));
            Assert.Matches("^[0-9A-F]{64}$", row.Hash);
        });
        Assert.Equal(stored.Count, stored.Select(r => r.Hash).Distinct().Count());
    }

    [Fact]
    public async Task R_PUPIL_8_a_pupil_is_found_by_number_through_the_hash_and_a_second_pupil_with_that_number_is_refused()
    {
        Pupil existing;
        await using (var db = await app.OpenDbContextAsync())
        {
            existing = await db.Pupils.AsNoTracking().FirstAsync(Ct);
        }

        var index = app.Services.GetRequiredService<IPupilNumberIndex>();
        await using var check = await app.OpenDbContextAsync();
        var found = await check.Pupils.SingleAsync(index.HasNumber(existing.Number), Ct);
        Assert.Equal(existing.Id, found.Id);
        Assert.Equal(1, await check.Pupils.CountAsync(index.HasAnyNumber([existing.Number, PupilNumber.Create("101222331")]), Ct));

        check.Pupils.Add(Pupil.Create(existing.Number.Value, "Dubbel", null, "Dirk", new DateOnly(2010, 1, 1)).Value);
        await Assert.ThrowsAsync<DbUpdateException>(() => check.SaveChangesAsync(Ct));
    }

    [Fact]
    public void Without_configured_keys_the_first_start_creates_a_key_file_readable_by_its_owner_only_and_later_starts_reuse_it()
    {
        Assert.True(File.Exists(app.KeyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(app.KeyFile));
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PupilNumbers:KeysFolder"] = app.KeysFolder })
            .Build();
        var again = PupilNumberKeySource.Load(configuration, app.Database.Folder, NullLogger.Instance);

        Assert.Equal(app.Services.GetRequiredService<PupilNumberProtector>().KeyFingerprint, new PupilNumberProtector(again).KeyFingerprint);
    }

    [Fact]
    public async Task A_restart_with_other_keys_refuses_to_start_instead_of_showing_unreadable_numbers()
    {
        await using var otherKeys = new OtherKeysApp(app.Database);

        var error = Assert.ThrowsAny<Exception>(() => otherKeys.Server);

        var message = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("cannot be decrypted with the configured keys", message, StringComparison.Ordinal);
        Assert.Contains(Flatten(error), e => e is CryptographicException);
    }

    [Fact]
    public void A_number_encrypted_twice_gives_two_ciphertexts_and_only_the_right_key_reads_it()
    {
        var protector = new PupilNumberProtector(PupilNumberKeys.Generate());
        var other = new PupilNumberProtector(PupilNumberKeys.Generate());
        var number = PupilNumber.Create("111222333");

        var first = protector.Encrypt(number);
        var second = protector.Encrypt(number);

        Assert.NotEqual(first, second);
        Assert.Equal(number, protector.Decrypt(first));
        Assert.Equal(protector.LookupHash(number), protector.LookupHash(PupilNumber.Create("111222333")));
        Assert.NotEqual(protector.LookupHash(number), other.LookupHash(number));
        Assert.ThrowsAny<CryptographicException>(() => other.Decrypt(first));
        Assert.True(first.Length <= PupilNumberProtector.MaxCipherLength);
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>No keys in configuration: the app makes its own key file in the test's folder.</summary>
    public sealed class GeneratedKeysApp : AppFactory
    {
        public string KeysFolder => Path.Combine(Database.Folder, "keys");

        public string KeyFile => Path.Combine(KeysFolder, PupilNumberKeySource.KeyFileName);

        protected override IEnumerable<KeyValuePair<string, string?>> PupilNumberKeys => [new("PupilNumbers:KeysFolder", KeysFolder)];

        /// <summary>The template's pupil numbers are encrypted with the fixed keys; this app seeds with its own.</summary>
        protected override bool StartsFromTemplate => false;
    }

    /// <summary>The same database started again with keys that do not belong to it.</summary>
    private sealed class OtherKeysApp(TestDatabase database) : AppFactory(database)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> PupilNumberKeys =>
        [
            new("PupilNumbers:EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
            new("PupilNumbers:LookupKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))),
        ];
    }
}
