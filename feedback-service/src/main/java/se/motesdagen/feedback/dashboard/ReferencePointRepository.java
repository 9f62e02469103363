package se.motesdagen.feedback.dashboard;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ReferencePointRepository extends MongoRepository<ReferencePoint, String> {

    List<ReferencePoint> findAllByOrderBySourceAscYearAsc();
}
