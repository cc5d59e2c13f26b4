using FluentValidation;

namespace DoorlopendeLeerroutes.Web.Components.Shared;

/// <summary>
/// Lets a MudForm use the Application layer's FluentValidation validator field by field
/// (<c>&lt;MudForm Validation="@validator.ForMudForm()"&gt;</c>, the adapter from MudBlazor's documentation).
/// </summary>
public static class FormValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) =>
        async (model, propertyName) =>
        {
            var result = await validator.ValidateAsync(
                ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName)));
            return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
        };
}
