package se.motesdagen.registration.signup.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import se.motesdagen.registration.signup.ConfirmResult;
import se.motesdagen.registration.signup.Registration;
import se.motesdagen.registration.signup.RegistrationForm;
import se.motesdagen.registration.signup.Signups;
import se.motesdagen.registration.signup.SubmitOutcome;

/** The public pages: the day with its programme and form, the thank-you page, the confirm link and a link sent again. */
@Controller
class SignupPageController {

    private final Programme programme;
    private final Signups signups;
    private final RegistrationViews views;

    SignupPageController(Programme programme, Signups signups, RegistrationViews views) {
        this.programme = programme;
        this.signups = signups;
        this.views = views;
    }

    @GetMapping("/evenemang/{eventId}")
    String eventPage(@PathVariable String eventId, Model model) {
        views.addDay(model, event(eventId));
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
        views.addDay(model, event);
        if (form.changeAttendeeRows(addAttendee, removeAttendee)) {
            // one more (or one less) attendee, without JavaScript: the same form again, nothing checked yet
            RegistrationViews.showAttendeeRows(form, addAttendee != null, model);
            return "registration/event";
        }
        if (form.isSpam()) {
            return "redirect:/evenemang/" + eventId + "/tack";
        }
        if (!errors.hasErrors()) {
            switch (signups.submit(event, form, RegistrationViews.language(locale))) {
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
        model.addAttribute("attendeeOfField", RegistrationViews.attendeeOfField(errors));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "registration/event";
    }

    @GetMapping("/evenemang/{eventId}/tack")
    String thanks(@PathVariable String eventId, Model model) {
        model.addAttribute("event", event(eventId));
        return "registration/thanks";
    }

    /** Opening the link changes nothing: it shows what will be confirmed and the button that does it. */
    @GetMapping("/anmalan/bekrafta")
    String confirmPage(@RequestParam(required = false) String token, Model model) {
        ConfirmResult result = signups.look(token);
        if (result instanceof ConfirmResult.AwaitingConfirmation) {
            model.addAttribute("token", token);
        }
        return showConfirmResult(result, model);
    }

    @PostMapping("/anmalan/bekrafta")
    String confirm(@RequestParam(required = false) String token, Model model) {
        return showConfirmResult(signups.confirm(token), model);
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
            case ConfirmResult.AwaitingConfirmation(Registration r) -> views.addRegistration(model, r);
            case ConfirmResult.Confirmed(Registration r, List<Placement> placements) -> {
                views.addRegistration(model, r);
                views.addPlaces(model, r, placements);
            }
            case ConfirmResult.AlreadyConfirmed(Registration r, List<Placement> placements) -> {
                views.addRegistration(model, r);
                views.addPlaces(model, r, placements);
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
            signups.resendConfirmation(event, form.getEmail());
        }
        // the same answer whether or not the address has a registration waiting
        return "redirect:/evenemang/" + eventId + "/skicka-igen/skickat";
    }

    @GetMapping("/evenemang/{eventId}/skicka-igen/skickat")
    String resent(@PathVariable String eventId, Model model) {
        model.addAttribute("event", event(eventId));
        return "registration/resent";
    }

    private Day event(String eventId) {
        return programme.publishedEvent(eventId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
