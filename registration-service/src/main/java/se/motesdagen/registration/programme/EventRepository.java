package se.motesdagen.registration.programme;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface EventRepository extends MongoRepository<Event, String> {

    List<Event> findByDateGreaterThanEqualOrderByDateAsc(LocalDate from);
}
