package se.motesdagen.feedback.participant;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Notes the companies that take part, for the surveys and follow-up reports that come later. */
@Service
class Participants {

    private static final Logger log = LoggerFactory.getLogger(Participants.class);

    private final ParticipantRepository participants;
    private final MeterRegistry meters;

    Participants(ParticipantRepository participants, MeterRegistry meters) {
        this.participants = participants;
        this.meters = meters;
    }

    void record(RegistrationConfirmed confirmed, String sourceMessageId) {
        if (participants.existsById(confirmed.registrationId())) {
            return;
        }
        try {
            participants.insert(new Participant(
                    confirmed.registrationId(),
                    confirmed.eventId(),
                    confirmed.eventName(),
                    confirmed.company().name(),
                    confirmed.contact().name(),
                    confirmed.contact().email(),
                    confirmed.attendees(),
                    confirmed.language(),
                    confirmed.confirmedAt(),
                    sourceMessageId));
            log.info("Participant recorded for registration {}", confirmed.registrationId());
            meters.counter("motesdagen.feedback.participants.recorded", "event", confirmed.eventId())
                    .increment();
        } catch (DuplicateKeyException concurrentDuplicate) {
            // the other delivery won; one participant is what we want
        }
    }
}
