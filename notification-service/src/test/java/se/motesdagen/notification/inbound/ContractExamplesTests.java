package se.motesdagen.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import se.motesdagen.platform.messaging.IncomingEvent;
import se.motesdagen.platform.messaging.IncomingEvents;
import se.motesdagen.platform.messaging.InvalidEventException;
import se.motesdagen.platform.messaging.TransientRetry;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.OpenedLinks;
import tools.jackson.databind.json.JsonMapper;

/** The consumer side of the contracts: the committed examples pass validation and map onto our records. */
class ContractExamplesTests {

    private final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
    private final IncomingEvents incoming =
            new IncomingEvents(json, new TransientRetry(Duration.ofMillis(1), Duration.ofMillis(1)));

    @Test
    void theSubmittedExampleReadsIntoOurRecord() {
        IncomingEvent event = read(RegistrationContract.SUBMITTED_V1).orElseThrow();
        var submitted = json.treeToValue(event.data(), RegistrationContract.Submitted.class);

        assertThat(submitted.contact().email()).isEqualTo("astrid@testbageri.example");
        assertThat(submitted.confirmationUrl()).startsWith("http://localhost:8080/anmalan/bekrafta?token=");
        assertThat(submitted.eventDate()).hasToString("2027-08-26");
    }

    @Test
    void theV2ExamplesOpenTheirSealedLinkIntoTheFieldTheLettersRead() {
        var links = new SealedLinks(OpenedLinks.LOCAL, json);
        var read = new ArrayList<Object>();

        links.opening(
                        "confirmationLink",
                        "confirmationUrl",
                        RegistrationContract.Submitted.class,
                        (e, r) -> read.add(r))
                .accept(
                        read(RegistrationContract.SUBMITTED_V2).orElseThrow(),
                        read(RegistrationContract.SUBMITTED_V2).orElseThrow().data());
        IncomingEvent confirmed = read(RegistrationContract.CONFIRMED_V2).orElseThrow();
        links.opening("manageLink", "manageUrl", RegistrationContract.Confirmed.class, (e, r) -> read.add(r))
                .accept(confirmed, confirmed.data());
        IncomingEvent sent = read(RegistrationContract.MANAGE_LINK_SENT_V2).orElseThrow();
        links.opening("manageLink", "manageUrl", RegistrationContract.ManageLinkSent.class, (e, r) -> read.add(r))
                .accept(sent, sent.data());

        assertThat(((RegistrationContract.Submitted) read.get(0)).confirmationUrl())
                .isEqualTo("http://localhost:8080/anmalan/bekrafta?token=q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c");
        assertThat(((RegistrationContract.Confirmed) read.get(1)).manageUrl())
                .isEqualTo("http://localhost:8080/anmalan/hantera?token=Q2hhbmdlT3JDYW5jZWxUaGlzUmVnaXN0cmF0aW9uMDE");
        assertThat(((RegistrationContract.ManageLinkSent) read.get(2)).manageUrl())
                .isEqualTo("http://localhost:8080/anmalan/hantera?token=Tnlla0xhbmtGb3JEZW5SZWdpc3RyZXJhZGVLb250YWt0");
        // under another ring (a key that left it) the event can never be mailed: a dead letter, not a retry
        var otherRing = new SealedLinks(LinkSeal.of("other:" + "b".repeat(43) + "="), json);
        assertThatThrownBy(() -> otherRing
                        .opening("manageLink", "manageUrl", RegistrationContract.Confirmed.class, (e, r) -> {})
                        .accept(confirmed, confirmed.data()))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageNotContaining("token");
    }

    @Test
    void theConfirmedExampleReadsIntoOurRecord() {
        IncomingEvent event = read(RegistrationContract.CONFIRMED_V1).orElseThrow();
        var confirmed = json.treeToValue(event.data(), RegistrationContract.Confirmed.class);

        assertThat(confirmed.sessions())
                .singleElement()
                .satisfies(s -> assertThat(s.title()).isEqualTo("Kompetensförsörjning"));
        assertThat(confirmed.visitRequest().address()).isEqualTo("Bagargatan 3, Nyköping");
        assertThat(confirmed.places())
                .filteredOn(RegistrationContract.Place::waiting)
                .singleElement()
                .satisfies(p -> assertThat(p.waitingPosition()).isEqualTo(3));
    }

    @Test
    void theUpdatedExampleReadsIntoTheConfirmedRecordItMirrors() {
        IncomingEvent event = read(RegistrationContract.UPDATED_V1).orElseThrow();
        var updated = json.treeToValue(event.data(), RegistrationContract.Confirmed.class);

        assertThat(updated.visitRequest()).isNull();
        assertThat(updated.nameOf("2")).isEqualTo("Per Persson");
        assertThat(updated.manageUrl()).isNull();
    }

    @Test
    void theCancelledExampleReadsIntoOurRecord() {
        IncomingEvent event = read(RegistrationContract.CANCELLED_V1).orElseThrow();
        var cancelled = json.treeToValue(event.data(), RegistrationContract.Cancelled.class);

        assertThat(cancelled.companyName()).isEqualTo("Nyköpings Testbageri AB");
        assertThat(cancelled.contact().email()).isEqualTo("astrid@testbageri.example");
    }

