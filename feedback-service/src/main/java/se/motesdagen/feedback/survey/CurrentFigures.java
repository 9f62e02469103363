package se.motesdagen.feedback.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.platform.metrics.StoredCount;
import se.motesdagen.platform.metrics.StoredCount.Row;

/** The survey invitations stored now, per kind, answered or not, as a gauge (the answer rate at a glance). */
@Configuration(proxyBeanMethods = false)
class CurrentFigures {

    @Bean
    StoredCount invitationsByAnswer(MongoOperations mongo) {
        return new StoredCount(
                "motesdagen.feedback.invitations.current", "Survey invitations stored now, answered or not", () -> {
                    List<Row> rows = new ArrayList<>();
                    Set<String> kinds = new TreeSet<>(List.of("day", "visit")); // zeros before the first survey
                    kinds.addAll(mongo.findDistinct(new Query(), "kind", Invitation.class, String.class));
                    for (String kind : kinds) {
                        long all =
                                mongo.count(Query.query(Criteria.where("kind").is(kind)), Invitation.class);
                        long answered = mongo.count(
                                Query.query(Criteria.where("kind")
                                        .is(kind)
                                        .and("submittedAt")
                                        .ne(null)),
                                Invitation.class);
                        rows.add(Row.of(answered, "kind", kind, "state", "answered"));
                        rows.add(Row.of(all - answered, "kind", kind, "state", "unanswered"));
                    }
                    return rows;
                });
    }
}
