package se.motesdagen.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a service answers an access request (GDPR art. 15, "registerutdrag"): the registration service asks
 * every service what it holds about an organisation or an e-mail address, and each answers with its own
 * "access answered" event listing what it found, once per request. The registration service gathers the
 * answers into one document for the person who asked. The event type is the service's own contract; its
 * body is {@code {requestId, answeredAt, records: [{category, id, fields: [{name, value}]}]}}.
 */
public class AccessAnswers {

    private final Outbox outbox;
    private final Clock clock;

    public AccessAnswers(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records the answer and its event; the same request again (delivered twice) answers nothing more.
     *
     * @return whether this call answered it
     */
    public boolean answer(String type, String requestId, List<Held> records) {
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("answeredAt", now.toString());
        body.put("records", records);
        return outbox.insertOnce(new AccessAnswer(requestId, now), requestId, type, requestId, body);
    }

    /**
     * One thing a service holds about the person: what kind of thing ({@code category}, in Swedish, as
     * the person reads it), its id, and its fields as label and value in the order they are read. Empty
     * values are left out.
     */
    public record Held(String category, String id, List<Field> fields) {

        public Held {
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        /** A moment as the records give it: to the minute, in Stockholm time; null stays null. */
        public static String minute(Instant at) {
            return at == null ? null : MINUTE.format(at);
        }

        public static Builder of(String category, String id) {
            return new Builder(category, id);
        }

        public record Field(String name, String value) {}

        private static final DateTimeFormatter MINUTE =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm").withZone(ZoneId.of("Europe/Stockholm"));

        /** Fields in order; a null or blank value is skipped, so a record lists only what is there. */
        public static final class Builder {
            private final String category;
            private final String id;
            private final List<Field> fields = new ArrayList<>();

            private Builder(String category, String id) {
                this.category = category;
                this.id = id;
            }

            /** A moment, as the person reads it: to the minute, in Stockholm time. */
            public Builder field(String name, Instant at) {
                return field(name, (Object) minute(at));
            }

            public Builder field(String name, Object value) {
                if (value != null && !value.toString().isBlank()) {
                    fields.add(new Field(name, value.toString()));
                }
                return this;
            }

            public Held build() {
                return new Held(category, id, fields);
            }
        }
    }
}
