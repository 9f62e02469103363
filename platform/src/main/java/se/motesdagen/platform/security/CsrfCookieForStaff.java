package se.motesdagen.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the CSRF cookie before a staff page is rendered, not while: the token is made the first time
 * a template asks for it, and on a long page (a registration with its whole timeline) that is after
 * the response has started, too late for its cookie, so the form's token would match nothing. Staff
 * requests carry the gateway's bearer token and no session, so nothing else loads it early. An
 * existing cookie is read, not replaced, so forms in other tabs stay valid.
 */
final class CsrfCookieForStaff extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
