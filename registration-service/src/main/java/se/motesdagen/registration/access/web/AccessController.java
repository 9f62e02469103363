package se.motesdagen.registration.access.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import se.motesdagen.platform.audit.Audit;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.platform.security.StaffMember;
import se.motesdagen.registration.access.AccessRequest;
import se.motesdagen.registration.access.AccessRequests;
import se.motesdagen.registration.access.AccessSubject;
import se.motesdagen.registration.company.CompanyIdentity;
import se.motesdagen.registration.programme.Day;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access requests (registerutdrag) for ADMIN: ask about an organisation or an e-mail address, watch the
 * services answer, and download the document as HTML to read or print and as JSON to pass on.
 */
@Controller
class AccessController {

    private final AccessRequests requests;
    private final CompanyIdentity identity;
    private final JsonMapper json;
    private final Clock clock;

    AccessController(AccessRequests requests, CompanyIdentity identity, JsonMapper json, Clock clock) {
        this.requests = requests;
        this.identity = identity;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/personal/registerutdrag")
    String list(Model model) {
        model.addAttribute("requests", requests.recent());
        return "access/requests";
    }

    /** A subject that is no organisationsnummer, personnummer or e-mail address is sent back with a 422, as every form is. */
    @Audited("access.requested")
    @PostMapping("/personal/registerutdrag")
    String ask(@RequestParam(name = "vem", required = false) String typed, Model model, HttpServletResponse response) {
        Optional<AccessSubject> subject = AccessSubject.parse(typed, identity, LocalDate.now(clock.withZone(Day.ZONE)));
        if (subject.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("invalid", true);
            model.addAttribute("typed", typed);
            return list(model);
        }
        String by = StaffMember.current().map(StaffMember::subject).orElse("?");
        AccessRequest request = requests.ask(subject.get(), by);
        Audit.record(request.getId());
        return "redirect:/personal/registerutdrag/" + request.getId();
    }

    @Audited(value = "access.viewed", record = "id")
    @GetMapping("/personal/registerutdrag/{id}")
    String request(@PathVariable String id, Model model) {
        model.addAttribute("request", find(id));
        model.addAttribute("services", AccessRequest.SERVICES);
        return "access/request";
    }

    /** The document alone, with its own styles, to keep, print or send to the person. */
    @Audited(value = "access.downloaded", record = "id")
    @GetMapping("/personal/registerutdrag/{id}/utdrag.html")
    String html(@PathVariable String id, Model model, HttpServletResponse response) {
        AccessRequest request = find(id);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(request, "html"));
        model.addAttribute("request", request);
        model.addAttribute("services", AccessRequest.SERVICES);
        return "access/document";
    }

    @Audited(value = "access.downloaded", record = "id")
    @GetMapping("/personal/registerutdrag/{id}/utdrag.json")
    ResponseEntity<byte[]> json(@PathVariable String id) {
        AccessRequest request = find(id);
        Map<String, Object> services = new LinkedHashMap<>();
        for (String service : AccessRequest.SERVICES) {
            services.put(service, request.getAnswers().get(service)); // null: it has not answered
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("requestId", request.getId());
        document.put("subject", request.getSubject());
        document.put("requestedAt", request.getRequestedAt());
        document.put("complete", request.isComplete());
        document.put("services", services);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(request, "json"))
                .body(json.writeValueAsBytes(document));
    }

    private AccessRequest find(String id) {
        return requests.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String attachment(AccessRequest request, String extension) {
        String day = request.getRequestedAt().atZone(Day.ZONE).toLocalDate().toString();
        return ContentDisposition.attachment()
                .filename("registerutdrag-" + day + "-" + request.getId().substring(0, 8) + "." + extension)
                .build()
                .toString();
    }
}
