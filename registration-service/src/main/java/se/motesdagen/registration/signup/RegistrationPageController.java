package se.motesdagen.registration.signup;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Placement;
import se.motesdagen.registration.seats.Seats;
import se.motesdagen.registration.seats.SessionFill;

/** The public pages: the day with its programme and form, the thank-you page and the confirm link. */
@Controller
class RegistrationPageController {

    private final Programme programme;
    private final RegistrationService registrations;
    private final Seats seats;
    private final Clock clock;

    RegistrationPageController(Programme programme, RegistrationService registrations, Seats seats, Clock clock) {
        this.programme = programme;
        this.registrations = registrations;
        this.seats = seats;
        this.clock = clock;
    }

    @GetMapping("/")
    String start() {
        return programme
                .nextEvent()
                .map(event -> "redirect:/evenemang/" + event.id())
                .orElse("registration/no-event");
    }

    @GetMapping("/evenemang/{eventId}")
    String eventPage(@PathVariable String eventId, Model model) {
        addDay(model, event(eventId));
        model.addAttribute("form", new RegistrationForm());
        return "registration/event";
    }

    @PostMapping("/evenemang/{eventId}")
    String submit(
            @PathVariable String eventId,
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult errors,
            @RequestParam(required = false) String addAttendee,
            @RequestParam(required = false) Integer removeAttendee,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Day event = event(eventId);
        addDay(model, event);
        if (form.changeAttendeeRows(addAttendee, removeAttendee)) {
            // one more (or one less) attendee, without JavaScript: the same form again, nothing checked yet
            showAttendeeRows(form, addAttendee != null, model);
            return "registration/event";
        }
        if (form.isSpam()) {
            return "redirect:/evenemang/" + eventId + "/tack";
        }
        if (!errors.hasErrors()) {
            switch (registrations.submit(event, form, language(locale))) {
                case SubmitOutcome.Accepted accepted -> {
                    return "redirect:/evenemang/" + eventId + "/tack";
                }
                case SubmitOutcome.Rejected rejected ->
                    rejected.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
                case SubmitOutcome.NotOpen notOpen -> {
                    // the page says when registration opens, or that it has closed, instead of the form
                    response.setStatus(HttpStatus.CONFLICT.value());
                    return "registration/event";
                }
            }
        }
        model.addAttribute("attendeeOfField", attendeeOfField(errors));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "registration/event";
    }

    /** The form again after an attendee was added or removed: no errors yet, the new attendee's name in focus. */
    static void showAttendeeRows(RegistrationForm form, boolean added, Model model) {
        if (added) {
            model.addAttribute("focusAttendee", form.getAttendees().size() - 1);
        }
        model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
    }

    private static final java.util.regex.Pattern ATTENDEE_FIELD =
            java.util.regex.Pattern.compile("^attendees\\[(\\d+)]\\..+");

    /** For the error summary: which attendee (1, 2, 3) a field belongs to, so "Deltagare 2: …" can be said. */
    static java.util.Map<String, Integer> attendeeOfField(BindingResult errors) {
        java.util.Map<String, Integer> attendees = new java.util.HashMap<>();
        for (var error : errors.getFieldErrors()) {
            var matcher = ATTENDEE_FIELD.matcher(error.getField());
            if (matcher.matches()) {
                attendees.put(error.getField(), Integer.parseInt(matcher.group(1)) + 1);
            }
        }
        return attendees;
    }

    @GetMapping("/evenemang/{eventId}/tack")
    String thanks(@PathVariable String eventId, Model model) {
        model.addAttribute("event", event(eventId));
        return "registration/thanks";
    }

    /** Opening the link changes nothing: it shows what will be confirmed and the button that does it. */
    @GetMapping("/anmalan/bekrafta")
    String confirmPage(@RequestParam(required = false) String token, Model model) {
        ConfirmResult result = registrations.look(token);
        if (result instanceof ConfirmResult.AwaitingConfirmation) {
            model.addAttribute("token", token);
        }
        return showConfirmResult(result, model);
    }

    @PostMapping("/anmalan/bekrafta")
    String confirm(@RequestParam(required = false) String token, Model model) {
        return showConfirmResult(registrations.confirm(token), model);
    }

    private String showConfirmResult(ConfirmResult result, Model model) {
        model.addAttribute(
                "outcome",
                switch (result) {
                    case ConfirmResult.AwaitingConfirmation a -> "awaiting";
                    case ConfirmResult.Confirmed c -> "confirmed";
                    case ConfirmResult.AlreadyConfirmed a -> "alreadyConfirmed";
                    case ConfirmResult.Expired e -> "expired";
                    case ConfirmResult.CompanyAlreadyRegistered c -> "companyAlreadyRegistered";
                    case ConfirmResult.Cancelled c -> "cancelled";
                    case ConfirmResult.UnknownLink u -> "unknown";
                });
        switch (result) {
            case ConfirmResult.AwaitingConfirmation(Registration r) -> addRegistration(model, r);
            case ConfirmResult.Confirmed(Registration r, List<Placement> placements) -> {
                addRegistration(model, r);
                addPlaces(model, r, placements);
            }
            case ConfirmResult.AlreadyConfirmed(Registration r, List<Placement> placements) -> {
                addRegistration(model, r);
                addPlaces(model, r, placements);
            }
            case ConfirmResult.Expired(String eventId) ->
                programme.event(eventId).ifPresent(e -> model.addAttribute("event", e));
            case ConfirmResult.CompanyAlreadyRegistered(String companyName) ->
                model.addAttribute("companyName", companyName);
            case ConfirmResult.Cancelled(String companyName) -> model.addAttribute("companyName", companyName);
            case ConfirmResult.UnknownLink u -> {}
        }
        return "registration/confirmed";
    }

