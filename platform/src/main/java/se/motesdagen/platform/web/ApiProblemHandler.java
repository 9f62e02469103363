package se.motesdagen.platform.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a JSON endpoint as an RFC 9457 problem ({@code application/problem+json}), in the
 * reader's language where a person may read it: malformed JSON, wrong types, wrong method or media
 * type, and bodies that grow past the size limit while being read.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApiBodyLimitFilter.BodyTooLargeException tooLarge) {
                return problem(HttpStatus.CONTENT_TOO_LARGE, "api.problem.tooLarge", tooLarge.limit);
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "api.problem.unreadable");
    }

    private ResponseEntity<Object> problem(HttpStatus status, String key, Object... arguments) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
        return ResponseEntity.status(status).body(body);
    }
}
