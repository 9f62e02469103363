package se.motesdagen.registration.signup.web;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Placement;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.seats.SessionFill;
import se.motesdagen.registration.signup.AttendeesAndVisit;
import se.motesdagen.registration.signup.Registration;

/**
 * What the pages about one registration show alike (the public form, the confirm and manage pages,
 * staff's phone registration): the day with its seats, the registration with its places, and the
 * attendee rows of the form.
 */
@Component
public class RegistrationViews {

    private static final Pattern ATTENDEE_FIELD = Pattern.compile("^attendees\\[(\\d+)]\\..+");

    private final Programme programme;
    private final Seats seats;
    private final Clock clock;

    RegistrationViews(Programme programme, Seats seats, Clock clock) {
        this.programme = programme;
        this.seats = seats;
        this.clock = clock;
    }

    /** The day, and whether the form is shown or what is said instead. */
    public void addDay(Model model, Day day) {
        model.addAttribute("day", day);
        model.addAttribute(
                "fill", seats.recentFill(day).stream().collect(Collectors.toMap(SessionFill::sessionId, f -> f)));
        model.addAttribute("registering", day.registering(clock.instant()));
        if (day.registrationOpens() != null) {
            model.addAttribute("registrationOpens", day.registrationOpens().atZone(Day.ZONE));
        }
    }

    public void addRegistration(Model model, Registration registration) {
        model.addAttribute("registration", registration);
        programme.day(registration.getDayId()).ifPresent(e -> model.addAttribute("day", e));
    }

    /** Who has a seat and who waits, session by session in programme order. */
    public void addPlaces(Model model, Registration registration, List<Placement> placements) {
        programme
                .day(registration.getDayId())
                .ifPresent(day -> model.addAttribute(
                        "places",
                        day.sessions().stream()
                                .flatMap(session -> placements.stream()
                                        .filter(p -> p.sessionId().equals(session.id()))
                                        .sorted(Comparator.comparing(Placement::attendeeId))
                                        .map(p -> new PlaceRow(
                                                session,
                                                p,
                                                registration
                                                        .participant(p.attendeeId())
                                                        .map(Registration.Participant::name)
                                                        .orElse(null))))
                                .toList()));
    }

    /** One line of the confirmed page: which attendee, which session, seat or place in line. */
    public record PlaceRow(Day.Session session, Placement placement, String attendeeName) {}

    /** The form again after an attendee was added or removed: no errors yet, the new attendee's name in focus. */
    public static void showAttendeeRows(AttendeesAndVisit form, boolean added, Model model) {
        if (added) {
            model.addAttribute("focusAttendee", form.getAttendees().size() - 1);
        }
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
    }

    /** For the error summary: which attendee (1, 2, 3) a field belongs to, so "Deltagare 2: …" can be said. */
    public static Map<String, Integer> attendeeOfField(BindingResult errors) {
        Map<String, Integer> attendees = new HashMap<>();
        for (var error : errors.getFieldErrors()) {
            var matcher = ATTENDEE_FIELD.matcher(error.getField());
            if (matcher.matches()) {
                attendees.put(error.getField(), Integer.parseInt(matcher.group(1)) + 1);
            }
        }
        return attendees;
    }

    public static String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "sv";
    }
}
