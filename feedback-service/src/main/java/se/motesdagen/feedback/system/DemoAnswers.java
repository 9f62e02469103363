package se.motesdagen.feedback.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import se.motesdagen.feedback.proposal.Proposal;
import se.motesdagen.feedback.proposal.Proposals;
import se.motesdagen.feedback.survey.Invitation;
import se.motesdagen.feedback.survey.InvitationRepository;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.feedback.survey.Questionnaire;
import se.motesdagen.feedback.survey.SurveySettings;

/**
 * Two earlier years of invented survey answers for the local stack (after the day in 2025 and 2026, and
 * after the company visits), so the dashboard has figures, a trend and a group too small to show before
 * anyone has answered anything. The companies are fictional, nobody is named, no mail goes out, and
 * fixed ids and a fixed seed make a second start a no-op.
 */
@Component
@ConditionalOnProperty(name = "motesdagen.seed-demo-answers", havingValue = "true")
public class DemoAnswers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAnswers.class);

    /** One batch of invitations: what it was about, how many were asked and how many answered. */
    record Batch(String kind, String title, LocalDate date, int invited, int answered) {}

    static final List<Batch> BATCHES = List.of(
            new Batch("day", "Stora Mötesdagen 2025", LocalDate.of(2025, 8, 28), 34, 22),
            new Batch("visit", "företagsbesöken 2025", LocalDate.of(2025, 9, 10), 6, 4),
            new Batch("day", "Stora Mötesdagen 2026", LocalDate.of(2026, 8, 27), 38, 26),
            new Batch("visit", "företagsbesöken 2026", LocalDate.of(2026, 9, 9), 10, 8));

    static final List<String> COMPANIES = List.of(
            "Exempelbageriet i Nyköping AB",
            "Testsnickeriet Stigtomta HB",
            "Påhittade Åkeriet AB",
            "Demokonsult Oxelösund AB",
            "Fiktiva Frisörsalongen",
            "Provverkstaden Jönåker AB");

    /** What the invented visits were mostly about. */
    static final List<String> AREAS = List.of("bygglov", "miljo-och-halsoskydd", "livsmedelskontroll");

    static final List<String> WORDS = List.of(
            "Kortare handläggningstid för bygglov, och besked om hur lång tid det tar.",
            "En väg in till kommunen för företag: en kontaktperson som följer ärendet.",
            "Fler lokala leverantörer i upphandlingarna, till exempel genom mindre delar.",
            "Tydligare information om vad som krävs för serveringstillstånd.",
            "Bättre parkering för leveranser i centrum.",
            "Samla tillstånden för en etablering hos en handläggare.",
            "Svara på mejl inom några dagar, även när svaret är att det tar tid.",
            "Träffas oftare, inte bara en gång om året.");

    private final InvitationRepository invitations;
    private final Proposals proposals;
    private final SurveySettings settings;

    DemoAnswers(InvitationRepository invitations, Proposals proposals, SurveySettings settings) {
        this.invitations = invitations;
        this.proposals = proposals;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (invitations.existsById(id(BATCHES.getFirst(), 0))) {
            return;
        }
        Random random = new Random(2025);
        Questionnaire questionnaire = settings.questionnaire();
        int seeded = 0;
        int words = 0;
        for (Batch batch : BATCHES) {
            Instant asked = batch.date().plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
            for (int n = 0; n < batch.invited(); n++) {
                Invitation invitation = new Invitation(
                        id(batch, n),
                        batch.kind(),
                        null,
                        null,
                        null,
                        null,
                        "sv",
                        COMPANIES.get(random.nextInt(COMPANIES.size())),
                        batch.title(),
                        batch.date(),
                        null,
                        asked,
                        asked.plus(settings.open()));
                if (n < batch.answered()) {
                    String change = random.nextInt(3) == 0 ? WORDS.get(words++ % WORDS.size()) : null;
                    invitation.submit(
                            new Invitation.Answer(
                                    ratings(questionnaire, random),
                                    change,
                                    "email",
                                    false,
                                    batch.kind().equals("visit") ? AREAS.get(random.nextInt(AREAS.size())) : null),
                            asked.plusSeconds(3600L * (1 + random.nextInt(200))));
                    proposals.receive(Invitations.proposalSourceOf(invitation.getId()), Proposal.Source.SURVEY, change);
                }
                try {
                    invitations.insert(invitation);
                    seeded++;
                } catch (DuplicateKeyException anotherInstanceSeeded) {
                    return;
                }
            }
        }
        log.info("Seeded {} invented survey invitations for the dashboard", seeded);
    }

    /** A respondent with a general mood, each answer near it; now and then "don't know" on a factor. */
    private static Map<String, Integer> ratings(Questionnaire questionnaire, Random random) {
        int lowest = questionnaire.scale().lowest();
        int highest = questionnaire.scale().highest();
        int mood = Math.max(lowest, highest - 3 + random.nextInt(4));
        Map<String, Integer> ratings = new LinkedHashMap<>();
        for (String question : questionnaire.rated()) {
            boolean factor = questionnaire.factors().contains(question);
            if (factor && random.nextInt(12) == 0) {
                ratings.put(question, null);
                continue;
            }
            int step = mood + random.nextInt(3) - 1;
            ratings.put(question, Math.clamp(step, lowest, highest));
        }
        return ratings;
    }

    private static String id(Batch batch, int n) {
        return "demo-" + batch.kind() + "-" + batch.date().getYear() + "-" + n;
    }
}
