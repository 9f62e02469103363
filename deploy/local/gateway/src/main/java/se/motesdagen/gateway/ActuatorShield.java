package se.motesdagen.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The services' actuator endpoints (metrics, health details) are for the platform's own scrapers on
 * the services' ports, never for the public address. Any path with an {@code actuator} segment is
 * answered 404 here, judged on the decoded, normalised path so {@code /%61ctuator} or
 * {@code /x/../actuator} do not slip through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActuatorShield extends OncePerRequestFilter {

    private static final UrlPathHelper DECODING = new UrlPathHelper();
    private static final Pattern SLASHES = Pattern.compile("/+");

    static {
        DECODING.setUrlDecode(true);
        DECODING.setRemoveSemicolonContent(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = StringUtils.cleanPath(DECODING.getPathWithinApplication(request))
                .toLowerCase();
        if (SLASHES.matcher("/" + path + "/").replaceAll("/").contains("/actuator/")) {
            // not sendError: its error dispatch to /error would itself be routed to a service
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("Not found");
            return;
        }
        chain.doFilter(request, response);
    }
}
