package se.motesdagen.registration.registration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.motesdagen.registration.programme.Event;
import se.motesdagen.registration.programme.Programme;

/**
 * The JSON twin of the registration form, for integrations (the municipality's web site, a CRM) and
 * for tests. Same rules, same messages; errors are RFC 9457 problem details with one entry per field.
 */
@RestController
@RequestMapping("/api/events/{eventId}/registrations")
@Tag(name = "Registrations", description = "Register a company for a day")
class RegistrationApiController {

    private final Programme programme;
    private final RegistrationService registrations;
    private final MessageSource messages;

    RegistrationApiController(Programme programme, RegistrationService registrations, MessageSource messages) {
        this.programme = programme;
        this.registrations = registrations;
        this.messages = messages;
    }

    @PostMapping
    @Operation(
            summary = "Submit a registration",
            description = "Stores a pending registration and e-mails the contact a confirm link. 201 with the id;"
                    + " 422 with field errors; 404 for an unknown day.")
    ResponseEntity<?> submit(
            @PathVariable String eventId,
            @Valid @RequestBody RegistrationForm form,
            BindingResult errors,
            Locale locale) {
        Event event = programme.event(eventId).orElse(null);
        if (event == null) {
            return ResponseEntity.of(
                            ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such event: " + eventId))
                    .build();
        }
        if (errors.hasErrors()) {
            return invalid(
                    errors.getFieldErrors().stream()
                            .map(e -> new FieldError(e.getField(), messages.getMessage(e, locale)))
                            .toList(),
                    locale);
        }
        return switch (registrations.submit(event, form, RegistrationPageController.language(locale))) {
            case SubmitOutcome.Accepted(String id) ->
                ResponseEntity.created(URI.create("/api/events/" + eventId + "/registrations/" + id))
                        .body(Map.of("registrationId", id, "status", "PENDING"));
            case SubmitOutcome.Rejected(List<SubmitOutcome.FieldProblem> problems) ->
                invalid(
                        problems.stream()
                                .map(p -> new FieldError(p.field(), messages.getMessage(p.messageKey(), null, locale)))
                                .toList(),
                        locale);
        };
    }

    private ResponseEntity<ProblemDetail> invalid(List<FieldError> fieldErrors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("form.errors.title", null, locale));
        problem.setProperty("errors", fieldErrors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    record FieldError(String field, String message) {}
}
