package se.motesdagen.visit.host;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;

/**
 * A host erased from the roster (GDPR art. 17), and HostErased with it in one write: which host (the id
 * alone, which names nobody once the host is gone), when, and which services have confirmed they erased
 * what they held.
 */
@Document("hostErasures")
public class HostErasure implements HasOutbox {

    /** The services that hold something of a host besides this one: the mails sent to them. */
    public static final List<String> CONFIRMING_SERVICES = List.of("notification");

    @Id
    private String id;

    private String hostId;

    @Indexed
    private Instant erasedAt;

    private Map<String, Instant> confirmations = new HashMap<>();
    private List<OutboxEvent> outbox = new ArrayList<>();

    protected HostErasure() {}

    HostErasure(String id, String hostId, Instant erasedAt) {
        this.id = id;
        this.hostId = hostId;
        this.erasedAt = erasedAt;
    }

    public boolean isComplete() {
        return getConfirmations().keySet().containsAll(CONFIRMING_SERVICES);
    }

    public String getId() {
        return id;
    }

    public String getHostId() {
        return hostId;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public Map<String, Instant> getConfirmations() {
        return confirmations == null ? Map.of() : Map.copyOf(confirmations);
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
