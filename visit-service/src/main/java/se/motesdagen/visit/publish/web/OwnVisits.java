package se.motesdagen.visit.publish.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import se.motesdagen.platform.security.StaffMember;
import se.motesdagen.visit.host.Host;
import se.motesdagen.visit.host.Hosts;
import se.motesdagen.visit.publish.Visit;

/**
 * Whose itineraries and visits the member of staff on this request may see: a planner everyone's, a
 * host (a politician or an official) only their own, known by the e-mail address the identity provider
 * gives and the host roster holds. The route matrix lets a host onto these pages; this decides the rows.
 */
@Component
class OwnVisits {

    private final Hosts hosts;

    OwnVisits(Hosts hosts) {
        this.hosts = hosts;
    }

    /** Whether the member sees every host's visits. */
    boolean seesAll() {
        return StaffMember.current().map(StaffMember::plans).orElse(false);
    }

    /** The ids of the hosts that are the member of staff; empty for a planner's question (see {@link #seesAll}). */
    Set<String> ownHostIds() {
        StaffMember member = StaffMember.current().orElseThrow();
        return hosts.all().stream()
                .filter(host -> member.isHost(host.email()))
                .map(Host::id)
                .collect(Collectors.toSet());
    }

    /** 403 unless the member sees every host or is this host. */
    void checkHost(String hostId) {
        if (!seesAll() && !ownHostIds().contains(hostId)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Another host's itinerary");
        }
    }

    /** A visit that is not there: 404 for a planner; 403 for a host, who learns nothing of others' ids. */
    ResponseStatusException missing() {
        return new ResponseStatusException(seesAll() ? HttpStatus.NOT_FOUND : HttpStatus.FORBIDDEN);
    }

    /** 403 unless the member sees every visit or makes this one. */
    void checkVisit(Visit visit) {
        if (seesAll()) {
            return;
        }
        Set<String> own = ownHostIds();
        if (visit.getHosts().stream().noneMatch(host -> own.contains(host.hostId()))) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Another host's visit");
        }
    }
}
