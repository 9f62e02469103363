package se.motesdagen.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
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
 * A service that fails to answer is never a 500, and the page says what the visitor can know: a short
 * page for people (in Swedish and English, since the language is the service's to know), a problem
 * document for the API.
 * <ul>
 *   <li>A service that cannot be reached (restarting, say) is a 503 with {@code Retry-After}: nothing
 *       reached it, so nothing was lost and the request can simply be sent again.
 *   <li>A service that took the request and did not answer within the read timeout is a 504, and one that
 *       broke off its answer a 502: the request may have arrived and been acted on, so the page says so and
 *       asks the visitor to look (a confirmation mail, a reload) before sending it again.
 * </ul>
 */
@ControllerAdvice
class ServiceUnavailable {

    /** Seconds to wait: about what a service takes to start again on the local stack with its caches. */
    static final String RETRY_AFTER = "10";

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailable.class);

    private static final String UNREACHABLE_PAGE = page("Tjänsten startar om", """
            Den här delen av Mötesdagen är inte nåbar just nu. Försök igen om en liten stund – det du
                skickade kom inte fram, så skicka det gärna igen.""", """
            This part of Mötesdagen cannot be reached right now. Please try again in a moment –
                what you sent did not arrive, so do send it again.""");

    private static final String NO_ANSWER_PAGE = page("Svaret dröjer", """
            Den här delen av Mötesdagen svarade inte i tid. Det du skickade kan ha kommit fram: titta efter
                ett mejl från oss, eller ladda om sidan om en stund, innan du skickar det igen.""", """
            This part of Mötesdagen did not answer in time. What you sent may have arrived: look for an
                e-mail from us, or reload the page in a moment, before you send it again.""");

    private static final String UNREACHABLE_PROBLEM = """
            {"type":"about:blank","title":"Service Unavailable","status":503,\
            "detail":"The service cannot be reached right now; nothing was received. Try again after Retry-After seconds."}""";

    private static final String NO_ANSWER_PROBLEM = """
            {"type":"about:blank","title":"%s","status":%d,\
            "detail":"The service did not answer; the request may have been received and acted on. \
            Look before sending it again."}""";

    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<String> unreachable(ResourceAccessException e, HttpServletRequest request) {
        boolean api = request.getRequestURI().startsWith("/api/");
        MediaType html = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
        if (neverConnected(e)) {
            log.warn(
                    "{} {}: the service cannot be reached ({})",
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                    .cacheControl(CacheControl.noStore())
                    .contentType(api ? MediaType.APPLICATION_PROBLEM_JSON : html)
                    .body(api ? UNREACHABLE_PROBLEM : UNREACHABLE_PAGE);
        }
        HttpStatus status =
                e.getCause() instanceof SocketTimeoutException ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
        log.warn(
                "{} {}: the service took the request and did not answer ({}); {}",
                request.getMethod(),
                request.getRequestURI(),
                e.getMessage(),
                status.value());
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .contentType(api ? MediaType.APPLICATION_PROBLEM_JSON : html)
                .body(api ? NO_ANSWER_PROBLEM.formatted(status.getReasonPhrase(), status.value()) : NO_ANSWER_PAGE);
    }

    /** The 503 for a request that did not reach its service (RequestsPerService: no turn in time). */
    static void writeUnreachable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean api = request.getRequestURI().startsWith("/api/");
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setContentType(api ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : "text/html;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8);
        response.getWriter().write(api ? UNREACHABLE_PROBLEM : UNREACHABLE_PAGE);
    }

    /** Whether the request never reached the service: no connection was made. */
    private static boolean neverConnected(ResourceAccessException e) {
        Throwable cause = e.getCause();
        return cause instanceof ConnectException
                || cause instanceof NoRouteToHostException
                || cause instanceof UnknownHostException
                // the JDK says "Connect timed out" for the connect timeout and "Read timed out" for the other
                || (cause instanceof SocketTimeoutException timeout
                        && timeout.getMessage() != null
                        && timeout.getMessage().startsWith("Connect"));
    }

    private static String page(String heading, String swedish, String english) {
        return """
                <!DOCTYPE html>
                <html lang="sv">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%s – Mötesdagen</title>
                  <style>body{font-family:system-ui,sans-serif;color:#1b1b1b;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>
                </head>
                <body>
                <main>
                  <h1>%s</h1>
                  <p>%s</p>
                  <p lang="en">%s</p>
                </main>
                </body>
                </html>
                """.formatted(heading, heading, swedish, english);
    }
}
