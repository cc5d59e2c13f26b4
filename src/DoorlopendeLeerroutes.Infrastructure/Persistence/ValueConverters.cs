using DoorlopendeLeerroutes.Domain.Institutions;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Domain.Routes;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DoorlopendeLeerroutes.Infrastructure.Persistence;

/// <summary>Converters between value objects and their stored form, registered once in <c>ConfigureConventions</c>.</summary>
internal static class ValueConverters
{
    internal sealed class BrinConverter() : ValueConverter<Brin, string>(v => v.Value, s => Brin.Create(s));

    internal sealed class BoardNumberConverter() : ValueConverter<BoardNumber, string>(v => v.Value, s => BoardNumber.Create(s));

    internal sealed class SiteCodeConverter() : ValueConverter<SiteCode, string>(v => v.Value, s => SiteCode.Create(s));

    internal sealed class CreboConverter() : ValueConverter<Crebo, string>(v => v.Value, s => Crebo.Create(s));

    /// <summary>Pupil numbers are stored encrypted (R-PUPIL-8); see <see cref="Pupils.PupilNumberProtector"/>.</summary>
    internal sealed class EncryptedPupilNumberConverter(Pupils.PupilNumberProtector protector)
        : ValueConverter<PupilNumber, string>(v => protector.Encrypt(v), s => protector.Decrypt(s));

    /// <summary>A school year is stored as its start year: it sorts and compares as a number.</summary>
    internal sealed class SchoolYearConverter() : ValueConverter<SchoolYear, int>(v => v.StartYear, y => SchoolYear.FromStartYear(y));

    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => DutchTime.EnsureUtc(v), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    /// <summary>Leerwegen as <c>BB,KB</c>: a short, readable column that works the same on both providers.</summary>
    internal sealed class TrackListConverter() : ValueConverter<IReadOnlyList<Track>, string>(
        v => string.Join(',', v.Select(t => t.ToString())),
        s => s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Track>).ToList());

    internal sealed class TrackListComparer() : Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<Track>>(
        (a, b) => a != null && b != null && a.SequenceEqual(b),
        v => v.Aggregate(0, (hash, t) => HashCode.Combine(hash, t)),
        v => v.ToList());
}
