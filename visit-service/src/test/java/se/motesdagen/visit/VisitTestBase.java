package se.motesdagen.visit;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import se.motesdagen.platform.security.StaffRole;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TestInfrastructure;
import se.motesdagen.platform.test.TopicReader;
import se.motesdagen.visit.board.PlanningBoard;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The visit service as a whole, for the integration tests of each feature: one Spring context for all
 * of them, on the infrastructure of the run (TestInfrastructure), with the helpers they share.
 */
@Import(StaffTokens.Decoder.class)
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(TestInfrastructure.class)
public abstract class VisitTestBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "visit");
    }

    protected static final String CONFIRMED = "se.motesdagen.registration.confirmed.v2";

    protected static final String UPDATED = "se.motesdagen.registration.updated.v1";

    protected static final String CANCELLED = "se.motesdagen.registration.cancelled.v1";

    protected static final String ERASED = "se.motesdagen.registration.erased.v1";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected PlanningBoard board;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    protected static List<TopicReader.PublishedEvent> completedOf(TopicReader topic, String visitId) {
        return topic.read("visit.events", visitId::equals).stream()
                .filter(e -> e.type().equals("se.motesdagen.visit.completed.v1"))
                .toList();
    }

    /** Staff let the solver propose the day, and the proposal is on the board when this returns. */
    protected void solve(String day) throws Exception {
        mvc.perform(post("/personal/planering/los")
                        .param("dag", day)
                        .with(csrf())
                        .with(StaffTokens.as(StaffRole.ADMIN)))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> board.snapshot().state() == PlanningBoard.State.DONE
                        && LocalDate.parse(day).equals(board.snapshot().day()));
    }

    /** Staff publish the plan on the board for the day. */
    protected ResultActions publish(String day) throws Exception {
        return mvc.perform(post("/personal/planering/publicera")
                .param("dag", day)
                .with(csrf())
                .with(StaffTokens.as(StaffRole.ADMIN)));
    }

    /** Staff import a host list, as the roster page's form sends it. */
    protected ResultActions importHosts(String csv) throws Exception {
        return mvc.perform(multipart("/personal/vardar/import")
                .file(new MockMultipartFile("fil", "vardar.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(csrf())
                .with(StaffTokens.as(StaffRole.ADMIN)));
    }

    /** The example's confirmation with its window moved to the whole working day of {@code day}. */
    protected static String confirmedOn(String registrationId, String day) {
        return confirmed(registrationId)
                .replace("2027-08-26T08:00:00+02:00", day + "T09:00:00+02:00")
                .replace("2027-08-26T12:00:00+02:00", day + "T17:00:00+02:00");
    }

    /** The example's change of a registration, with the visit wish given (null: none) and the time it was made. */
    protected static String updated(String registrationId, String visitRequest, String at) {
        return CloudEventProducer.example(UPDATED)
                .replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId)
                .replace("\"visitRequest\": null", "\"visitRequest\": " + visitRequest)
                .replace("2027-06-20T09:00:00Z", at);
    }

    /** The same confirmation, without a visit wish (as JSON, so the rest stays as it was). */
    protected static String withoutVisitWish(String confirmation) {
        var json = JsonMapper.builder().build();
        var body = (ObjectNode) json.readTree(confirmation);
        body.putNull("visitRequest");
        return json.writeValueAsString(body);
    }

    protected static String confirmed(String registrationId) {
        return CloudEventProducer.example(CONFIRMED).replace("0f8fad5b-d9cb-469f-a165-70867728950e", registrationId);
    }

    protected static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
