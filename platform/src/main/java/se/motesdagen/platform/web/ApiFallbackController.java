package se.motesdagen.platform.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any API path no endpoint owns with a 404 problem, so a client that mistypes a path gets
 * the same kind of error as every other API error. Every real mapping is more specific and wins.
 */
@RestController
class ApiFallbackController {

    private final MessageSource messages;

    ApiFallbackController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("${motesdagen.api.path-prefix:/api/}**")
    ResponseEntity<ProblemDetail> notFound(Locale locale) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND, messages.getMessage("api.problem.notFound", null, locale)));
    }
}
