using FluentValidation;

namespace DoorlopendeLeerroutes.Application.Common;

/// <summary>R-PRIV-4 in a form: the field shows the domain's own message for an invisible or control character.</summary>
public static class PrintableTextRule
{
    /// <summary>
    /// Refuses text that <see cref="PrintableText"/> refuses, with its Dutch message naming the field and the character,
    /// and its code (<c>{codePrefix}.not_printable</c>).
    /// </summary>
    public static IRuleBuilderOptions<T, string?> NotPrintableIsRefused<T>(
        this IRuleBuilder<T, string?> rule, string codePrefix, string what, bool multiLine = false) =>
        rule.Must(text => PrintableText.Check(text, codePrefix, what, multiLine) is null)
            .WithMessage((_, text) => PrintableText.Check(text, codePrefix, what, multiLine)?.Message ?? string.Empty)
            .WithErrorCode(codePrefix + "." + DomainErrors.Text.NotPrintableSuffix);
}
