package se.motesdagen.registration.site;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages about the site itself, which the law asks every public e-service to publish. */
@Controller
class SiteController {

    /** Tillgänglighetsredogörelse under DOS-lagen (2018:1937), with a way to report barriers. */
    @GetMapping("/tillganglighet")
    String accessibilityStatement() {
        return "site/accessibility";
    }
}
