package se.motesdagen.feedback.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.motesdagen.feedback.participant.Participant;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.feedback.vote.Votes;
import se.motesdagen.platform.outbox.AccessAnswers;
import se.motesdagen.platform.outbox.AccessAnswers.Held;
import se.motesdagen.platform.storage.SameAddress;

/**
 * This service's answer to an access request (GDPR art. 15): the participant as noted for later
 * surveys, the survey invitations with what was answered on them, and the ballots with what was chosen.
 */
@Service
public class FeedbackAccess {

    static final String ACCESS_ANSWERED_V1 = "se.motesdagen.feedback.access-answered.v1";

    private final MongoOperations mongo;
    private final Invitations invitations;
    private final Votes votes;
    private final AccessAnswers answers;

    FeedbackAccess(MongoOperations mongo, Invitations invitations, Votes votes, AccessAnswers answers) {
        this.mongo = mongo;
        this.invitations = invitations;
        this.votes = votes;
        this.answers = answers;
    }

    /** Answers once per request; the same request delivered again changes nothing. */
    public void answer(String requestId, String email, List<String> registrationIds) {
        List<Criteria> about = new ArrayList<>();
        about.add(Criteria.where("_id").in(registrationIds));
        if (email != null) {
            about.add(SameAddress.in("contactEmail", email));
        }
        List<Held> held = new ArrayList<>();
        for (Participant p : mongo.find(Query.query(new Criteria().orOperator(about)), Participant.class)) {
            held.add(Held.of("Deltagare (för enkäter efteråt)", p.registrationId())
                    .field("Dag", p.dayName() + (p.dayDate() == null ? "" : " (" + p.dayDate() + ")"))
                    .field("Företag", p.companyName())
                    .field("Kontaktperson", p.contactName())
                    .field("E-post", p.contactEmail())
                    .field("Antal deltagare", p.attendees())
                    .field("Bekräftad", p.confirmedAt())
                    .field("Närvarade", p.attendedAt())
                    .field("Enkät om dagen skickad", p.daySurveyAt())
                    .build());
        }
        held.addAll(invitations.heldAbout(registrationIds, email));
        held.addAll(votes.heldAbout(registrationIds, email));
        answers.answer(ACCESS_ANSWERED_V1, requestId, held);
    }
}
