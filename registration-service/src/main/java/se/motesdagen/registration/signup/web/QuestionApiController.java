package se.motesdagen.registration.signup.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.programme.Question;

/** The day's own questions, for an integration that registers through the API: what to answer, and how. */
@RestController
@Tag(name = "Registrations")
class QuestionApiController {

    private final Programme programme;
    private final MessageSource messages;

    QuestionApiController(Programme programme, MessageSource messages) {
        this.programme = programme;
        this.messages = messages;
    }

    @GetMapping("/api/events/{eventId}/questions")
    @Operation(
            summary = "The day's own questions",
            description = "What a registration answers besides its fixed fields, in the form's order: in answers"
                    + " (the company's) or attendees[i].answers (each attendee's), by id. A question with"
                    + " shownWhen is asked only when the question it names has that answer.")
    @ApiResponse(
            responseCode = "200",
            description = "The questions asked now",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = QuestionView.class))))
    @ApiResponse(
            responseCode = "404",
            description = "No such day",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<?> questions(@PathVariable String eventId, Locale locale) {
        return programme
                .publishedDay(eventId)
                .<ResponseEntity<?>>map(day -> ResponseEntity.ok(
                        day.askedQuestions().stream().map(QuestionView::of).toList()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(ProblemDetail.forStatusAndDetail(
                                HttpStatus.NOT_FOUND,
                                messages.getMessage("api.noSuchEvent", new Object[] {eventId}, locale))));
    }

    /** A question as the API describes it. */
    record QuestionView(
            String id,
            Question.Kind kind,

            @Schema(description = "COMPANY: in answers; ATTENDEE: in each attendees[i].answers")
            Question.Scope scope,

            boolean required,
            String textSv,
            String textEn,
            String helpSv,
            String helpEn,

            @Schema(description = "The values a choice question takes: the ids")
            List<Question.Choice> choices,

            Question.Condition shownWhen) {

        static QuestionView of(Question q) {
            return new QuestionView(
                    q.id(),
                    q.kind(),
                    q.scope(),
                    q.required(),
                    q.textSv(),
                    q.textEn(),
                    q.helpSv(),
                    q.helpEn(),
                    q.choices(),
                    q.shownWhen());
        }
    }
}
