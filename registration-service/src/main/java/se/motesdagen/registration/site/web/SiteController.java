package se.motesdagen.registration.site.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import se.motesdagen.platform.security.StaffMember;
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

    /**
     * Where "För personal" and a fresh sign-in lead: the page a member of staff starts from, by role.
     * Only a person with a role gets here (the route matrix); the chain tells the others why not.
     */
    @GetMapping("/personal")
    String staffStart() {
        StaffMember member = StaffMember.current().orElseThrow();
        if (member.plans()) {
            return "redirect:/personal/anmalningar";
        }
        return member.hosts() ? "redirect:/besok/personal/scheman" : "redirect:/aterkoppling/personal/resultat";
    }

    /** Tillgänglighetsredogörelse under DOS-lagen (2018:1937), with a way to report barriers. */
    @GetMapping("/tillganglighet")
    String accessibilityStatement() {
        return "site/accessibility";
    }
}
