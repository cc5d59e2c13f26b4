using DoorlopendeLeerroutes.Application.Pupils;
using DoorlopendeLeerroutes.Application.Routes;
using DoorlopendeLeerroutes.Domain.Common;

namespace DoorlopendeLeerroutes.Web.Tests.Routes;

/// <summary>A domain error reaches its form field through the error itself (<see cref="DomainError.Field"/>).</summary>
public sealed class FormValidationTests
{
    [Fact]
    public void R_ROUTE_6_a_missing_target_is_shown_at_the_field_the_form_shows()
    {
        var validator = new RouteFormValidator();

        var byDomain = validator.Validate(new RouteForm { TargetIsCrebo = false, TrainingDomain = string.Empty, Crebo = string.Empty });
        var byCrebo = validator.Validate(new RouteForm { TargetIsCrebo = true, TrainingDomain = string.Empty, Crebo = string.Empty });

        // Before, a missing target always went to the crebo field, hidden when the form asks for a training domain.
        Assert.Contains(byDomain.Errors, e => e.PropertyName == nameof(RouteForm.TrainingDomain) && e.ErrorMessage == DomainErrors.Route.TargetRequired.Message);
        Assert.DoesNotContain(byDomain.Errors, e => e.PropertyName == nameof(RouteForm.Crebo));
        Assert.Contains(byCrebo.Errors, e => e.PropertyName == nameof(RouteForm.Crebo) && e.ErrorMessage == DomainErrors.Route.TargetRequired.Message);
    }

    [Fact]
    public void R_PUPIL_1_the_enrol_form_shows_the_domains_messages_at_their_fields()
    {
        var result = new EnrolFormValidator().Validate(new EnrolForm { PupilNumber = "12345", LastName = " ", FirstName = "Noor", Prefix = "de\u202E" });

        Assert.Contains(result.Errors, e => e.PropertyName == nameof(EnrolForm.PupilNumber) && e.ErrorMessage == DomainErrors.Pupil.NumberFormat.Message);
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(EnrolForm.LastName) && e.ErrorMessage == DomainErrors.Pupil.LastNameRequired.Message);
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(EnrolForm.Prefix));
        Assert.DoesNotContain(result.Errors, e => e.PropertyName == nameof(EnrolForm.FirstName));
        Assert.Contains(result.Errors, e => e.PropertyName == nameof(EnrolForm.BirthDateValue) && e.ErrorMessage == EnrolFormValidator.BirthDateRequired.Message);
    }

    [Fact]
    public void R_PUPIL_7_the_end_form_asks_a_note_for_other_like_the_domain()
    {
        var result = new EndEnrolmentFormValidator().Validate(new EndEnrolmentForm { EndDate = new DateTime(2026, 8, 1), Outcome = Domain.Pupils.EnrolmentOutcome.Other });

        Assert.Equal([DomainErrors.Enrolment.OutcomeNoteRequired.Message], result.Errors.Select(e => e.ErrorMessage));
    }
}
