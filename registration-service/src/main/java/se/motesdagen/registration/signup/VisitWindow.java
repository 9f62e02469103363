package se.motesdagen.registration.signup;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalTime;

/** When in the day a company would rather be visited. */
public enum VisitWindow {
    MORNING("morning", LocalTime.of(8, 0), LocalTime.of(12, 0)),
    AFTERNOON("afternoon", LocalTime.of(13, 0), LocalTime.of(17, 0));

    private final String code;
    private final LocalTime from;
    private final LocalTime to;

    VisitWindow(String code, LocalTime from, LocalTime to) {
        this.code = code;
        this.from = from;
        this.to = to;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public LocalTime from() {
        return from;
    }

    public LocalTime to() {
        return to;
    }
}
