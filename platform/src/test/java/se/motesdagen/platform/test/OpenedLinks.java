package se.motesdagen.platform.test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.motesdagen.platform.security.LinkSeal;

/** For tests that follow a link an event carries sealed: the body with its links opened, as the notification service opens them. */
public final class OpenedLinks {

    /** The ring every service has by default on a developer machine and in the tests. */
    public static final LinkSeal LOCAL = LinkSeal.of("local:bG9jYWwtZGV2ZWxvcG1lbnQtb25seS1ub3Qta2V5ISE=");

    private static final Pattern SEALED = Pattern.compile("seal1\\.[A-Za-z0-9-]+\\.[A-Za-z0-9_-]+");

    private OpenedLinks() {}

    /** The event body with every sealed link opened; the seal is bound to the value of {@code contextField}. */
    public static String in(String body, String contextField) {
        Matcher context = Pattern.compile("\"" + Pattern.quote(contextField) + "\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(body);
        if (!context.find()) {
            throw new IllegalArgumentException("No " + contextField + " in " + body);
        }
        return SEALED.matcher(body)
                .replaceAll(found -> Matcher.quoteReplacement(LOCAL.open(found.group(), context.group(1))));
    }
}
