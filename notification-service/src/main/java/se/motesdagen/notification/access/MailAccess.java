package se.motesdagen.notification.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.motesdagen.notification.mail.OutgoingMessage;
import se.motesdagen.notification.unsubscribe.Unsubscribes;
import se.motesdagen.platform.outbox.AccessAnswers;
import se.motesdagen.platform.outbox.AccessAnswers.Held;
import se.motesdagen.platform.storage.SameAddress;

/**
 * This service's answer to an access request (GDPR art. 15): every mail about the registrations found
 * or to the e-mail address, newest first, and whether the address asked not to be sent reminders. The
 * text of the newest mails is in it as sent; for the older ones their subject, kind and outcome (an
 * answer event stays well under the broker's message size however long the history).
 */
@Service
public class MailAccess {

    static final String ACCESS_ANSWERED_V1 = "se.motesdagen.notification.access-answered.v1";
    /** How many of the newest mails are given with their text. */
    static final int WITH_TEXT = 20;

    private static final int TEXT_LIMIT = 5_000;
    private static final int MAILS = 1_000;

    private final MongoOperations mongo;
    private final Unsubscribes unsubscribes;
    private final AccessAnswers answers;

    MailAccess(MongoOperations mongo, Unsubscribes unsubscribes, AccessAnswers answers) {
        this.mongo = mongo;
        this.unsubscribes = unsubscribes;
        this.answers = answers;
    }

    /** Answers once per request; the same request delivered again changes nothing. */
    public void answer(String requestId, String email, List<String> registrationIds) {
        List<Criteria> about = new ArrayList<>();
        about.add(Criteria.where("registrationId").in(registrationIds));
        if (email != null) {
            about.add(SameAddress.in("recipient", email));
        }
        Query mails = Query.query(new Criteria().orOperator(about))
                .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                .limit(MAILS);
        List<Held> held = new ArrayList<>();
        for (OutgoingMessage mail : mongo.find(mails, OutgoingMessage.class)) {
            held.add(of(mail, held.size() < WITH_TEXT));
        }
        if (email != null) {
            unsubscribes
                    .unsubscribedAt(email)
                    .ifPresent(at -> held.add(Held.of("Avregistrering från påminnelser", null)
                            .field("E-post", email)
                            .field("Avregistrerad", at)
                            .build()));
        }
        answers.answer(ACCESS_ANSWERED_V1, requestId, held);
    }

    private static Held of(OutgoingMessage mail, boolean withText) {
        return Held.of("E-postmeddelande", mail.getId())
                .field("Mottagare", mail.getRecipient())
                .field("Ämne", mail.getSubject())
                .field("Slag", mail.getTemplate())
                .field("Skapat", mail.getCreatedAt())
                .field("Skickat", mail.getSentAt())
                .field(
                        "Status",
                        switch (mail.getStatus()) {
                            case PENDING, SENDING -> "väntar på att skickas";
                            case SENT -> "skickat";
                            case FAILED -> "kunde inte skickas";
                            case SUPPRESSED -> "inte skickat";
                            case BOUNCED -> "kom tillbaka";
                        })
                .field("Skäl till nytt utskick", mail.getResendReason())
                .field("Text", withText ? text(mail.getBody()) : null)
                .build();
    }

    private static String text(String body) {
        return body == null || body.length() <= TEXT_LIMIT ? body : body.substring(0, TEXT_LIMIT) + " […]";
    }
}
