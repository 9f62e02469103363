package se.motesdagen.visit.host.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.platform.audit.Audit;
import se.motesdagen.platform.audit.Audited;
import se.motesdagen.visit.host.Host;
import se.motesdagen.visit.host.HostList;
import se.motesdagen.visit.host.Hosts;

/**
 * The host roster for staff: who visits, what they know, when they are free. A whole list is imported
 * from CSV; one host is added, changed or taken off with a form checked by the same rules.
 */
@Controller
class StaffHostController {

    static final long MAX_FILE_BYTES = 1_000_000;

    private final Hosts hosts;

    StaffHostController(Hosts hosts) {
        this.hosts = hosts;
    }

    @GetMapping("/personal/vardar")
    String list(Model model) {
        model.addAttribute("hosts", hosts.all());
        model.addAttribute("columns", String.join(";", HostList.COLUMNS));
        model.addAttribute("erasures", hosts.recentErasures());
        return "host/staff-list";
    }

    /** The form for one host: empty for a new one. */
    @GetMapping("/personal/vardar/ny")
    String newHost(Model model) {
        model.addAttribute("form", new HostForm());
        model.addAttribute("problems", Map.of());
        return "host/staff-form";
    }

    @Audited(value = "host.viewed", record = "id")
    @GetMapping("/personal/vardar/{id}")
    String edit(@PathVariable String id, Model model) {
        Host host = hosts.find(id).orElseThrow(NotFound::new);
        model.addAttribute("form", HostForm.of(host));
        model.addAttribute("hostId", id);
        model.addAttribute("problems", Map.of());
        return "host/staff-form";
    }

    @Audited("host.created")
    @PostMapping("/personal/vardar/ny")
    String add(
            @ModelAttribute("form") HostForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return save(null, form, model, response, redirect);
    }

    @Audited(value = "host.changed", record = "id")
    @PostMapping("/personal/vardar/{id}")
    String change(
            @PathVariable String id,
            @ModelAttribute("form") HostForm form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        hosts.find(id).orElseThrow(NotFound::new);
        return save(id, form, model, response, redirect);
    }

    /** Takes the host off the roster. */
    @Audited(value = "host.removed", record = "id")
    @PostMapping("/personal/vardar/{id}/ta-bort")
    String remove(@PathVariable String id, RedirectAttributes redirect) {
        Host host = hosts.find(id).orElseThrow(NotFound::new);
        hosts.remove(id);
        redirect.addFlashAttribute("removed", host.name());
        return "redirect:/personal/vardar";
    }

    /**
     * Erases the host (GDPR art. 17), for ADMIN: the box ticked as well, since it cannot be undone, unlike
     * taking a host off the roster.
     */
    @Audited(value = "host.erased", record = "id")
    @PostMapping("/personal/vardar/{id}/radera")
    String erase(
            @PathVariable String id, @RequestParam(defaultValue = "false") boolean sure, RedirectAttributes redirect) {
        hosts.find(id).orElseThrow(NotFound::new);
        if (!sure) {
            Audit.nothingDone();
            redirect.addFlashAttribute("eraseNotSure", true);
            return "redirect:/personal/vardar/" + id;
        }
        hosts.erase(id);
        redirect.addFlashAttribute("erased", true);
        return "redirect:/personal/vardar";
    }

    /** Checked as a row of the list is; a wrong form is shown again with each field's problem beside it. */
    private String save(
            String id, HostForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        HostList.Checked checked = HostList.check(form.fields());
        Map<String, String> problems = new LinkedHashMap<>(checked.problems());
        if (problems.isEmpty()) {
            switch (hosts.save(id, checked.host())) {
                case Hosts.Stored stored -> {
                    redirect.addFlashAttribute("saved", stored.host().name());
                    return "redirect:/personal/vardar";
                }
                case Hosts.EmailTaken taken ->
                    problems.put(
                            "email",
                            "E-postadressen används redan av " + taken.name() + ". Ändra den värden i stället.");
                case Hosts.NotFound missing -> throw new NotFound();
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("hostId", id);
        model.addAttribute("problems", problems);
        return "host/staff-form";
    }

    /** No such host: the roster's 404. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class NotFound extends RuntimeException {}

    /** A list with any wrong row imports nothing: the page names each row and what to mend. */
    @Audited("hosts.imported")
    @PostMapping("/personal/vardar/import")
    String importList(@RequestParam(name = "fil", required = false) MultipartFile file, Model model)
            throws IOException {
        HostList.Read read;
        if (file == null || file.isEmpty()) {
            read = new HostList.Read(
                    List.of(), List.of(new HostList.RowProblem(0, null, List.of("Välj en CSV-fil att läsa in."))));
        } else if (file.getSize() > MAX_FILE_BYTES) {
            read = new HostList.Read(
                    List.of(),
                    List.of(new HostList.RowProblem(0, null, List.of("Filen är större än 1 MB. Är det rätt fil?"))));
        } else {
            read = HostList.read(new String(file.getBytes(), StandardCharsets.UTF_8));
        }
        if (read.ok()) {
            model.addAttribute("imported", hosts.importList(read));
        } else {
            model.addAttribute("problems", read.problems());
        }
        return list(model);
    }
}
