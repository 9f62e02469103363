package se.motesdagen.authserver;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins counted per account, whichever address they come from: after {@value #ATTEMPTS} in a
 * row the account is locked for {@link #LOCKED_FOR}, and while it is, even the right password is
 * refused, with the form's usual "invalid credentials" (which tells a guesser nothing; the lock is in
 * the provider's log). A good sign-in clears the count. Kept in the data folder ({@code sign-in-failures.properties}), not in the process:
 * a restart does not reset it. Unknown names are counted the same, so the form tells nobody which
 * names exist.
 */
final class SignInLimits {

    static final int ATTEMPTS = 5;
    static final Duration LOCKED_FOR = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(SignInLimits.class);

    private final Path file;
    private final Clock clock;
    private final Properties failures = new Properties();

    private SignInLimits(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    static SignInLimits in(Path file, Clock clock) {
        SignInLimits limits = new SignInLimits(file, clock);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                limits.failures.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return limits;
    }

    /** Whether the account is locked now. */
    synchronized boolean isLocked(String username) {
        Instant until = lockedUntil(key(username));
        return until != null && clock.instant().isBefore(until);
    }

    synchronized void failed(String username) {
        String key = key(username);
        Instant until = lockedUntil(key);
        if (until != null && clock.instant().isBefore(until)) {
            return; // a locked account's attempts do not lengthen the lock
        }
        int count = until != null ? 1 : count(key) + 1; // a lock that ran out starts a new count
        if (count >= ATTEMPTS) {
            failures.setProperty(
                    key, count + "," + clock.instant().plus(LOCKED_FOR).toEpochMilli());
            log.warn("Account {} locked for {} after {} failed sign-ins", key, LOCKED_FOR, count);
        } else {
            failures.setProperty(key, String.valueOf(count));
        }
        save();
    }

    synchronized void succeeded(String username) {
        if (failures.remove(key(username)) != null) {
            save();
        }
    }

    private int count(String key) {
        String value = failures.getProperty(key);
        return value == null ? 0 : Integer.parseInt(value.split(",")[0]);
    }

    private Instant lockedUntil(String key) {
        String value = failures.getProperty(key);
        return value == null || !value.contains(",") ? null : Instant.ofEpochMilli(Long.parseLong(value.split(",")[1]));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                failures.store(out, "failed sign-ins per account: count[,locked until (epoch ms)]");
            }
            OwnerOnly.restrict(next);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
