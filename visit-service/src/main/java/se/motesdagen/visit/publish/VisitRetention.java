package se.motesdagen.visit.publish;

import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The retention period (the gallringsbeslut) for visits: a visit whose day is older no longer names the
 * company's contact, as an erasure leaves it, also a visit added by hand that no registration's erasure
 * would ever reach. Time, company, hosts and the report stay for the follow-up.
 */
@Service
public class VisitRetention {

    private static final Logger log = LoggerFactory.getLogger(VisitRetention.class);

    private final MongoOperations mongo;

    VisitRetention(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Forgets the people of every visit on a day before {@code cutoff}; returns how many visits. */
    public int forgetBefore(LocalDate cutoff) {
        int forgotten = 0;
        Query old = Query.query(Criteria.where("day")
                .lt(cutoff)
                .orOperator(
                        Criteria.where("contactName").ne(null),
                        Criteria.where("contactEmail").ne(null),
                        Criteria.where("contactPhone").ne(null)));
        for (Visit visit : mongo.find(old, Visit.class)) {
            visit.forgetPeople();
            try {
                mongo.save(visit);
                forgotten++;
            } catch (OptimisticLockingFailureException changedMeanwhile) {
                // changed by someone at this very moment: the next night's round takes it
            }
        }
        log.info("Retention: the people of {} visits before {} forgotten", forgotten, cutoff);
        return forgotten;
    }
}
