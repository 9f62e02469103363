package se.motesdagen.feedback.survey.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import se.motesdagen.feedback.proposal.AreaCodes;
import se.motesdagen.feedback.survey.Invitation;
import se.motesdagen.feedback.survey.Invitations;
import se.motesdagen.feedback.survey.Questionnaire;
import se.motesdagen.feedback.survey.SurveyDesigns;

/**
 * The survey page behind the invitation's link: plain HTML radio buttons and a text box, so it works
 * without JavaScript and on a phone. "Save and finish later" keeps the answers on the same link;
 * "Send" counts them, once.
 */
@Controller
class SurveyController {

    static final int MAX_TEXT = 4000;

    private final Invitations invitations;
    private final SurveyDesigns designs;
    private final Clock clock;

    SurveyController(Invitations invitations, SurveyDesigns designs, Clock clock) {
        this.invitations = invitations;
        this.designs = designs;
        this.clock = clock;
    }

    @GetMapping("/enkat")
    String page(
            @RequestParam(name = "token", required = false) String token, Model model, HttpServletResponse response) {
        return invitations
                .byToken(token)
                .map(invitation -> show(invitation, invitation.getAnswer(), token, Map.of(), model))
                .orElseGet(() -> unknown(response));
    }

    @PostMapping("/enkat")
    String answer(
            @RequestParam(name = "token", required = false) String token,
            @RequestParam(name = "action", defaultValue = "spara") String action,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        var invitation = invitations.byToken(token);
        if (invitation.isEmpty()) {
            return unknown(response);
        }
        Questionnaire questionnaire = designs.questionnaire(invitation.get().getKind());
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Integer> ratings = new LinkedHashMap<>();
        for (String question : questionnaire.rated()) {
            String value = request.getParameter(question);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (value.equals("vet-inte")) {
                ratings.put(question, null); // answered: does not know
                continue;
            }
            try {
                int step = Integer.parseInt(value.strip());
                if (step < questionnaire.scale().lowest()
                        || step > questionnaire.scale().highest()) {
                    throw new NumberFormatException(value);
                }
                ratings.put(question, step);
            } catch (NumberFormatException e) {
                problems.put(question, "survey.error.step");
            }
        }
        String change = strip(request.getParameter("change"));
        if (change != null && change.length() > MAX_TEXT) {
            problems.put("change", "survey.error.long");
        }
        String hearBack = strip(request.getParameter("hearBack"));
        if (hearBack != null && !Questionnaire.HEAR_BACK.contains(hearBack)) {
            problems.put("hearBack", "survey.error.step");
        }
        String area = questionnaire.askArea() ? strip(request.getParameter("area")) : null;
        if (area != null && AreaCodes.known(area) == null) {
            problems.put("area", "survey.error.step");
        }
        Invitation.Answer answer =
                new Invitation.Answer(ratings, change, hearBack, request.getParameter("wantsContact") != null, area);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(invitation.get(), answer, token, problems, model);
        }
        Invitations.Outcome outcome =
                action.equals("skicka") ? invitations.submit(token, answer) : invitations.save(token, answer);
        return switch (outcome) {
            case Invitations.Submitted submitted -> {
                model.addAttribute("invitation", submitted.invitation());
                yield "survey/thanks";
            }
            case Invitations.Saved saved -> {
                model.addAttribute("saved", true);
                yield show(saved.invitation(), answer, token, Map.of(), model);
            }
            case Invitations.NotOpen closed -> {
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                yield show(closed.invitation(), closed.invitation().getAnswer(), token, Map.of(), model);
            }
            case Invitations.Unknown unknown -> unknown(response);
        };
    }

    private String show(
            Invitation invitation, Invitation.Answer answer, String token, Map<String, String> problems, Model model) {
        model.addAttribute("invitation", invitation);
        model.addAttribute("answer", answer);
        model.addAttribute("token", token);
        model.addAttribute("problems", problems);
        model.addAttribute("questionnaire", designs.questionnaire(invitation.getKind()));
        model.addAttribute("areas", AreaCodes.CODES);
        model.addAttribute("hearBackOptions", Questionnaire.HEAR_BACK);
        model.addAttribute("open", invitation.open(clock.instant()));
        return "survey/form";
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String unknown(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        return "survey/unknown";
    }
}
