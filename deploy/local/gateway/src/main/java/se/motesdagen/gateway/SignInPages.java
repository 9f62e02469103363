package se.motesdagen.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The gateway's own two addresses, answered before any route (every other path belongs to a service):
 * {@code /logga-in?till=…}, where a service sends a person whose sign-in ran out (signed in by the
 * chain first, then sent on to the page, which must be on this site), and the page a failed sign-in
 * ends on (a forged or expired ID token, a refused consent), which says what happened and offers to try
 * again.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class SignInPages extends OncePerRequestFilter {

    static final String SIGN_IN = "/logga-in";
    static final String SIGN_OUT = "/logga-ut";
    static final String FAILED = "/inloggning-misslyckades";
    static final String STAFF_START = "/personal";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"GET".equals(request.getMethod()) || !(path.equals(SIGN_IN) || path.equals(FAILED));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getRequestURI().equals(SIGN_IN)) {
            response.sendRedirect(localPathOrStart(request.getParameter("till")));
            return;
        }
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/html");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Inloggningen misslyckades – Mötesdagen</title><link rel="stylesheet" href="/css/app.css"></head>
                <body><main id="main"><h1>Inloggningen misslyckades</h1>
                <p>Kommunens inloggningstjänst gav inget giltigt svar (inloggningen kan ha avbrutits eller
                gått ut). Du är inte inloggad.</p>
                <p><a href="/logga-in">Försök igen</a> · <a href="/">Till startsidan</a></p>
                <p lang="en">Signing in failed: the identity provider gave no valid answer. You are not signed in.</p>
                </main></body></html>
                """);
    }

    /** Only a path on this site: never {@code //elsewhere}, {@code https://…} or {@code /\\elsewhere}. */
    static String localPathOrStart(String target) {
        if (target == null
                || !target.startsWith("/")
                || target.startsWith("//")
                || target.contains("\\")
                || target.chars().anyMatch(Character::isISOControl)) {
            return STAFF_START;
        }
        return target;
    }
}
