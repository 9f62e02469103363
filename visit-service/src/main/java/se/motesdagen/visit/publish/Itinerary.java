package se.motesdagen.visit.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import se.motesdagen.platform.outbox.HasOutbox;
import se.motesdagen.platform.outbox.OutboxEvent;

/** What a host was last told about their day, as a fingerprint, so only a changed day is sent again. */
@Document("itineraries")
public class Itinerary implements HasOutbox {

    @Id
    private String id;

    private String hostId;

    @Indexed
    private LocalDate day;

    private String fingerprint;
    private List<OutboxEvent> outbox = new ArrayList<>();

    @Version
    private Long version;

    protected Itinerary() {}

    Itinerary(String hostId, LocalDate day) {
        this.id = idFor(hostId, day);
        this.hostId = hostId;
        this.day = day;
    }

    static String idFor(String hostId, LocalDate day) {
        return hostId + ":" + day;
    }

    /** Records the day as sent; false when it is what the host already has (then nothing is sent). */
    boolean change(String newFingerprint) {
        if (newFingerprint.equals(fingerprint)) {
            return false;
        }
        fingerprint = newFingerprint;
        return true;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }

    public String getId() {
        return id;
    }

    public String getHostId() {
        return hostId;
    }

    public LocalDate getDay() {
        return day;
    }
}
