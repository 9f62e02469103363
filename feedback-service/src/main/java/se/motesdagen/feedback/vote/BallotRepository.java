package se.motesdagen.feedback.vote;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface BallotRepository extends MongoRepository<Ballot, String> {

    Optional<Ballot> findFirstByTokenHash(String tokenHash);

    List<Ballot> findAllByVoteId(String voteId);

    long countByVoteId(String voteId);
}
