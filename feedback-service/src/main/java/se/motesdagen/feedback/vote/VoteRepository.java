package se.motesdagen.feedback.vote;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface VoteRepository extends MongoRepository<Vote, String> {

    List<Vote> findAllByOrderByRoundDesc();
}
