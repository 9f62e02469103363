package se.motesdagen.registration.signup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.signup.RegistrationForm;
import se.motesdagen.registration.signup.Signups;
import se.motesdagen.registration.signup.SubmitOutcome;

/**
 * The JSON twin of the registration form, for integrations (the municipality's web site, a CRM) and
 * for tests. Same rules, same bot checks, same messages; errors are RFC 9457 problem details with one
 * entry per field.
 */
@RestController
@RequestMapping("/api/events/{eventId}/registrations")
@Tag(name = "Registrations", description = "Register a company for a day and follow where the registration stands")
class RegistrationApiController {

    private final Programme programme;
    private final Signups registrations;
    private final MessageSource messages;

    RegistrationApiController(Programme programme, Signups registrations, MessageSource messages) {
        this.programme = programme;
        this.registrations = registrations;
        this.messages = messages;
    }

    @PostMapping
    @Operation(
            summary = "Submit a registration",
            description = "Stores a pending registration and e-mails the contact a confirm link; the registration"
                    + " counts once the link is opened. Texts in the response follow Accept-Language (sv, en).")
    @ApiResponse(
            responseCode = "201",
            description = "Stored, waiting for the contact to confirm; Location names the status resource",
            content = @Content(schema = @Schema(implementation = Submitted.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such day",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "The day does not take registrations now: not yet open, or closed",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "413",
            description = "Body larger than 64 KB",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "422",
            description = "Fields that are wrong, each with a message (property errors)",
            content =
                    @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Rejected.class)))
    @ApiResponse(
            responseCode = "429",
            description = "Too many submissions from this client; Retry-After says when to try again",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> submit(
            @PathVariable String eventId,
            @Valid @RequestBody RegistrationForm form,
            BindingResult errors,
            Locale locale) {
        Day day = programme.publishedDay(eventId).orElse(null);
        if (day == null) {
            return noSuchDay(eventId, locale);
        }
        if (form.isSpam()) {
            // answered as an accepted submission, like the form's thank-you: naming the field would teach
            // the bot which one to leave empty. Nothing is stored; the id leads nowhere.
            String none = UUID.randomUUID().toString();
            return ResponseEntity.created(URI.create("/api/events/" + eventId + "/registrations/" + none))
                    .body(new Submitted(none, Signups.ApiStatus.PENDING));
        }
        if (errors.hasErrors()) {
            return invalid(
                    errors.getFieldErrors().stream()
                            .map(e -> new FieldError(e.getField(), messages.getMessage(e, locale)))
                            .toList(),
                    locale);
        }
        return switch (registrations.submit(day, form, RegistrationViews.language(locale))) {
            case SubmitOutcome.Accepted(String id) ->
                ResponseEntity.created(URI.create("/api/events/" + eventId + "/registrations/" + id))
                        .body(new Submitted(id, Signups.ApiStatus.PENDING));
            case SubmitOutcome.NotOpen(Day.Registering registering) ->
                ResponseEntity.status(HttpStatus.CONFLICT)
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.CONFLICT,
                                messages.getMessage(
                                        registering == Day.Registering.CLOSED
                                                ? "registration.closed"
                                                : "api.registration.notYetOpen",
                                        new Object[] {day.registrationOpens()},
                                        locale)));
            case SubmitOutcome.Rejected(List<SubmitOutcome.FieldProblem> problems) ->
                invalid(
                        problems.stream()
                                .map(p -> new FieldError(p.field(), messages.getMessage(p.messageKey(), null, locale)))
                                .toList(),
                        locale);
        };
    }

    @GetMapping("/{registrationId}")
    @Operation(
            summary = "Where a registration stands",
            description = "Pending until the confirm link is opened, then confirmed. Names no person and no company.")
    @ApiResponse(
            responseCode = "200",
            description = "The registration's state",
            content = @Content(schema = @Schema(implementation = Signups.RegistrationStatus.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No such registration for this day",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> status(@PathVariable String eventId, @PathVariable String registrationId, Locale locale) {
        return registrations
                .status(eventId, registrationId)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.NOT_FOUND, messages.getMessage("api.problem.notFound", null, locale))));
    }

    private ResponseEntity<ProblemDetail> noSuchDay(String eventId, Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, messages.getMessage("api.noSuchEvent", new Object[] {eventId}, locale)));
    }

    private ResponseEntity<ProblemDetail> invalid(List<FieldError> fieldErrors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT, messages.getMessage("form.errors.title", null, locale));
        problem.setProperty("errors", fieldErrors);
        return ResponseEntity.unprocessableContent().body(problem);
    }

    record Submitted(String registrationId, Signups.ApiStatus status) {}

    record FieldError(String field, String message) {}

    /** The 422 body: a problem with the wrong fields. */
    record Rejected(int status, String title, String detail, List<FieldError> errors) {}
}
