package se.motesdagen.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That this service has answered one access request (GDPR art. 15), and the answer as an event, written
 * together. Once the event is out, the relay takes it from the outbox, so what stays is the request's id
 * and the time: the personal data the answer carried is not kept here a second time.
 */
@Document(AccessAnswer.COLLECTION)
public class AccessAnswer implements HasOutbox {

    static final String COLLECTION = "accessAnswers";

    @Id
    private String requestId;

    private Instant answeredAt;
    private List<OutboxEvent> outbox = new ArrayList<>();

    protected AccessAnswer() {}

    AccessAnswer(String requestId, Instant answeredAt) {
        this.requestId = requestId;
        this.answeredAt = answeredAt;
    }

    public String getRequestId() {
        return requestId;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
