package se.motesdagen.visit.board;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.motesdagen.platform.metrics.StoredCount;
import se.motesdagen.platform.metrics.StoredCount.Row;
import se.motesdagen.visit.publish.Visit;
import se.motesdagen.visit.request.VisitRequest;

/**
 * What the visit store holds now, as gauges: the visit requests by state, an open request split into
 * {@code planned} (a published visit the company has not turned down) and {@code waiting} (none yet, or
 * the company asked for another time), and the published visits by state.
 */
@Configuration(proxyBeanMethods = false)
class CurrentFigures {

    @Bean
    StoredCount visitRequestsByState(MongoOperations mongo) {
        return new StoredCount("motesdagen.visit.requests.current", "Visit requests stored now, by state", () -> {
            VisitRequest.Status[] closed = Arrays.stream(VisitRequest.Status.values())
                    .filter(state -> state != VisitRequest.Status.REQUESTED)
                    .toArray(VisitRequest.Status[]::new);
            List<Row> rows = new ArrayList<>(
                    StoredCount.byState(StoredCount.countBy(mongo, VisitRequest.class, "status", closed)));
            Set<String> planned = new HashSet<>(mongo.findDistinct(
                    Query.query(Criteria.where("status").in(Visit.Status.SCHEDULED, Visit.Status.CONFIRMED)),
                    "registrationId",
                    Visit.class,
                    String.class));
            long waiting = 0;
            long plannedOpen = 0;
            for (Document open : mongo.getCollection(mongo.getCollectionName(VisitRequest.class))
                    .find(new Document("status", VisitRequest.Status.REQUESTED.name()))
                    .projection(new Document("_id", 1))) {
                if (planned.contains(open.getString("_id"))) {
                    plannedOpen++;
                } else {
                    waiting++;
                }
            }
            rows.add(Row.of(plannedOpen, "state", "planned"));
            rows.add(Row.of(waiting, "state", "waiting"));
            return rows;
        });
    }

    @Bean
    StoredCount visitsByState(MongoOperations mongo) {
        return new StoredCount(
                "motesdagen.visits.current",
                "Published visits stored now, by state",
                () -> StoredCount.byState(StoredCount.countBy(mongo, Visit.class, "status", Visit.Status.values())));
    }
}
