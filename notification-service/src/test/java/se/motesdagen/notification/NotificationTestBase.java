package se.motesdagen.notification;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MultipartReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import se.motesdagen.notification.bounces.Bounces;
import se.motesdagen.notification.reminders.Reminders;
import se.motesdagen.platform.security.LinkSeal;
import se.motesdagen.platform.test.CloudEventProducer;
import se.motesdagen.platform.test.OpenedLinks;
import se.motesdagen.platform.test.StaffTokens;
import se.motesdagen.platform.test.TestInfrastructure;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification service from event to inbox, for the integration tests of each feature: real Kafka
 * consumers, the real store and an SMTP server that keeps what it receives, in one Spring context on the
 * infrastructure of the run (TestInfrastructure), with the helpers they share.
 */
@Import(StaffTokens.Decoder.class)
@SpringBootTest(properties = "motesdagen.mail.poll-interval=50ms")
@AutoConfigureMockMvc
@ExtendWith(TestInfrastructure.class)
public abstract class NotificationTestBase {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "notification");
        // the local key seals and opens as on the local stack; the visit service's key opens only its events
        registry.add("motesdagen.link-seal.keys", () -> LOCAL_KEY + "," + VISIT_KEY);
    }

    private static final String LOCAL_KEY = "local:bG9jYWwtZGV2ZWxvcG1lbnQtb25seS1ub3Qta2V5ISE=";

    private static final String VISIT_KEY = "visit/vis-test:dmlzaXQtc2VydmljZS10ZXN0LWtleS0zMi1ieXRlcyE=";

    /** What the visit service seals with, in these tests: a key that names its service. */
    protected static final LinkSeal VISIT_SEAL = LinkSeal.of(VISIT_KEY);

    protected static final String SUBMITTED = "se.motesdagen.registration.submitted.v2";

    protected static final String SUBMITTED_V1 = "se.motesdagen.registration.submitted.v1";

    protected static final String CANCELLED = "se.motesdagen.registration.cancelled.v1";

    protected static final String MANAGE_LINK = "se.motesdagen.registration.manage-link-sent.v2";

    protected static final String UPDATED = "se.motesdagen.registration.updated.v1";

    protected static final String PROMOTED = "se.motesdagen.registration.waitlist-promoted.v1";

    protected static final String CONFIRMED = "se.motesdagen.registration.confirmed.v2";

    protected static final String ERASED = "se.motesdagen.registration.erased.v1";

    protected static final String EXAMPLE_REGISTRATION = "0f8fad5b-d9cb-469f-a165-70867728950e";

    /** The local stack's ring, which the service under test reads from its application.yml. */
    protected static final LinkSeal SEAL = OpenedLinks.LOCAL;

    protected static final String VISIT_SCHEDULED = "se.motesdagen.visit.scheduled.v2";

    protected static final String VISIT_RESCHEDULED = "se.motesdagen.visit.rescheduled.v2";

    protected static final String VISIT_CANCELLED = "se.motesdagen.visit.cancelled.v1";

    protected static final String ITINERARY = "se.motesdagen.visit.itinerary-published.v1";

    protected static final String FEEDBACK_REQUESTED = "se.motesdagen.feedback.requested.v2";

    protected static final String FOLLOW_UP = "se.motesdagen.feedback.follow-up-published.v1";

    protected static final String VOTE_OPENED = "se.motesdagen.feedback.vote-opened.v2";

    protected static final GreenMail MAIL = startMailServer();

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    protected static final String BOUNCES = "bounces@nykoping.example";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected MongoTemplate mongo;

    @Autowired
    protected Reminders reminders;

    @Autowired
    protected Bounces bounces;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @DynamicPropertySource
    protected static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("motesdagen.mail.bounces.host", () -> "127.0.0.1");
        registry.add("motesdagen.mail.bounces.port", () -> MAIL.getImap().getPort());
        registry.add("motesdagen.mail.bounces.protocol", () -> "imap");
        registry.add("motesdagen.mail.bounces.username", () -> BOUNCES);
        registry.add("motesdagen.mail.bounces.password", () -> BOUNCES);
        registry.add("motesdagen.mail.bounces.poll-interval", () -> "1h"); // the tests read when they mean to
    }

    @AfterEach
    protected void emptyInboxes() throws Exception {
        MAIL.purgeEmailFromAllMailboxes();
    }

    /** A notification as a receiving mail server writes it (RFC 3464), returning the headers of our mail. */
    protected static MimeMessage deliveryStatusNotification(
            MimeMessage original, String recipient, String action, String code) throws Exception {
        DeliveryStatus status = new DeliveryStatus();
        InternetHeaders reporter = new InternetHeaders();
        reporter.addHeader("Reporting-MTA", "dns; mx.testbageri.example");
        status.setMessageDSN(reporter);
        InternetHeaders about = new InternetHeaders();
        about.addHeader("Final-Recipient", "rfc822; " + recipient);
        about.addHeader("Action", action);
        about.addHeader("Status", code);
        about.addHeader(
                "Diagnostic-Code", "smtp; 550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
        status.addRecipientDSN(about);
        InternetHeaders returned = new InternetHeaders();
        for (String name : List.of("Message-ID", "X-Motesdagen-Message-Id", "Subject")) {
            returned.addHeader(name, original.getHeader(name, null));
        }
        MimeMessage notice = new MimeMessage(Session.getInstance(new Properties()));
        notice.setFrom("MAILER-DAEMON@mx.testbageri.example");
        notice.setRecipients(Message.RecipientType.TO, BOUNCES);
        notice.setSubject(
                "failed".equals(action) ? "Undelivered Mail Returned to Sender" : "Delayed Mail (still being retried)");
        notice.setContent(new MultipartReport("The mail could not be delivered.", status, returned));
        notice.saveChanges();
        return notice;
    }

    protected double deadLettersCounted(String topic) throws Exception {
        String metrics = mvc.perform(get("/actuator/prometheus"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile(
                        "motesdagen_events_dead_letters\\{[^}]*topic=\"" + Pattern.quote(topic) + "\"[^}]*} ([0-9.]+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    /** The one mail to the address whose subject starts so: the mail server keeps no order among mails sent together. */
    protected static MimeMessage mailTo(String address, String subjectStart) {
        return inboxOf(address).stream()
                .filter(m -> subjectOf(m).startsWith(subjectStart))
                .reduce((a, b) -> {
                    throw new AssertionError("More than one mail to " + address + " starting " + subjectStart);
                })
                .orElseThrow(() -> new AssertionError("No mail to " + address + " starting " + subjectStart));
    }

    protected static String subjectOf(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String visitExample(String type, String visitId, String email) {
        return resealed(
                CloudEventProducer.example(type)
                        .replace("b7a4c2e0-5d1f-4c8e-9a63-2f0e8d1c4b57", visitId)
                        .replace("astrid@testbageri.example", email),
                "b7a4c2e0-5d1f-4c8e-9a63-2f0e8d1c4b57",
                visitId);
    }

    /**
     * The contract's example of the type, made this test's own: its registration and its contact's address,
     * and its sealed link sealed again for that registration, as the registration service would.
     */
    public static String example(String type, String registrationId, String email) {
        return resealed(
                CloudEventProducer.example(type)
                        .replace(EXAMPLE_REGISTRATION, registrationId)
                        .replace("astrid@testbageri.example", email),
                EXAMPLE_REGISTRATION,
                registrationId);
    }

    /** The example's sealed links sealed again for the id the test gave it, as its producer would have. */
    protected static String resealed(String body, String exampleId, String id) {
        return Pattern.compile("seal1\\.[A-Za-z0-9_.-]+")
                .matcher(body)
                .replaceAll(found -> Matcher.quoteReplacement(SEAL.seal(SEAL.open(found.group(), exampleId), id)));
    }

    protected static String confirmedOn(String registrationId, String email, String eventDate) {
        return example(CONFIRMED, registrationId, email)
                .replace("\"eventDate\": \"2027-08-26\"", "\"eventDate\": \"" + eventDate + "\"");
    }

    protected static String submitted(String registrationId, String email) {
        return example(SUBMITTED, registrationId, email);
    }

    protected static List<MimeMessage> inboxOf(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(RecipientType.TO))
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    protected static GreenMail startMailServer() {
        GreenMail mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        return mail;
    }
}