    @Test
    void theWaitlistPromotedExampleReadsIntoOurRecord() {
        IncomingEvent event = read(RegistrationContract.WAITLIST_PROMOTED_V1).orElseThrow();
        var promoted = json.treeToValue(event.data(), RegistrationContract.WaitlistPromoted.class);

        assertThat(promoted.session().room()).isEqualTo("Sal A");
        assertThat(promoted.contact().email()).isEqualTo("astrid@testbageri.example");
        assertThat(promoted.attendeeId()).isEqualTo("2");
    }

    @Test
    void theVisitExamplesReadIntoTheOneVisitRecordEachFillingItsOwnFields() {
        var scheduled =
                json.treeToValue(read(VisitContract.SCHEDULED_V1).orElseThrow().data(), VisitContract.Visit.class);
        var rescheduled = json.treeToValue(
                read(VisitContract.RESCHEDULED_V1).orElseThrow().data(), VisitContract.Visit.class);
        var cancelled =
                json.treeToValue(read(VisitContract.CANCELLED_V1).orElseThrow().data(), VisitContract.Visit.class);

        assertThat(scheduled.hosts()).extracting(VisitContract.Host::role).containsExactly("politician", "official");
        assertThat(scheduled.changedAt()).isEqualTo(scheduled.scheduledAt());
        assertThat(rescheduled.previousStartsAt()).isBefore(rescheduled.startsAt());
        assertThat(rescheduled.changedAt()).isAfter(scheduled.changedAt());
        assertThat(cancelled.confirmUrl()).isNull();
        assertThat(cancelled.changedAt()).isAfter(rescheduled.changedAt());
    }

    @Test
    void theItineraryExampleReadsIntoOurRecordWithItsStopsInOrder() {
        var itinerary = json.treeToValue(
                read(VisitContract.ITINERARY_PUBLISHED_V1).orElseThrow().data(), VisitContract.Itinerary.class);

        assertThat(itinerary.host().email()).isEqualTo("olof.exempel@nykoping.example");
        assertThat(itinerary.stops()).extracting(VisitContract.Stop::visit).containsExactly(false, true, false, true);
        assertThat(itinerary.stops().get(3).contact().phone()).isNull();
    }

    @Test
    void theFeedbackExamplesReadIntoOurRecords() {
        var requested = json.treeToValue(
                read(FeedbackContract.REQUESTED_V1).orElseThrow().data(), FeedbackContract.Requested.class);
        var report = json.treeToValue(
                read(FeedbackContract.FOLLOW_UP_PUBLISHED_V1).orElseThrow().data(), FeedbackContract.FollowUp.class);

        assertThat(requested.round()).isZero();
        assertThat(requested.surveyUrl()).contains("token=");
        assertThat(report.recipients())
                .extracting(FeedbackContract.Participant::language)
                .containsExactly("sv", "en");
        assertThat(report.actions()).extracting(FeedbackContract.Action::status).contains("in-progress", "done");

        var ballot = json.treeToValue(
                read(FeedbackContract.VOTE_OPENED_V1).orElseThrow().data(), FeedbackContract.VoteOpened.class);
        assertThat(ballot.proposals()).hasSize(3);
        assertThat(ballot.votesEach()).isEqualTo(2);
        assertThat(ballot.voteUrl()).contains("token=");
    }

    @Test
    void anotherTypeIsSkippedNotRejected() {
        Message<byte[]> message = message("se.motesdagen.registration.erased.v1", "{}");

        assertThat(incoming.read(message, RegistrationContract.SUBMITTED_V1)).isEmpty();
    }

    @Test
    void aBodyThatBreaksTheContractIsRejected() {
        String broken =
                CloudEventProducer.example(RegistrationContract.SUBMITTED_V1).replace("\"confirmationUrl\"", "\"x\"");

        assertThatThrownBy(() -> incoming.read(
                        message(RegistrationContract.SUBMITTED_V1, broken), RegistrationContract.SUBMITTED_V1))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("confirmationUrl");
        assertThatThrownBy(() -> incoming.read(
                        message(RegistrationContract.SUBMITTED_V1, "not json"), RegistrationContract.SUBMITTED_V1))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void aMessageThatIsNotACloudEventIsRejected() {
        Message<byte[]> withoutType = MessageBuilder.withPayload("{}".getBytes(StandardCharsets.UTF_8))
                .build();

        assertThatThrownBy(() -> incoming.read(withoutType, RegistrationContract.SUBMITTED_V1))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("ce_type");
    }

    private Optional<IncomingEvent> read(String type) {
        return incoming.read(message(type, CloudEventProducer.example(type)), type);
    }

    private static Message<byte[]> message(String type, String body) {
        return MessageBuilder.withPayload(body.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce_type", type.getBytes(StandardCharsets.UTF_8))
                .setHeader("ce-id", "e-1")
                .build();
    }
}
