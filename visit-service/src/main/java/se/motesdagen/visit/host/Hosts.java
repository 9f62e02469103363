package se.motesdagen.visit.host;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import se.motesdagen.platform.messaging.AddressKey;
import se.motesdagen.platform.outbox.Outbox;

/** The host roster: read from staff's list, one host per e-mail address. */
@Service
public class Hosts {

    private static final Logger log = LoggerFactory.getLogger(Hosts.class);

    static final String HOST_ERASED_V1 = "se.motesdagen.visit.host-erased.v1";
    private static final int RECENT_ERASURES = 20;

    private final HostRepository repository;
    private final MongoOperations mongo;
    private final Outbox outbox;
    private final ApplicationEventPublisher inside;
    private final Clock clock;

    Hosts(
            HostRepository repository,
            MongoOperations mongo,
            Outbox outbox,
            ApplicationEventPublisher inside,
            Clock clock) {
        this.repository = repository;
        this.mongo = mongo;
        this.outbox = outbox;
        this.inside = inside;
        this.clock = clock;
    }

    public List<Host> all() {
        return repository.findAllByOrderByRoleAscNameAsc();
    }

    public Optional<Host> find(String id) {
        return repository.findById(id);
    }

    /** What saving one host from the form came to. */
    sealed interface Saved {}

    public record Stored(Host host) implements Saved {}

    /** Another host has that address: the address is what a list imported later updates by. */
    public record EmailTaken(String name) implements Saved {}

    public record NotFound() implements Saved {}

    /** Saves one host as staff typed it: a new one ({@code id} null) or a change to one on the roster. */
    public Saved save(String id, HostList.HostRow row) {
        if (id != null && !repository.existsById(id)) {
            return new NotFound();
        }
        var holder = repository.findByEmail(row.email());
        if (holder.isPresent() && !holder.get().id().equals(id)) {
            return new EmailTaken(holder.get().name());
        }
        Host host = repository.save(new Host(
                id == null ? UUID.randomUUID().toString() : id,
                row.name(),
                row.email(),
                row.phone(),
                row.role(),
                row.affiliation(),
                row.expertise(),
                row.availability(),
                clock.instant()));
        log.info("Host {} {}", host.id(), id == null ? "added" : "changed");
        return new Stored(host);
    }

    /** Takes a host off the roster: the next proposal has them in no team; itineraries already sent stand. */
    public boolean remove(String id) {
        if (!repository.existsById(id)) {
            return false;
        }
        repository.deleteById(id);
        log.info("Host {} removed", id);
        return true;
    }

    /**
     * Erases a host (GDPR art. 17): HostErased goes out first, written with the erasure's record, so the
     * mails to them are erased even if this stops half-way; then the visits they were on forget them, and
     * the host leaves the roster. Itineraries keep only the host's id. Empty for a host not on the roster.
     */
    public Optional<HostErasure> erase(String id) {
        Host host = repository.findById(id).orElse(null);
        if (host == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        HostErasure erasure = new HostErasure(UUID.randomUUID().toString(), id, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("erasureId", erasure.getId());
        body.put("hostId", id);
        body.put("addressKey", AddressKey.of(host.email()));
        body.put("erasedAt", now.toString());
        outbox.record(erasure, HOST_ERASED_V1, id, body);
        mongo.insert(erasure);
        inside.publishEvent(new HostErased(id, host.email()));
        repository.deleteById(id);
        log.info("Host {} erased ({})", id, erasure.getId());
        return Optional.of(erasure);
    }

    /** Another service confirmed it erased what it held of the host; told twice, the first time stands. */
    public void erasureConfirmedBy(String service, String erasureId, Instant at) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(erasureId)
                        .and("confirmations." + service)
                        .exists(false)),
                new Update().set("confirmations." + service, at),
                HostErasure.class);
    }

    /** The latest host erasures, newest first, with what the other services have confirmed. */
    public List<HostErasure> recentErasures() {
        return mongo.find(
                new Query().with(Sort.by(Sort.Direction.DESC, "erasedAt")).limit(RECENT_ERASURES), HostErasure.class);
    }

    /** What importing the list did: how many hosts were added and how many updated. */
    record Imported(int added, int updated) {}

    /**
     * Imports a list that was read without problems: a host whose address is known is updated, any
     * other added. A list with problems changes nothing ({@link HostList.Read#ok()}).
     */
    public Imported importList(HostList.Read list) {
        if (!list.ok()) {
            throw new IllegalArgumentException("A list with problems is not imported");
        }
        int added = 0;
        int updated = 0;
        for (HostList.HostRow row : list.hosts()) {
            String id = repository.findByEmail(row.email()).map(Host::id).orElse(null);
            if (id == null) {
                id = UUID.randomUUID().toString();
                added++;
            } else {
                updated++;
            }
            repository.save(new Host(
                    id,
                    row.name(),
                    row.email(),
                    row.phone(),
                    row.role(),
                    row.affiliation(),
                    row.expertise(),
                    row.availability(),
                    clock.instant()));
        }
        log.info("Host list imported: {} added, {} updated", added, updated);
        return new Imported(added, updated);
    }
}
