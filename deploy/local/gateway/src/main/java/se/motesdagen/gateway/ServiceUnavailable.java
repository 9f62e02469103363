package se.motesdagen.gateway;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;

/**
 * A service that cannot be reached (restarting, say) is a 503 with {@code Retry-After}, not a 500: a
 * short page for people (in Swedish and English, since the language is the service's to know), a
 * problem document for the API, so clients and load balancers know to try again in a moment. Nothing
 * reached the service, so nothing was lost.
 */
@ControllerAdvice
class ServiceUnavailable {

    /** Seconds to wait: about what a service takes to start again on the local stack with its caches. */
    static final String RETRY_AFTER = "10";

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailable.class);

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="sv">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>Tjänsten startar om – Mötesdagen</title>
              <style>body{font-family:system-ui,sans-serif;color:#1b1b1b;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
            </head>
            <body>
            <main>
              <h1>Tjänsten startar om</h1>
              <p>Den här delen av Mötesdagen är inte nåbar just nu. Försök igen om en liten stund – det du
                skickade kom inte fram, så skicka det gärna igen.</p>
              <p lang="en">This part of Mötesdagen cannot be reached right now. Please try again in a moment –
                what you sent did not arrive, so do send it again.</p>
            </main>
            </body>
            </html>
            """;

    private static final String PROBLEM = """
            {"type":"about:blank","title":"Service Unavailable","status":503,\
            "detail":"The service cannot be reached right now; nothing was received. Try again after Retry-After seconds."}""";

    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<String> unreachable(ResourceAccessException e, HttpServletRequest request) {
        log.warn(
                "{} {}: the service cannot be reached ({})",
                request.getMethod(),
                request.getRequestURI(),
                e.getMessage());
        boolean api = request.getRequestURI().startsWith("/api/");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                .cacheControl(CacheControl.noStore())
                .contentType(
                        api
                                ? MediaType.APPLICATION_PROBLEM_JSON
                                : new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(api ? PROBLEM : PAGE);
    }
}
