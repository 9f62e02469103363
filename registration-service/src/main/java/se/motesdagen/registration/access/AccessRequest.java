package se.motesdagen.registration.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.outbox.AccessAnswers.Held;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;

/**
 * One access request (GDPR art. 15, "registerutdrag"): whom it is about, who asked for it and when, and
 * each service's answer as it arrives. It holds a copy of everything found, so it is kept only as long as
 * {@code motesdagen.registration.access-requests-kept-for} says, then removed whole.
 */
@Document("accessRequests")
public class AccessRequest implements HasOutbox {

    /** Every service that answers, this one first: the document is complete when all have. */
    public static final List<String> SERVICES = List.of("registration", "visit", "notification", "feedback");

    @Id
    private String id;

    private AccessSubject.Kind subjectKind;
    private String subject;
    private String requestedBy;

    @Indexed
    private Instant requestedAt;

    private List<String> registrationIds = new ArrayList<>();
    private Map<String, Answer> answers = new HashMap<>();
    private List<OutboxEvent> outbox = new ArrayList<>();

    @Version
    private Long version;

    /** What one service held, as it answered. */
    public record Answer(Instant answeredAt, List<Held> records) {
        public Answer {
            records = records == null ? List.of() : List.copyOf(records);
        }
    }

    protected AccessRequest() {}

    AccessRequest(
            String id, AccessSubject subject, String requestedBy, Instant requestedAt, List<String> registrationIds) {
        this.id = id;
        this.subjectKind = subject.kind();
        this.subject = subject.shown();
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.registrationIds = List.copyOf(registrationIds);
    }

    void answeredHere(Answer answer) {
        answers.put("registration", answer);
    }

    public boolean isComplete() {
        return answers.keySet().containsAll(SERVICES);
    }

    /** The services that have not answered yet, in the order of {@link #SERVICES}. */
    public List<String> waitingFor() {
        return SERVICES.stream().filter(s -> !answers.containsKey(s)).toList();
    }

    public int recordCount() {
        return answers.values().stream().mapToInt(a -> a.records().size()).sum();
    }

    public String getId() {
        return id;
    }

    public AccessSubject.Kind getSubjectKind() {
        return subjectKind;
    }

    public String getSubject() {
        return subject;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public List<String> getRegistrationIds() {
        return registrationIds;
    }

    public Map<String, Answer> getAnswers() {
        return answers;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
