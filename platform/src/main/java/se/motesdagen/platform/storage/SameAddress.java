package se.motesdagen.platform.storage;

import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;

/** Finding an e-mail address as people mean it: the same address whatever its case. */
public final class SameAddress {

    private SameAddress() {}

    /** The documents whose {@code field} holds {@code email}, in any case (never a pattern of it). */
    public static Criteria in(String field, String email) {
        return Criteria.where(field).regex("^" + Pattern.quote(email.strip()) + "$", "i");
    }
}
