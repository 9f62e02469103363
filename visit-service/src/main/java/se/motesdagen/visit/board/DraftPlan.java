package se.motesdagen.visit.board;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The plan on the board for one day, as staff left it: each team by its hosts (its name on the board
 * may change when hosts do), whether it is locked, and its visits in order; the visits pinned. Kept so
 * that a restart, or a second instance of the service, shows the same board; the times are worked out
 * again from the requests when it is read.
 */
@Document("draftPlans")
record DraftPlan(@Id String day, List<DraftTeam> teams, List<String> pinnedVisits, Instant savedAt) {

    record DraftTeam(List<String> hostIds, boolean locked, List<String> visitIds) {}
}
