package se.motesdagen.registration.signup;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Placement;
import se.motesdagen.registration.seats.Seats;

/**
 * What staff do with one registration (behind the staff login): see all of it with its timeline,
 * check attendees in on the day, and erase the personal data on request. Plus the check-in desk: a
 * search over the day's confirmed attendees with one button each.
 */
@Controller
class StaffRegistrationDetailController {

    private static final int CHECK_IN_HITS = 30;

    private final RegistrationRepository registrations;
    private final RegistrationService service;
    private final Programme programme;
    private final Seats seats;
    private final MongoOperations mongo;

    StaffRegistrationDetailController(
            RegistrationRepository registrations,
            RegistrationService service,
            Programme programme,
            Seats seats,
            MongoOperations mongo) {
        this.registrations = registrations;
        this.service = service;
        this.programme = programme;
        this.seats = seats;
        this.mongo = mongo;
    }

    /** A registration taken by phone: the public form's fields and rules, confirmed at once. */
    @GetMapping("/personal/anmalningar/ny")
    String newRegistration(@RequestParam(required = false) String event, Model model) {
        addDay(model, day(event));
        model.addAttribute("form", new RegistrationForm());
        return "registration/staff-new";
    }

    @PostMapping("/personal/anmalningar/ny")
    String register(
            @RequestParam(required = false) String event,
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.ModelAttribute("form")
                    RegistrationForm form,
            org.springframework.validation.BindingResult errors,
            @RequestParam(required = false) String addAttendee,
            @RequestParam(required = false) Integer removeAttendee,
            Principal staff,
            java.util.Locale locale,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Day day = day(event);
        addDay(model, day);
        if (form.changeAttendeeRows(addAttendee, removeAttendee)) {
            RegistrationPageController.showAttendeeRows(form, addAttendee != null, model);
            return "registration/staff-new";
        }
        if (!errors.hasErrors()) {
            switch (service.registerByStaff(
                    day, form, "en".equals(locale.getLanguage()) ? "en" : "sv", staff.getName())) {
                case SubmitOutcome.Accepted accepted -> {
                    return "redirect:/personal/anmalningar/" + accepted.registrationId();
                }
                case SubmitOutcome.Rejected rejected ->
                    rejected.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
                case SubmitOutcome.NotOpen notOpen ->
                    throw new IllegalStateException("staff are not bound by the times");
            }
        }
        model.addAttribute("attendeeOfField", RegistrationPageController.attendeeOfField(errors));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "registration/staff-new";
    }

    private Day day(String event) {
        return (event != null ? programme.event(event) : programme.nextEvent())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void addDay(Model model, Day day) {
        model.addAttribute("event", day);
        model.addAttribute(
                "fill",
                seats.recentFill(day).stream()
                        .collect(Collectors.toMap(se.motesdagen.registration.seats.SessionFill::sessionId, f -> f)));
    }

    @GetMapping("/personal/anmalningar/{id}")
    String detail(@PathVariable String id, Model model) {
        Registration registration = registration(id);
        Day day = programme
                .event(registration.getEventId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Map<String, List<Placement>> placesByAttendee = seats.placementsOf(day.id(), registration.getId()).stream()
                .collect(Collectors.groupingBy(Placement::attendeeId));
        model.addAttribute("registration", registration);
        model.addAttribute("event", day);
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
        return "registration/staff-detail";
    }

    /** An attendee with where they stand in each of their sessions. */
    record AttendeeRow(Registration.Participant participant, List<SessionPlace> sessions) {}

    /** @param place null when the seats have no place for it (a registration from before seats, or given up) */
    record SessionPlace(String title, Placement place) {}

    @PostMapping("/personal/anmalningar/{id}/incheckning")
    String checkIn(
            @PathVariable String id,
            @RequestParam String attendee,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean fromDesk,
            Principal staff,
            RedirectAttributes redirect) {
        Registration registration = registration(id);
        var outcome = service.checkIn(id, attendee, staff.getName());
        redirect.addFlashAttribute("checkIn", outcome.name());
        redirect.addFlashAttribute(
                "checkedInName",
                registration
                        .participant(attendee)
                        .map(Registration.Participant::name)
                        .orElse(null));
        if (fromDesk) {
            redirect.addAttribute("event", registration.getEventId());
            redirect.addAttribute("q", q == null ? "" : q);
            return "redirect:/personal/incheckning";
        }
        return "redirect:/personal/anmalningar/" + id;
    }

    /** Erasing needs the box ticked as well as the button: it cannot be undone. */
    @PostMapping("/personal/anmalningar/{id}/radera")
    String erase(
            @PathVariable String id, @RequestParam(defaultValue = "false") boolean sure, RedirectAttributes redirect) {
        registration(id);
        if (!sure) {
            redirect.addFlashAttribute("eraseNotSure", true);
        } else {
            redirect.addFlashAttribute("erased", service.erase(id, "request"));
        }
        return "redirect:/personal/anmalningar/" + id;
    }

    /**
     * The check-in desk: the day's confirmed registrations whose company, contact or attendee matches
     * the search, each attendee with a button. Nothing is listed before something is searched for.
     */
    @GetMapping("/personal/incheckning")
    String desk(@RequestParam(required = false) String event, @RequestParam(required = false) String q, Model model) {
        Day day = (event != null ? programme.event(event) : programme.nextEvent())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String text = q == null ? "" : q.strip();
        model.addAttribute("event", day);
        model.addAttribute("q", text);
        if (!text.isEmpty()) {
            String literal = Pattern.quote(text);
            Query confirmed = Query.query(new Criteria()
                            .andOperator(
                                    Criteria.where("eventId").is(day.id()),
                                    Criteria.where("status").is(Registration.Status.CONFIRMED),
                                    Criteria.where("erasedAt").isNull(),
                                    new Criteria()
                                            .orOperator(
                                                    Criteria.where("company.name")
                                                            .regex(literal, "i"),
                                                    Criteria.where("contact.name")
                                                            .regex(literal, "i"),
                                                    Criteria.where("participants.name")
                                                            .regex(literal, "i"))))
                    .with(Sort.by("company.name"))
                    .limit(CHECK_IN_HITS);
            model.addAttribute("hits", mongo.find(confirmed, Registration.class));
        }
        return "registration/staff-checkin";
    }

    private Registration registration(String id) {
        return registrations.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
