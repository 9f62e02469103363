package se.motesdagen.notification.mail;

import java.util.List;
import java.util.Optional;

/**
 * Every template rendered with the example of the event that asks for it, for staff to see before a
 * mail goes out to hundreds: made from the contracts' examples by their readers (inbound/).
 */
public interface TemplatePreviews {

    List<String> templates();

    /** The template as the example event would make it, in Swedish ("sv") or English ("en"). */
    Optional<MailTemplates.Rendered> render(String template, String language);
}
