package se.motesdagen.feedback.survey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface InvitationRepository extends MongoRepository<Invitation, String> {

    Optional<Invitation> findFirstByTokenHashOrMoreTokenHashes(String tokenHash, String reminderTokenHash);

    List<Invitation> findAllBySubmittedAtIsNullAndRoundLessThanAndClosesAtAfter(int round, Instant now);

    List<Invitation> findAllBySubmittedAtNotNull();
}
