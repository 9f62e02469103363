package se.motesdagen.platform.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a service confirms an erasure (GDPR): once it has removed what it held of a registration's people
 * in answer to RegistrationErased, it publishes its own "registration erased" event, once, and the
 * registration service shows the erasure complete when every service has confirmed. The event type is
 * the service's own contract; its body is {@code {registrationId, erasedAt}}.
 */
public class ErasureReceipts {

    private final Outbox outbox;
    private final Clock clock;

    public ErasureReceipts(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records the confirmation and its event; the same registration again (the erasure event delivered
     * twice) records nothing more. Call it after the erasure itself, so a crash in between erases again
     * on redelivery and confirms then.
     *
     * @return whether this call confirmed it
     */
    public boolean confirm(String type, String registrationId) {
        return confirm(type, registrationId, registrationId, Map.of("registrationId", registrationId));
    }

    /**
     * The same for one erasure of several of a registration (one person of it, say), told apart by its
     * own id: the event, keyed by {@code subject}, says {@code about} and when.
     *
     * @param receiptId what makes a second delivery the same erasure (the erasure's id)
     */
    public boolean confirm(String type, String receiptId, String subject, Map<String, Object> about) {
        Instant now = clock.instant();
        Map<String, Object> body = new LinkedHashMap<>(about);
        body.put("erasedAt", now.toString());
        return outbox.insertOnce(new ErasureReceipt(receiptId, now), receiptId, type, subject, body);
    }
}
