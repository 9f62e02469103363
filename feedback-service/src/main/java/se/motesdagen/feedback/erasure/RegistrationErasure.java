package se.motesdagen.feedback.erasure;

import java.util.Map;
import org.springframework.stereotype.Service;
import se.motesdagen.feedback.participant.Participants;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.feedback.vote.Votes;
import se.motesdagen.platform.outbox.ErasureReceipts;

/**
 * A registration erased (GDPR): the participant is forgotten, its survey invitations and ballots no
 * longer name anyone (the answers and votes stay, anonymous), and then this service says it is done.
 */
@Service
public class RegistrationErasure {

    /** This service's confirmation that it erased what it held of a registration's people. */
    static final String REGISTRATION_ERASED_V1 = "se.motesdagen.feedback.registration-erased.v1";

    /** This service's confirmation that it erased what it held of one person of a registration. */
    static final String PERSON_ERASED_V1 = "se.motesdagen.feedback.person-erased.v1";

    private final Participants participants;
    private final Invitations invitations;
    private final Votes votes;
    private final ErasureReceipts receipts;

    RegistrationErasure(Participants participants, Invitations invitations, Votes votes, ErasureReceipts receipts) {
        this.participants = participants;
        this.invitations = invitations;
        this.votes = votes;
        this.receipts = receipts;
    }

    public void forget(String registrationId) {
        participants.erase(registrationId);
        invitations.forget(registrationId);
        votes.forget(registrationId);
        receipts.confirm(REGISTRATION_ERASED_V1, registrationId);
    }

    /**
     * One person of a registration erased while it stays: their survey invitations and ballots no longer
     * name them. When it was the contact, the participant goes as in an erasure: it is kept only to reach
     * the contact, and there is nobody left to ask.
     */
    public void forgetPerson(String erasureId, String registrationId, String addressKey, boolean contact) {
        if (contact) {
            participants.erase(registrationId);
        }
        invitations.forgetPerson(registrationId, addressKey);
        votes.forgetPerson(registrationId, addressKey);
        receipts.confirm(
                PERSON_ERASED_V1,
                erasureId,
                registrationId,
                Map.of("erasureId", erasureId, "registrationId", registrationId));
    }
}
