package se.motesdagen.registration.signup;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A submission for a company that already has a confirmed registration for the day. It creates no
 * registration; the registered contact gets the manage link instead. What is kept is only what the
 * status resource needs to answer exactly as for any new submission (pending, then gone when a link
 * would have expired), so the API tells nobody that the company is registered. Nothing personal.
 */
@Document("mergedSubmissions")
record MergedSubmission(@Id String id, String dayId, Instant submittedAt, Instant expiresAt) {}
