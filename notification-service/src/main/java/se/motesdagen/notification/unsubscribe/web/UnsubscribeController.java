package se.motesdagen.notification.unsubscribe.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import se.motesdagen.notification.unsubscribe.Unsubscribes;

/**
 * The link in every reminder. Opening it shows a button (a mail scanner that opens links unsubscribes
 * nobody); pressing it, or a mail program's one-click POST (RFC 8058), stops the reminders. The token
 * is the only credential, so this path needs no CSRF token.
 */
@Controller
class UnsubscribeController {

    private final Unsubscribes unsubscribes;

    UnsubscribeController(Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GetMapping("/avregistrera")
    String ask(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        boolean known = !token.isEmpty() && unsubscribes.known(token);
        model.addAttribute("token", token);
        model.addAttribute("known", known);
        if (!known) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        return "mail/unsubscribe";
    }

    @PostMapping(value = "/avregistrera", params = "List-Unsubscribe")
    @ResponseBody
    ResponseEntity<Void> oneClick(@RequestParam(defaultValue = "") String token) {
        return unsubscribes.unsubscribe(token)
                ? ResponseEntity.ok().build()
                : ResponseEntity.notFound().build();
    }

    @PostMapping("/avregistrera")
    String unsubscribe(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
        boolean done = !token.isEmpty() && unsubscribes.unsubscribe(token);
        if (!done) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("token", token);
        model.addAttribute("known", done);
        model.addAttribute("done", done);
        return "mail/unsubscribe";
    }
}
