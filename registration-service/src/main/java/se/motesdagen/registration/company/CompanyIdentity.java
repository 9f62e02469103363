package se.motesdagen.registration.company;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that makes "one registration per company and day" hold: the organisationsnummer itself, or
 * for a sole trader an HMAC of the owner's personnummer. A keyed hash, because personnummer are few
 * enough to guess through a plain one; the secret lives outside the database.
 */
@Component
public class CompanyIdentity {

    private final SecretKeySpec key;

    CompanyIdentity(@Value("${motesdagen.registration.identity-secret}") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(OrganisationNumber organisationNumber) {
        return "org:" + organisationNumber.value();
    }

    public String of(PersonalIdentityNumber personnummer) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return "pnr:"
                    + HexFormat.of().formatHex(mac.doFinal(personnummer.digits().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
