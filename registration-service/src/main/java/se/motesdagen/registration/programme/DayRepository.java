package se.motesdagen.registration.programme;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface DayRepository extends MongoRepository<Day, String> {

    List<Day> findByDateGreaterThanEqualOrderByDateAsc(LocalDate from);

    List<Day> findByDateLessThan(LocalDate before);
}
