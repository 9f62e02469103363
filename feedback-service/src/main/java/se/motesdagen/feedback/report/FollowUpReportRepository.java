package se.motesdagen.feedback.report;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface FollowUpReportRepository extends MongoRepository<FollowUpReport, String> {

    List<FollowUpReport> findAllByOrderByEditionDesc();
}
