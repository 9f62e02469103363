package se.motesdagen.registration.manage.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.motesdagen.registration.manage.ChangeForm;
import se.motesdagen.registration.manage.Changes;
import se.motesdagen.registration.manage.ManageResult;
import se.motesdagen.registration.programme.Programme;
import se.motesdagen.registration.seats.Placement;
import se.motesdagen.registration.signup.Registration;
import se.motesdagen.registration.signup.web.RegistrationViews;

/** The manage link from the confirmation: the registration and its places, a change, or a cancellation. */
@Controller
class ManagePageController {

    private final Programme programme;
    private final Changes changes;
    private final RegistrationViews views;

    ManagePageController(Programme programme, Changes changes, RegistrationViews views) {
        this.programme = programme;
        this.changes = changes;
        this.views = views;
    }

    /** The manage link from the confirmation: the registration, its places, and the way to cancel. */
    @GetMapping("/anmalan/hantera")
    String managePage(@RequestParam(required = false) String token, Model model) {
        return showManageResult(changes.manage(token), token, model);
    }

    /** Cancelling needs the box ticked as well as the button, so a slip of the finger cancels nothing. */
    @PostMapping("/anmalan/hantera/avboka")
    String cancel(
            @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "false") boolean sure,
            Model model) {
        if (!sure) {
            model.addAttribute("notSure", true);
            return showManageResult(changes.manage(token), token, model);
        }
        return showManageResult(changes.cancel(token), token, model);
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
            return showManageResult(changes.manage(token), token, model);
        }
        if (!errors.hasErrors()) {
            switch (changes.change(token, form)) {
                case Changes.ChangeOutcome.Changed changed -> {
                    model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
                    model.asMap().remove("form");
                    model.addAttribute("changed", !changed.changes().isEmpty());
                    return showManageResult(changes.manage(token), token, model);
                }
                case Changes.ChangeOutcome.Rejected rejected ->
                    rejected.problems().forEach(p -> errors.rejectValue(p.field(), p.messageKey()));
                case Changes.ChangeOutcome.NotChangeable notChangeable -> {
                    return showManageResult(changes.manage(token), token, model);
                }
            }
        }
        model.addAttribute("attendeeOfField", RegistrationViews.attendeeOfField(errors));
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return showManageResult(changes.manage(token), token, model);
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
                views.addRegistration(model, r);
                views.addPlaces(model, r, placements);
                model.addAttribute("token", token);
                if (!model.containsAttribute("form")) {
                    model.addAttribute("form", ChangeForm.of(r));
                }
                programme.day(r.getDayId()).ifPresent(day -> views.addDay(model, day));
            }
            case ManageResult.Cancelled(Registration r) -> views.addRegistration(model, r);
            case ManageResult.AlreadyCancelled(Registration r) -> views.addRegistration(model, r);
            case ManageResult.Expired e -> {}
            case ManageResult.UnknownLink u -> {}
        }
        return "registration/manage";
    }
}
