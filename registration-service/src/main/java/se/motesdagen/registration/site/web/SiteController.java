package se.motesdagen.registration.site.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import se.motesdagen.registration.programme.Programme;

/** The site's own pages: the start, which leads to the next day, and what the law asks every public e-service to publish. */
@Controller
class SiteController {

    private final Programme programme;

    SiteController(Programme programme) {
        this.programme = programme;
    }

    @GetMapping("/")
    String start() {
        return programme.nextDay().map(day -> "redirect:/evenemang/" + day.id()).orElse("registration/no-day");
    }

    /** Tillgänglighetsredogörelse under DOS-lagen (2018:1937), with a way to report barriers. */
    @GetMapping("/tillganglighet")
    String accessibilityStatement() {
        return "site/accessibility";
    }
}
