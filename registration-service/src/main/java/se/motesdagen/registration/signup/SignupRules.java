package se.motesdagen.registration.signup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.signup.SubmitOutcome.FieldProblem;

/**
 * The rules a registration's people and visit wish follow wherever they are given (the form, the API,
 * staff, the manage link), and how the fields become the registration's values.
 */
public final class SignupRules {

    private SignupRules() {}

    public static List<FieldProblem> checkAgainstProgramme(Day day, AttendeesAndVisit form) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < form.getAttendees().size(); i++) {
            List<String> chosen = form.getAttendees().get(i).getSessionIds();
            String field = "attendees[" + i + "].sessionIds";
            if (chosen.stream().anyMatch(id -> day.session(id).isEmpty())) {
                problems.add(new FieldProblem(field, "registration.sessions.unknown"));
            } else if (overlapping(chosen.stream()
                    .distinct()
                    .map(id -> day.session(id).orElseThrow())
                    .toList())) {
                problems.add(new FieldProblem(field, "registration.sessions.overlap"));
            }
        }
        if (day.isVisitsOnly() && !form.isWantsVisit()) {
            problems.add(new FieldProblem("wantsVisit", "registration.visitsOnly.visitRequired"));
        }
        if (form.isWantsVisit()) {
            if (isBlank(form.getVisitAddress())) {
                problems.add(new FieldProblem("visitAddress", "registration.visitAddress.required"));
            }
            if (isBlank(form.getVisitTopics()) && form.getVisitAreas().isEmpty()) {
                problems.add(new FieldProblem("visitTopics", "registration.visitTopics.required"));
            }
        }
        return problems;
    }

    /** Whether any two of the sessions run at the same time: nobody attends two at once. */
    private static boolean overlapping(List<Day.Session> sessions) {
        for (int i = 0; i < sessions.size(); i++) {
            for (int j = i + 1; j < sessions.size(); j++) {
                Day.Session a = sessions.get(i);
                Day.Session b = sessions.get(j);
                if (a.startsAt().isBefore(b.endsAt()) && b.startsAt().isBefore(a.endsAt())) {
                    return true;
                }
            }
        }
        return false;
    }

    public static Registration.VisitRequest visitRequest(AttendeesAndVisit form) {
        return form.isWantsVisit()
                ? new Registration.VisitRequest(
                        form.getVisitAddress().strip(),
                        visitTopics(form),
                        form.getVisitAreas().stream().distinct().toList(),
                        form.getVisitWindows().stream().distinct().toList(),
                        isBlank(form.getVisitMeets())
                                ? null
                                : form.getVisitMeets().strip())
                : null;
    }

    /** What the visit is about in words: the free text, or else the areas ticked. */
    private static String visitTopics(AttendeesAndVisit form) {
        if (!isBlank(form.getVisitTopics())) {
            return form.getVisitTopics().strip();
        }
        return form.getVisitAreas().stream().distinct().map(VisitArea::code).collect(Collectors.joining(", "));
    }

    static Registration.Address address(RegistrationForm form) {
        if (isBlank(form.getStreet()) && isBlank(form.getPostalCode()) && isBlank(form.getTown())) {
            return null;
        }
        String postalCode = blankToNull(form.getPostalCode());
        return new Registration.Address(
                blankToNull(form.getStreet()),
                postalCode == null ? null : postalCode.replace(" ", "").replaceFirst("^(\\d{3})", "$1 "),
                blankToNull(form.getTown()));
    }

    static List<Registration.Participant> participants(AttendeesAndVisit form) {
        List<Registration.Participant> participants = new ArrayList<>();
        for (AttendeeForm attendee : form.getAttendees()) {
            participants.add(new Registration.Participant(
                    Integer.toString(participants.size() + 1),
                    attendee.getName().strip(),
                    blankToNull(attendee.getEmail()),
                    blankToNull(attendee.getRole()),
                    List.copyOf(new LinkedHashSet<>(attendee.getSessionIds())),
                    blankToNull(attendee.getNeeds())));
        }
        return participants;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    public static String blankToNull(String s) {
        return isBlank(s) ? null : s.strip();
    }
}
