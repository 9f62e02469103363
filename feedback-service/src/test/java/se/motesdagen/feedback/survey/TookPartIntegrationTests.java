package se.motesdagen.feedback.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.motesdagen.feedback.FeedbackTestBase;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.ContractSchemas;
import se.motesdagen.platform.test.TopicReader;

/** That a company answered goes to its timeline once the survey has closed, dated that day, and once. */
class TookPartIntegrationTests extends FeedbackTestBase {

    private static final String TOOK_PART = "se.motesdagen.feedback.took-part.v1";

    @Test
    void anAnsweredSurveyIsToldOnceAfterItClosesAndNeverWhatNorWhen(@Autowired Invitations invitations)
            throws Exception {
        String answered = UUID.randomUUID().toString();
        String silent = UUID.randomUUID().toString();
        try (CloudEventProducer producer = new CloudEventProducer(bootstrapServers)) {
            for (String id : new String[] {answered, silent}) {
                confirmParticipant(producer, id);
                producer.send(
                        "visit.events",
                        UUID.randomUUID().toString(),
                        COMPLETED,
                        UUID.randomUUID().toString(),
                        completed(UUID.randomUUID().toString(), id));
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mongo.exists(
                                    Query.query(Criteria.where("registrationId").is(answered)), "invitations")
                            && mongo.exists(
                                    Query.query(Criteria.where("registrationId").is(silent)), "invitations"));
        }
        Query ofAnswered = Query.query(Criteria.where("registrationId").is(answered));
        mongo.updateFirst(ofAnswered, new Update().set("submittedAt", new Date()), "invitations");
        Instant closesAt = mongo.findOne(ofAnswered, Document.class, "invitations")
                .getDate("closesAt")
                .toInstant();

        // while the survey is open nothing is told: the time would point at the answers just sent
        invitations.reportAnswered(closesAt.minusSeconds(60));
        assertThat(mongo.findOne(ofAnswered, Document.class, "invitations").get("tookPartReportedAt"))
                .isNull();
        invitations.reportAnswered(closesAt.plusSeconds(60));
        invitations.reportAnswered(closesAt.plusSeconds(120)); // the next round tells nothing again

        TopicReader.PublishedEvent told =
                new TopicReader(bootstrapServers).awaitOnlyOne("feedback.events", answered, TOOK_PART);
        assertThat(ContractSchemas.violations(TOOK_PART, told.body())).isEmpty();
        assertThat(told.body())
                .contains("\"what\":\"survey\"")
                .contains("\"closedOn\":\""
                        + closesAt.atZone(Invitations.STOCKHOLM).toLocalDate() + "\"")
                .doesNotContain("rating")
                .doesNotContainPattern("T\\d{2}:\\d{2}"); // a day, never a time of day
        assertThat(new TopicReader(bootstrapServers).read("feedback.events", silent))
                .noneMatch(e -> TOOK_PART.equals(e.type()));
    }
}