    /** The manage link from the confirmation: the registration, its places, and the way to cancel. */
    @GetMapping("/anmalan/hantera")
    String managePage(@RequestParam(required = false) String token, Model model) {
        return showManageResult(registrations.manage(token), token, model);
    }

    /** Cancelling needs the box ticked as well as the button, so a slip of the finger cancels nothing. */
    @PostMapping("/anmalan/hantera/avboka")
    String cancel(
            @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "false") boolean sure,
            Model model) {
        if (!sure) {
            model.addAttribute("notSure", true);
            return showManageResult(registrations.manage(token), token, model);
        }
        return showManageResult(registrations.cancel(token), token, model);
    }

    /** A change from the manage link; the add and remove buttons work as on the registration form. */
    @PostMapping("/anmalan/hantera/andra")
    String change(
            @RequestParam(required = false) String token,
            @Valid @ModelAttribute("form") ChangeForm form,
            BindingResult errors,
            @RequestParam(required = false) String addAttendee,
            @RequestParam(required = false) Integer removeAttendee,
            Model model,
            HttpServletResponse response) {
        if (form.changeAttendeeRows(addAttendee, removeAttendee)) {
            if (addAttendee != null) {
                model.addAttribute("focusAttendee", form.getAttendees().size() - 1);
            }
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
            model.addAttribute("form", form);
            return showManageResult(registrations.manage(token), token, model);
        }
        if (!errors.hasErrors()) {
            switch (registrations.change(token, form)) {
                case RegistrationService.ChangeOutcome.Changed changed -> {
                    model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
                    model.asMap().remove("form");
                    model.addAttribute("changed", !changed.changes().isEmpty());
                    return showManageResult(registrations.manage(token), token, model);
                }
                case RegistrationService.ChangeOutcome.Rejected rejected ->
                    rejected.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
                case RegistrationService.ChangeOutcome.NotChangeable notChangeable -> {
                    return showManageResult(registrations.manage(token), token, model);
                }
            }
        }
        model.addAttribute("attendeeOfField", attendeeOfField(errors));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return showManageResult(registrations.manage(token), token, model);
    }

    private String showManageResult(ManageResult result, String token, Model model) {
        model.addAttribute(
                "outcome",
                switch (result) {
                    case ManageResult.Found f -> "found";
                    case ManageResult.Cancelled c -> "cancelled";
                    case ManageResult.AlreadyCancelled a -> "alreadyCancelled";
                    case ManageResult.Expired e -> "expired";
                    case ManageResult.UnknownLink u -> "unknown";
                });
        switch (result) {
            case ManageResult.Found(Registration r, List<Placement> placements) -> {
                addRegistration(model, r);
                addPlaces(model, r, placements);
                model.addAttribute("token", token);
                if (!model.containsAttribute("form")) {
                    model.addAttribute("form", ChangeForm.of(r));
                }
                programme.event(r.getEventId()).ifPresent(day -> addDay(model, day));
            }
            case ManageResult.Cancelled(Registration r) -> addRegistration(model, r);
            case ManageResult.AlreadyCancelled(Registration r) -> addRegistration(model, r);
            case ManageResult.Expired e -> {}
            case ManageResult.UnknownLink u -> {}
        }
        return "registration/manage";
    }

    /** Who has a seat and who waits, session by session in programme order. */
    private void addPlaces(Model model, Registration registration, List<Placement> placements) {
        programme
                .event(registration.getEventId())
                .ifPresent(day -> model.addAttribute(
                        "places",
                        day.sessions().stream()
                                .flatMap(session -> placements.stream()
                                        .filter(p -> p.sessionId().equals(session.id()))
                                        .sorted(java.util.Comparator.comparing(Placement::attendeeId))
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
    record PlaceRow(Day.Session session, Placement placement, String attendeeName) {}

    /** The day, and whether the form is shown or what is said instead. */
    private void addDay(Model model, Day day) {
        model.addAttribute("event", day);
        model.addAttribute(
                "fill",
                seats.recentFill(day).stream()
                        .collect(java.util.stream.Collectors.toMap(SessionFill::sessionId, f -> f)));
        model.addAttribute("registering", day.registering(clock.instant()));
        if (day.registrationOpens() != null) {
            model.addAttribute("registrationOpens", day.registrationOpens().atZone(Day.ZONE));
        }
    }

    /** For a person who lost the confirm e-mail, or whose link expired. */
    @GetMapping("/evenemang/{eventId}/skicka-igen")
    String resendForm(@PathVariable String eventId, Model model) {
        model.addAttribute("event", event(eventId));
        model.addAttribute("resend", new ResendForm());
        return "registration/resend";
    }

    @PostMapping("/evenemang/{eventId}/skicka-igen")
    String resend(
            @PathVariable String eventId,
            @Valid @ModelAttribute("resend") ResendForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        Day event = event(eventId);
        model.addAttribute("event", event);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "registration/resend";
        }
        if (!form.isSpam()) {
            registrations.resendConfirmation(event, form.getEmail());
        }
        // the same answer whether or not the address has a registration waiting
        return "redirect:/evenemang/" + eventId + "/skicka-igen/skickat";
    }

    @GetMapping("/evenemang/{eventId}/skicka-igen/skickat")
    String resent(@PathVariable String eventId, Model model) {
        model.addAttribute("event", event(eventId));
        return "registration/resent";
    }

    private void addRegistration(Model model, Registration registration) {
        model.addAttribute("registration", registration);
        programme.event(registration.getEventId()).ifPresent(e -> model.addAttribute("event", e));
    }

    private Day event(String eventId) {
        return programme.publishedEvent(eventId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "sv";
    }
}
