package se.motesdagen.feedback.survey;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface InvitationRepository extends MongoRepository<Invitation, String> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    java.util.List<Invitation> findAllBySubmittedAtNotNull();
}
