package se.motesdagen.visit.request;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface VisitRequestRepository extends MongoRepository<VisitRequest, String> {

    List<VisitRequest> findAllByOrderByRequestedAtDesc();

    List<VisitRequest> findAllByStatusOrderByRequestedAtDesc(VisitRequest.Status status);
}
