package se.motesdagen.feedback;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import se.motesdagen.feedback.jobs.SurveyRounds;
import se.motesdagen.feedback.vote.Votes;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TestInfrastructure;

/**
 * The feedback service as a whole, for the integration tests of each feature: one Spring context for
 * all of them, on the infrastructure of the run (TestInfrastructure), with the helpers they share.
 */
@Import(StaffTokens.Decoder.class)
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(TestInfrastructure.class)
public abstract class FeedbackTestBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "feedback");
    }

    protected static final String CONFIRMED = "se.motesdagen.registration.confirmed.v2";

    protected static final String COMPLETED = "se.motesdagen.visit.completed.v1";

    protected static final String ATTENDED = "se.motesdagen.registration.attendance-recorded.v1";

    @Autowired
    protected SurveyRounds rounds;

    @Autowired
    protected Votes votes;

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MongoTemplate mongo;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    /** Staff publish a follow-up report; its id. */
    protected String publishReport(String title, String summary) throws Exception {
        mvc.perform(post("/personal/rapporter")
                        .param("title", title)
                        .param("summary", summary)
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(flash().attribute("message", "report.published"));
        return mongo.findOne(Query.query(Criteria.where("title").is(title)), Document.class, "reports")
                .getString("_id");
    }

    /** Staff open a vote on the shortlist as the form sends it. */
    protected ResultActions openVote(String title, String votesEach, String lastDay) throws Exception {
        return mvc.perform(post("/personal/omrostning")
                .param("title", title)
                .param("votesEach", votesEach)
                .param("lastDay", lastDay)
                .with(csrf())
                .with(StaffTokens.as(StaffRole.ADMIN)));
    }

    /** A registration confirmed on Kafka, and its participant there before the test goes on. */
    protected void confirmParticipant(CloudEventProducer producer, String registrationId) {
        producer.send(
                "registration.events",
                UUID.randomUUID().toString(),
                CONFIRMED,
                registrationId,
                confirmed(registrationId));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(byId(registrationId), "participants"));
    }

    protected static String completed(String visitId, String registrationId) {
        return CloudEventProducer.example(COMPLETED)
                .replace("b7a4c2e0-5d1f-4c8e-9a63-2f0e8d1c4b57", visitId)
                .replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId);
    }

    protected static String confirmed(String registrationId) {
        return CloudEventProducer.example(CONFIRMED).replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId);
    }

    protected static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
