package se.motesdagen.registration.signup.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.signup.RegistrationForm;
import se.motesdagen.registration.signup.Signups;
import se.motesdagen.registration.signup.SubmitOutcome;

/** A registration staff take by phone (behind the staff login): the public form's fields and rules, confirmed at once. */
@Controller
class PhoneRegistrationController {

    private final Programme programme;
    private final Signups signups;
    private final RegistrationViews views;

    PhoneRegistrationController(Programme programme, Signups signups, RegistrationViews views) {
        this.programme = programme;
        this.signups = signups;
        this.views = views;
    }

    /** A registration taken by phone: the public form's fields and rules, confirmed at once. */
    @GetMapping("/personal/anmalningar/ny")
    String newRegistration(@RequestParam(name = "event", required = false) String dayId, Model model) {
        views.addDay(model, day(dayId));
        model.addAttribute("form", new RegistrationForm());
        return "registration/staff-new";
    }

    @Audited("registration.taken-by-phone")
    @PostMapping("/personal/anmalningar/ny")
    String register(
            @RequestParam(name = "event", required = false) String dayId,
            @Valid @ModelAttribute("form") RegistrationForm form,
            BindingResult errors,
            @RequestParam(required = false) String addAttendee,
            @RequestParam(required = false) Integer removeAttendee,
            Principal staff,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        Day day = day(dayId);
        views.addDay(model, day);
        if (form.changeAttendeeRows(addAttendee, removeAttendee)) {
            RegistrationViews.showAttendeeRows(form, addAttendee != null, model);
            return "registration/staff-new";
        }
        if (!errors.hasErrors()) {
            switch (signups.registerByStaff(day, form, RegistrationViews.language(locale), staff.getName())) {
                case SubmitOutcome.Accepted accepted -> {
                    return "redirect:/personal/anmalningar/" + accepted.registrationId();
                }
                case SubmitOutcome.Rejected rejected ->
                    rejected.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
                case SubmitOutcome.NotOpen notOpen ->
                    throw new IllegalStateException("staff are not bound by the times");
            }
        }
        model.addAttribute("attendeeOfField", RegistrationViews.attendeeOfField(errors));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "registration/staff-new";
    }

    private Day day(String dayId) {
        return (dayId != null ? programme.day(dayId) : programme.nextDay())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
