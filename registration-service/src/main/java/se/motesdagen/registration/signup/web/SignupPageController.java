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

    @GetMapping("/evenemang/{dayId}")
    String eventPage(@PathVariable String dayId, Model model) {
        views.addDay(model, day(dayId));
        model.addAttribute("form", new RegistrationForm());
        return "registration/day";
    }

    @PostMapping("/evenemang/{dayId}")
    String submit(
            @PathVariable String dayId,
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult errors,
            @RequestParam(required = false) String addAttendee,
            @RequestParam(required = false) Integer removeAttendee,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Day day = day(dayId);
        views.addDay(model, day);
        if (form.changeAttendeeRows(addAttendee, removeAttendee)) {
            // one more (or one less) attendee, without JavaScript: the same form again, nothing checked yet
            RegistrationViews.showAttendeeRows(form, addAttendee != null, model);
            return "registration/day";
        }
        if (form.isSpam()) {
            return "redirect:/evenemang/" + dayId + "/tack";
        }
        if (!errors.hasErrors()) {
            switch (signups.submit(day, form, RegistrationViews.language(locale))) {
                case SubmitOutcome.Accepted accepted -> {
                    return "redirect:/evenemang/" + dayId + "/tack";
                }
                case SubmitOutcome.Rejected rejected ->
                    rejected.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
                case SubmitOutcome.NotOpen notOpen -> {
                    // the page says when registration opens, or that it has closed, instead of the form
                    response.setStatus(HttpStatus.CONFLICT.value());
                    return "registration/day";
                }
            }
        }
        model.addAttribute("attendeeOfField", RegistrationViews.attendeeOfField(errors));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "registration/day";
    }

    @GetMapping("/evenemang/{dayId}/tack")
    String thanks(@PathVariable String dayId, Model model) {
        model.addAttribute("day", day(dayId));
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
                    case ConfirmResult.Contested c -> "contested";
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
            case ConfirmResult.Expired(String dayId) ->
                programme.day(dayId).ifPresent(e -> model.addAttribute("day", e));
            case ConfirmResult.Contested(String companyName) -> model.addAttribute("companyName", companyName);
            case ConfirmResult.Cancelled(String companyName) -> model.addAttribute("companyName", companyName);
            case ConfirmResult.UnknownLink u -> {}
        }
        return "registration/confirmed";
    }

    /** For a person who lost the confirm e-mail, or whose link expired. */
    @GetMapping("/evenemang/{dayId}/skicka-igen")
    String resendForm(@PathVariable String dayId, Model model) {
        model.addAttribute("day", day(dayId));
        model.addAttribute("resend", new ResendForm());
        return "registration/resend";
    }

    @PostMapping("/evenemang/{dayId}/skicka-igen")
    String resend(
            @PathVariable String dayId,
            @Valid @ModelAttribute("resend") ResendForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        Day day = day(dayId);
        model.addAttribute("day", day);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "registration/resend";
        }
        if (!form.isSpam()) {
            signups.resendConfirmation(day, form.getEmail());
        }
        // the same answer whether or not the address has a registration waiting
        return "redirect:/evenemang/" + dayId + "/skicka-igen/skickat";
    }

    @GetMapping("/evenemang/{dayId}/skicka-igen/skickat")
    String resent(@PathVariable String dayId, Model model) {
        model.addAttribute("day", day(dayId));
        return "registration/resent";
    }

    private Day day(String dayId) {
        return programme.publishedDay(dayId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
