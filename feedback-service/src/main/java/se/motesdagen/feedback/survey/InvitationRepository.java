package se.motesdagen.feedback.survey;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface InvitationRepository extends MongoRepository<Invitation, String> {

    Optional<Invitation> findFirstByTokenHashOrMoreTokenHashes(String tokenHash, String reminderTokenHash);

    java.util.List<Invitation> findAllBySubmittedAtIsNullAndRoundLessThanAndClosesAtAfter(
            int round, java.time.Instant now);

    java.util.List<Invitation> findAllBySubmittedAtNotNull();
}
