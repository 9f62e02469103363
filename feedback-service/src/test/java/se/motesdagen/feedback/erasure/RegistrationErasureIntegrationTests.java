package se.motesdagen.feedback.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.motesdagen.feedback.FeedbackTestBase;
import se.motesdagen.feedback.participant.Participants;
import se.motesdagen.feedback.proposal.Proposal;
import se.motesdagen.feedback.proposal.Proposals;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.platform.test.TracedPerson;

/**
 * An erased registration leaves nothing in this service that leads to its people or its company: not
 * their names, address, phone or organisationsnummer, not the company's name, and not the registration's
 * id, which the ids of its invitations and ballots were made from. The grades stay, anonymous.
 */
class RegistrationErasureIntegrationTests extends FeedbackTestBase {

    private static final String SUGGESTION = "Samla alla tillstånd för en etablering hos en kontaktperson.";

    @Autowired
    private Proposals proposals;

    @Test
    void anErasedRegistrationLeavesItsPeopleItsCompanyAndItsIdInNoDocumentOfTheService() throws Exception {
        TracedPerson person = TracedPerson.unique();
        String registrationId = UUID.randomUUID().toString();
        String visitId = UUID.randomUUID().toString();
        String company = "Spårbageriet " + registrationId.substring(0, 6) + " AB";
        String suggestion = "Ring " + person.name() + " om tillstånden";
        // every collection the registration reaches: the participant and its suggestion on the board, the
        // survey after its visit with an answer in words, a ballot, and the suggestion taken onto a vote
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            producer.send(
                    "registration.events",
                    UUID.randomUUID().toString(),
                    CONFIRMED,
                    registrationId,
                    person.into(confirmed(registrationId))
                            .replace("Nyköpings Testbageri AB", company)
                            .replace(SUGGESTION, suggestion));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "participants"));
            producer.send(
                    "visit.events",
                    UUID.randomUUID().toString(),
                    COMPLETED,
                    visitId,
                    completed(visitId, registrationId).replace("Nyköpings Testbageri AB", company));
        }
        String invitationId = "visit-" + visitId;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.exists(byId(invitationId), "invitations")
                        && mongo.findById(invitationId, Document.class, "invitations")
                                .getList("outbox", Document.class)
                                .isEmpty());
        // the answer as the survey page saves it (SurveyIntegrationTests answers through the page)
        Date submitted = Date.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        mongo.updateFirst(
                byId(invitationId),
                new Update()
                        .set("answer.ratings", new Document("nki-helhet", 6))
                        .set("answer.change", person.name() + " vill att " + company + " får svar snabbare")
                        .set("answer.hearBack", "email")
                        .set("submittedAt", submitted),
                "invitations");
        proposals.receive(
                Invitations.proposalSourceOf(invitationId),
                Proposal.Source.SURVEY,
                person.name() + " vill ha svar snabbare");
        mongo.insert(
                new Document("_id", "omrostning-spar." + registrationId)
                        .append("voteId", "omrostning-spar")
                        .append("registrationId", registrationId)
                        .append("recipientName", person.name())
                        .append("recipientEmail", person.email())
                        .append("choices", List.of()),
                "ballots");
        String fromRegistration = Participants.proposalSourceOf(registrationId);
        mongo.updateFirst(byId(fromRegistration), new Update().set("status", "SHORTLISTED"), "proposals");
        String voteId = "omrostning-spar-" + UUID.randomUUID();
        mongo.insert(
                new Document("_id", voteId)
                        .append("title", "Avslutad omröstning")
                        .append(
                                "items",
                                List.of(new Document("proposalId", fromRegistration)
                                        .append("text", suggestion)
                                        .append("area", null)))
                        .append("closedAt", submitted),
                "votes");
        assertThat(person.foundIn(mongo, company)).isNotEmpty();

        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (int delivery = 0; delivery < 2; delivery++) { // the same erasure, delivered twice
                producer.sendExample(
                        "registration.events",
                        "se.motesdagen.registration.erased.v1",
                        registrationId,
                        "0f8fad5b-d9cb-469f-a165-70867728950e",
                        registrationId);
            }
        }
        new TopicReader(bootstrapServers)
                .awaitOnlyOne("feedback.events", registrationId, "se.motesdagen.feedback.registration-erased.v1");

        // only the markers that keep a late confirmation from bringing the participant back, and a second
        // delivery from confirming twice, know the id
        try {
            assertThat(person.foundIn(mongo, company, registrationId, visitId))
                    .allMatch(found -> found.startsWith("erasedRegistrations/" + registrationId + " ")
                            || found.startsWith("erasureReceipts/" + registrationId + " "))
                    .hasSize(2);
            // the grade stays, under an id that leads nowhere
            Document moved = mongo.findOne(
                    Query.query(Criteria.where("submittedAt").is(submitted)), Document.class, "invitations");
            assertThat(moved.getString("_id")).startsWith("raderad-");
            assertThat(moved.get("answer", Document.class)
                            .get("ratings", Document.class)
                            .getInteger("nki-helhet"))
                    .isEqualTo(6);
            // the untouched proposal from the answer is gone; the shortlisted one stays, without the person's words
            assertThat(mongo.exists(byId(Invitations.proposalSourceOf(invitationId)), "proposals"))
                    .isFalse();
            Document item = mongo.findById(voteId, Document.class, "votes")
                    .getList("items", Document.class)
                    .getFirst();
            assertThat(item.getString("text")).isEqualTo(Proposals.ERASED_TEXT);
            Document shortlisted = mongo.findById(item.getString("proposalId"), Document.class, "proposals");
            assertThat(shortlisted.getString("_id")).startsWith("raderad-");
            assertThat(shortlisted.getString("status")).isEqualTo("SHORTLISTED");
            assertThat(shortlisted.getString("text")).isEqualTo(Proposals.ERASED_TEXT);
        } finally {
            // the other tests expect no vote and no shortlist of their own making
            mongo.remove(byId(voteId), "votes");
            mongo.remove(Query.query(Criteria.where("text").is(Proposals.ERASED_TEXT)), "proposals");
        }
    }
}
