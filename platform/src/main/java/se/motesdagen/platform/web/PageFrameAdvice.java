package se.motesdagen.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import se.motesdagen.platform.security.StaffMember;

/**
 * What the shared page frame needs to know about the request it frames: the link to the other language
 * keeps the page's own query (a survey, ballot or confirm link carries its token there, and switching
 * language must not turn it into "this link does not work"), and the staff navigation shows only to one
 * signed in as staff, with the links their roles open, never on a company's pages.
 */
@ControllerAdvice(annotations = Controller.class)
public class PageFrameAdvice {

    /** The other language's link without its value: {@code ?token=…&lang=}, the frame adds the language. */
    @ModelAttribute("languageSwitch")
    String languageSwitch(HttpServletRequest request) {
        List<String> kept = new ArrayList<>();
        if (request.getQueryString() != null) {
            Arrays.stream(request.getQueryString().split("&"))
                    .filter(part -> !part.isEmpty() && !part.equals("lang") && !part.startsWith("lang="))
                    .forEach(kept::add);
        }
        // a page shown after a POST (a form with a mistake) has its token in the form, not in the address
        String token = request.getParameter("token");
        if (token != null && kept.stream().noneMatch(part -> part.startsWith("token="))) {
            kept.add("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        return "?" + String.join("&", kept) + (kept.isEmpty() ? "" : "&") + "lang=";
    }

    /** The member of staff signed in, or null: the frame shows them the links their roles open, and sign-out. */
    @ModelAttribute("staff")
    StaffMember staff() {
        return StaffMember.current().orElse(null);
    }
}
