package se.motesdagen.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That this service has erased what it held of one registration's people (or of one person), and the
 * event that says so, written together (one document, so the confirmation is published if and only if it
 * is recorded). Holds the registration's or the erasure's id and the time, nothing personal.
 */
@Document(ErasureReceipt.COLLECTION)
public class ErasureReceipt implements HasOutbox {

    static final String COLLECTION = "erasureReceipts";

    /** The registration's id, or the erasure's own when it is one of several of a registration. */
    @Id
    private String registrationId;

    private Instant erasedAt;
    private List<OutboxEvent> outbox = new ArrayList<>();

    protected ErasureReceipt() {}

    ErasureReceipt(String registrationId, Instant erasedAt) {
        this.registrationId = registrationId;
        this.erasedAt = erasedAt;
    }

    public String getRegistrationId() {
        return registrationId;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
