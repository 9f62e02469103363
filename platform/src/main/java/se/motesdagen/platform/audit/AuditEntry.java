package se.motesdagen.platform.audit;

import java.time.Instant;
import java.util.List;

/**
 * One line of the audit log: nothing of the record but its id, and of the member of staff only the
 * identity provider's subject and their roles.
 *
 * @param at when it was done
 * @param subject who, as the identity provider names them ({@code sub})
 * @param roles the roles they had then
 * @param action what, {@code registration.viewed}
 * @param record which record, or empty
 * @param client from where: the client address (the gateway's forwarded one, from trusted proxies only)
 */
public record AuditEntry(Instant at, String subject, List<String> roles, String action, String record, String client) {}
