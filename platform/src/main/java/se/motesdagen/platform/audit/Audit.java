package se.motesdagen.platform.audit;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** What an {@link Audited} handler may tell the audit log on its way out. */
public final class Audit {

    static final String NOTHING_DONE = Audit.class.getName() + ".nothingDone";
    static final String RECORD = Audit.class.getName() + ".record";

    private Audit() {}

    /**
     * The handler answered without an error but did not do what it is audited for (a form sent back for
     * a missing tick): no line is written for this request.
     */
    public static void nothingDone() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(NOTHING_DONE, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /**
     * The record this request made, for an action whose record has no id before it is done (a new
     * request posted by a form): the line names it instead of a path variable or parameter.
     */
    public static void record(String id) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(RECORD, id, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
