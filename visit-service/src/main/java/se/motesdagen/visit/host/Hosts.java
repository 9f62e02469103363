package se.motesdagen.visit.host;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The host roster: read from staff's list, one host per e-mail address. */
@Service
public class Hosts {

    private static final Logger log = LoggerFactory.getLogger(Hosts.class);

    private final HostRepository repository;
    private final Clock clock;

    Hosts(HostRepository repository, Clock clock) {
        this.repository = repository;
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
