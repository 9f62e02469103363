package se.motesdagen.registration.signup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import se.motesdagen.registration.programme.Day;

/** The links a registration's contact gets in mails: the confirm link and the manage link. */
@Component
public class ManageLinks {

    private final Clock clock;
    private final String publicBaseUrl;

    ManageLinks(Clock clock, @Value("${motesdagen.public-base-url}") String publicBaseUrl) {
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    /** A new manage link's secret: it works until the day is over (Stockholm time). */
    public ConfirmationToken issueManageToken(Day day) {
        Instant now = clock.instant();
        Instant end = day.date().plusDays(1).atStartOfDay(Day.ZONE).toInstant();
        Duration left = Duration.between(now, end);
        return ConfirmationToken.issue(now, left.isNegative() ? Duration.ZERO : left);
    }

    public String manageUrl(ConfirmationToken token) {
        return url("/anmalan/hantera", token);
    }

    public String confirmationUrl(ConfirmationToken token) {
        return url("/anmalan/bekrafta", token);
    }

    private String url(String path, ConfirmationToken token) {
        return UriComponentsBuilder.fromUriString(publicBaseUrl)
                .path(path)
                .queryParam("token", token.value())
                .build()
                .toUriString();
    }
}
