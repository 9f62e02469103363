package se.motesdagen.visit.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The host roster for staff: who visits, what they know, when they are free; a list is imported from CSV. */
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
        return "host/staff-list";
    }

    /** A list with any wrong row imports nothing: the page names each row and what to mend. */
    @PostMapping("/personal/vardar/import")
    String importList(@RequestParam(name = "fil", required = false) MultipartFile file, Model model)
            throws IOException {
        HostList.Read read;
        if (file == null || file.isEmpty()) {
            read = new HostList.Read(
                    java.util.List.of(),
                    java.util.List.of(
                            new HostList.RowProblem(0, null, java.util.List.of("Välj en CSV-fil att läsa in."))));
        } else if (file.getSize() > MAX_FILE_BYTES) {
            read = new HostList.Read(
                    java.util.List.of(),
                    java.util.List.of(new HostList.RowProblem(
                            0, null, java.util.List.of("Filen är större än 1 MB. Är det rätt fil?"))));
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
