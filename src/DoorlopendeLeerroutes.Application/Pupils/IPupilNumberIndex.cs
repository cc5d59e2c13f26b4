using System.Linq.Expressions;

namespace DoorlopendeLeerroutes.Application.Pupils;

/// <summary>
/// Finds pupils by their number. Pupil numbers are stored encrypted (R-PUPIL-8), so a query can never compare the
/// number column itself; it compares a keyed hash instead. Always filter through this index, never on
/// <see cref="Pupil.Number"/>.
/// </summary>
public interface IPupilNumberIndex
{
    /// <summary>A filter for the pupil with this number.</summary>
    Expression<Func<Pupil, bool>> HasNumber(PupilNumber number);

    /// <summary>A filter for the pupils with any of these numbers (one query for a whole import file).</summary>
    Expression<Func<Pupil, bool>> HasAnyNumber(IEnumerable<PupilNumber> numbers);
}
