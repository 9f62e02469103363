package se.motesdagen.visit.host;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A politician or an official who makes company visits: how to reach them, what they know about, and
 * when they are free. The address is the key a list imported again updates by.
 */
@Document("hosts")
public record Host(
        @Id String id,
        String name,
        @Indexed(unique = true) String email,
        String phone,
        Role role,
        String affiliation,
        List<String> expertise,
        List<Availability> availability,
        Instant updatedAt) {

    public enum Role {
        POLITICIAN,
        OFFICIAL
    }

    /** Free on that day between those times (Stockholm time). */
    public record Availability(LocalDate day, LocalTime from, LocalTime to) {}
}
