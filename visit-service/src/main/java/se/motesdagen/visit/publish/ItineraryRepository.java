package se.motesdagen.visit.publish;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ItineraryRepository extends MongoRepository<Itinerary, String> {

    List<Itinerary> findAllByDay(LocalDate day);
}
