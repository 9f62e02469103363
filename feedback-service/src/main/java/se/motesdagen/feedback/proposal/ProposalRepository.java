package se.motesdagen.feedback.proposal;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ProposalRepository extends MongoRepository<Proposal, String> {

    List<Proposal> findAllByOrderByCreatedAtDesc();
}
