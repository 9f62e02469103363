package se.motesdagen.authserver;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The invented staff of the local stack, one per role and one with none, each with a password made at
 * random the first time and kept in the data folder ({@code staff-users.properties}), so nobody signs
 * in with a password that is written in the code. The run script prints them.
 */
final class StaffUsers {

    /** One member of staff: the roles go into their tokens as the municipality's provider would put them. */
    record StaffUser(String username, String password, String name, String email, List<String> roles) {}

    static final List<StaffUser> SEEDED = List.of(
            new StaffUser("admin", null, "Alva Administratör", "alva.admin@nykoping.example", List.of("ADMIN")),
            new StaffUser("planerare", null, "Petra Planerare", "petra.planerare@nykoping.example", List.of("PLANNER")),
            new StaffUser("vard", null, "Lars Larsson", "lars.larsson@nykoping.example", List.of("HOST")),
            new StaffUser(
                    "analytiker", null, "Anton Analytiker", "anton.analytiker@nykoping.example", List.of("ANALYST")),
            new StaffUser("utan-roll", null, "Ulla Utan Roll", "ulla.utan.roll@nykoping.example", List.of()));

    private final List<StaffUser> users;

    private StaffUsers(List<StaffUser> users) {
        this.users = users;
    }

    List<StaffUser> all() {
        return users;
    }

    Optional<StaffUser> find(String username) {
        return users.stream().filter(u -> u.username().equals(username)).findFirst();
    }

    /** The seeded users with the passwords kept in the file, made and written there when missing. */
    static StaffUsers in(Path file) {
        Properties passwords = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    passwords.load(in);
                }
            }
            boolean added = false;
            List<StaffUser> users = new ArrayList<>();
            for (StaffUser user : SEEDED) {
                String password = passwords.getProperty(user.username());
                if (password == null || password.isBlank()) {
                    password = randomPassword();
                    passwords.setProperty(user.username(), password);
                    added = true;
                }
                users.add(new StaffUser(user.username(), password, user.name(), user.email(), user.roles()));
            }
            if (added) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    passwords.store(out, "Local stack staff passwords (user=password); delete to make new ones");
                }
                OwnerOnly.restrict(file);
            }
            return new StaffUsers(List.copyOf(users));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
