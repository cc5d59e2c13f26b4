using System.Linq.Expressions;
using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Domain.Pupils;

namespace DoorlopendeLeerroutes.Infrastructure.Pupils;

/// <summary>Look-up of pupils by number (placeholder on the plain column until the keyed hash lands).</summary>
internal sealed class PupilNumberIndex : IPupilNumberIndex
{
    public Expression<Func<Pupil, bool>> HasNumber(PupilNumber number) => p => p.Number == number;

    public Expression<Func<Pupil, bool>> HasAnyNumber(IEnumerable<PupilNumber> numbers)
    {
        var list = numbers.Distinct().ToList();
        return p => list.Contains(p.Number);
    }
}
