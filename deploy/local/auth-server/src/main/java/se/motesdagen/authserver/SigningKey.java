package se.motesdagen.authserver;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.UUID;

/**
 * The key the provider signs tokens with, kept in the data folder so a restart does not sign out
 * everyone (the services would fetch the new key, but the gateway's sessions hold tokens signed by the
 * old one).
 */
final class SigningKey {

    private SigningKey() {}

    static RSAKey in(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            OwnerOnly.restrict(file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(
                    "The signing key in " + file + " cannot be used; delete it to make a new one", e);
        }
    }
}
