namespace DoorlopendeLeerroutes.Domain.Common;

/// <summary>
/// The outcome of an action a user asked for. Failure carries every broken rule at once, so a form can show them all,
/// and warnings that do not block (R-ROUTE-4).
/// </summary>
public class Result
{
    protected Result(IReadOnlyList<DomainError> errors, IReadOnlyList<DomainError> warnings)
    {
        Errors = errors;
        Warnings = warnings;
    }

    public IReadOnlyList<DomainError> Errors { get; }

    public IReadOnlyList<DomainError> Warnings { get; }

    public bool IsSuccess => Errors.Count == 0;

    public bool IsFailure => !IsSuccess;

    public static Result Success(IReadOnlyList<DomainError>? warnings = null) => new([], warnings ?? []);

    public static Result Failure(DomainError error) => new([error], []);

    public static Result Failure(IReadOnlyList<DomainError> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new Result(errors, []);
    }

    /// <summary>Success when <paramref name="errors"/> is empty, failure otherwise.</summary>
    public static Result FromErrors(IReadOnlyList<DomainError> errors, IReadOnlyList<DomainError>? warnings = null) =>
        errors.Count == 0 ? Success(warnings) : new Result(errors, warnings ?? []);

    public bool HasError(string code) => Errors.Any(e => e.Code == code);

    public override string ToString() => IsSuccess ? "Success" : string.Join("; ", Errors);
}

/// <summary>A <see cref="Result"/> that carries a value when it succeeded.</summary>
public sealed class Result<T> : Result
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<DomainError> errors, IReadOnlyList<DomainError> warnings)
        : base(errors, warnings) => _value = value;

    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException($"A failed result has no value: {this}");

    public static Result<T> Success(T value, IReadOnlyList<DomainError>? warnings = null) => new(value, [], warnings ?? []);

    public static new Result<T> Failure(DomainError error) => new(default, [error], []);

    public static new Result<T> Failure(IReadOnlyList<DomainError> errors)
    {
        if (errors.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        }

        return new Result<T>(default, errors, []);
    }
}
