package se.motesdagen.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import se.motesdagen.platform.security.StaffMember;

/**
 * Writes the audit line of an {@link Audited} handler once it has answered without an error (a 4xx or
 * 5xx, an exception, or {@link Audit#nothingDone()} means nothing to record). The record is the path variable or request parameter
 * the annotation names, or the one the handler made ({@link Audit#record(String)}).
 */
class AuditInterceptor implements HandlerInterceptor {

    private final AuditLog log;

    AuditInterceptor(AuditLog log) {
        this.log = log;
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (ex != null
                || response.getStatus() >= 400
                || request.getAttribute(Audit.NOTHING_DONE) != null
                || !(handler instanceof HandlerMethod method)) {
            return;
        }
        Audited audited = method.getMethodAnnotation(Audited.class);
        if (audited == null) {
            return;
        }
        StaffMember.current()
                .ifPresent(who ->
                        log.record(who, audited.value(), recordOf(request, audited.record()), request.getRemoteAddr()));
    }

    private static String recordOf(HttpServletRequest request, String name) {
        if (request.getAttribute(Audit.RECORD) instanceof String made) {
            return made;
        }
        if (name.isEmpty()) {
            return "";
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get(name) instanceof String value) {
            return value;
        }
        String parameter = request.getParameter(name);
        return parameter == null ? "" : parameter;
    }
}
