package se.motesdagen.visit.publish;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface VisitRepository extends MongoRepository<Visit, String> {

    Optional<Visit> findByTokenHash(String tokenHash);

    List<Visit> findAllByDay(LocalDate day);

    List<Visit> findAllByDayAndStatusNotOrderByStartsAtAsc(LocalDate day, Visit.Status status);

    List<Visit> findAllByStatusOrderByAnsweredAtDesc(Visit.Status status);

    /** The visits a host is on. */
    List<Visit> findByHostsHostId(String hostId);
}
