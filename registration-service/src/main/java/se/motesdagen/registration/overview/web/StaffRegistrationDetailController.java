package se.motesdagen.registration.overview.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.registration.manage.CompanyConflicts;
import se.motesdagen.registration.overview.RegistrationSearch;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.programme.Question;
import se.motesdagen.registration.seats.Placement;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.signup.Registration;

/** All of one registration for staff (behind the staff login): the company, each attendee's places, the timeline. */
@Controller
class StaffRegistrationDetailController {

    private final RegistrationSearch registrations;
    private final Programme programme;
    private final Seats seats;
    private final CompanyConflicts conflicts;

    StaffRegistrationDetailController(
            RegistrationSearch registrations, Programme programme, Seats seats, CompanyConflicts conflicts) {
        this.registrations = registrations;
        this.programme = programme;
        this.seats = seats;
        this.conflicts = conflicts;
    }

    @Audited(value = "registration.viewed", record = "id")
    @GetMapping("/personal/anmalningar/{id}")
    String detail(@PathVariable String id, Model model) {
        Registration registration = registration(id);
        Day day = programme
                .day(registration.getDayId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, List<Placement>> placesByAttendee = seats.placementsOf(day.id(), registration.getId()).stream()
                .collect(Collectors.groupingBy(Placement::attendeeId));
        model.addAttribute("registration", registration);
        model.addAttribute("day", day);
        model.addAttribute("conflicts", conflicts.of(registration));
        model.addAttribute(
                "attendees",
                registration.getParticipants().stream()
                        .map(p -> new AttendeeRow(
                                p,
                                p.sessionIds().stream()
                                        .map(sessionId -> new SessionPlace(
                                                day.session(sessionId)
                                                        .map(Day.Session::title)
                                                        .orElse(sessionId),
                                                placesByAttendee.getOrDefault(p.id(), List.of()).stream()
                                                        .filter(place -> place.sessionId()
                                                                .equals(sessionId))
                                                        .findFirst()
                                                        .orElse(null)))
                                        .toList()))
                        .toList());
        model.addAttribute(
                "attendeeAnswers",
                registration.getAnswers().stream().anyMatch(a -> a.attendeeId() != null)
                        || day.askedQuestions().stream().anyMatch(Question::forAttendees));
        return "registration/staff-detail";
    }

    /** An attendee with where they stand in each of their sessions. */
    record AttendeeRow(Registration.Participant participant, List<SessionPlace> sessions) {}

    /** @param place null when the seats have no place for it (a registration from before seats, or given up) */
    record SessionPlace(String title, Placement place) {}

    private Registration registration(String id) {
        return registrations.registration(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
