using System.Linq.Expressions;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Pupils;
using DoorlopendeLeerroutes.Infrastructure.Persistence.Configurations;

namespace DoorlopendeLeerroutes.Infrastructure.Pupils;

/// <summary>Look-up of pupils by the keyed hash of their number; the encrypted column cannot be compared.</summary>
internal sealed class PupilNumberIndex(PupilNumberProtector protector) : IPupilNumberIndex
{
    public Expression<Func<Pupil, bool>> HasNumber(PupilNumber number)
    {
        var hash = protector.LookupHash(number);
        return p => EF.Property<string>(p, PupilConfiguration.NumberHash) == hash;
    }

    public Expression<Func<Pupil, bool>> HasAnyNumber(IEnumerable<PupilNumber> numbers)
    {
        var hashes = numbers.Select(protector.LookupHash).Distinct().ToList();
        return p => hashes.Contains(EF.Property<string>(p, PupilConfiguration.NumberHash));
    }
}
