namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>
/// A rule the user can break: a stable code for programs and tests, a Dutch message for people, and optionally the
/// input it is about (<see cref="ErrorField"/>), so a form shows it at that field and the import in that column.
/// </summary>
public sealed record DomainError(string Code, string Message, string? Field = null)
{
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>Thrown by <c>Create</c> factories and by broken invariants (bugs), never for ordinary user input.</summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainError error)
        : base(error.Message) => Error = error;

    public DomainException()
        : this(new DomainError("domain.unknown", "Onbekende fout."))
    {
    }

    public DomainException(string message)
        : this(new DomainError("domain.invariant", message))
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException) => Error = new DomainError("domain.invariant", message);

    public DomainError Error { get; }
}
