package se.motesdagen.gateway;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most so many requests are passed on to one service at once; the others wait their turn here, in
 * order of arrival. A service that computes (the registration service's pages) then gets no more requests
 * at once than it has threads for, so none of them waits unseen in its queue and only a few of the
 * gateway's threads compute at a time; a service that hangs holds only its own turns and the threads
 * waiting for them, and the other services' pages go on. A request that gets no turn within the read
 * timeout is a 503: it never reached the service. The service is the route's, told by the path's first
 * segment (each service's context path).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestsPerService extends OncePerRequestFilter {

    /** Requests passed on to one service at once: as many as a service has request threads. */
    static final int TURNS = 8;

    private final int perService;
    private final Duration patience;
    private final Map<String, Semaphore> turns = new ConcurrentHashMap<>();

    RequestsPerService(
            @Value("${motesdagen.gateway.requests-per-service:" + TURNS + "}") int perService,
            @Value("${spring.http.clients.read-timeout:60s}") Duration patience) {
        this.perService = perService;
        this.patience = patience;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Semaphore service =
                turns.computeIfAbsent(serviceOf(request.getRequestURI()), s -> new Semaphore(perService, true));
        boolean turn;
        try {
            turn = service.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            ServiceUnavailable.writeUnreachable(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            service.release();
        }
    }

    /** The route's service: the first segment for the services with a context path, the root otherwise. */
    static String serviceOf(String path) {
        int end = path.indexOf('/', 1);
        String first = end < 0 ? path : path.substring(0, end);
        return switch (first) {
            case "/besok", "/utskick", "/aterkoppling", "/inkorg" -> first;
            default -> "/";
        };
    }
}
