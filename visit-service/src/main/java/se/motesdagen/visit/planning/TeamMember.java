package se.motesdagen.visit.planning;

import java.util.Set;

/** A politician or an official in a team, with what they know about (Insikt areas and more). */
public record TeamMember(String id, String name, Role role, Set<String> expertise) {

    public enum Role {
        POLITICIAN,
        OFFICIAL
    }
}
