package se.motesdagen.notification.mail.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import se.motesdagen.notification.mail.Attachment;
import se.motesdagen.notification.mail.DeliveryLog;
import se.motesdagen.notification.mail.MailSender;
import se.motesdagen.notification.mail.MailTemplates;
import se.motesdagen.notification.mail.Mailbox;
import se.motesdagen.notification.mail.MessageRepository;
import se.motesdagen.notification.mail.OutgoingMessage;
import se.motesdagen.notification.mail.TemplatePreviews;
import se.motesdagen.platform.audit.Audit;
import se.motesdagen.platform.audit.Audited;

/**
 * The delivery log for staff: every message with its state, searchable; one message as it was sent
 * (text, HTML, files); sending one again with a reason; and every template previewed with example data.
 */
@Controller
class StaffMessageController {

    static final int PAGE_SIZE = 50;
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** What a mail's HTML may do when staff open it: its own inline styles and our logo, nothing else. */
    private static final String MAIL_CSP =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'";

    private final DeliveryLog log;
    private final MessageRepository messages;
    private final Mailbox mailbox;
    private final TemplatePreviews previews;
    private final MailSender sender;

    StaffMessageController(
            DeliveryLog log,
            MessageRepository messages,
            Mailbox mailbox,
            TemplatePreviews previews,
            MailSender sender) {
        this.log = log;
        this.messages = messages;
        this.mailbox = mailbox;
        this.previews = previews;
        this.sender = sender;
    }

    @GetMapping("/personal/meddelanden")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String mall,
            @RequestParam(required = false) OutgoingMessage.Status status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fran,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate till,
            @RequestParam(defaultValue = "1") int sida,
            Model model) {
        int page = Math.max(1, sida);
        DeliveryLog.Page found = log.page(new DeliveryLog.Search(q, mall, status, fran, till), page, PAGE_SIZE);
        model.addAttribute("messages", found.messages());
        model.addAttribute("found", found.found());
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (found.found() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("q", q);
        model.addAttribute("mall", mall);
        model.addAttribute("status", status);
        model.addAttribute("fran", fran);
        model.addAttribute("till", till);
        model.addAttribute("templates", previews.templates());
        model.addAttribute("statuses", Arrays.asList(OutgoingMessage.Status.values()));
        return "mail/staff-list";
    }

    @Audited(value = "message.viewed", record = "id")
    @GetMapping("/personal/meddelanden/{id}")
    String detail(@PathVariable String id, Model model) {
        OutgoingMessage message = messages.findById(id).orElseThrow(StaffMessageController::notFound);
        model.addAttribute("message", message);
        model.addAttribute("copies", log.copiesOf(id));
        return "mail/staff-detail";
    }

    /** The HTML part as the recipient's mail program shows it, with our logo where the mail has it inline. */
    @Audited(value = "message.viewed", record = "id")
    @GetMapping("/personal/meddelanden/{id}/html")
    ResponseEntity<String> html(@PathVariable String id, HttpServletRequest request) {
        OutgoingMessage message = messages.findById(id).orElseThrow(StaffMessageController::notFound);
        if (message.getHtml() == null) {
            throw notFound();
        }
        String html = message.getHtml();
        List<Attachment> files = message.getAttachments();
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i).inline()) { // an image inside the mail: shown from the log's copy
                html = html.replace(
                        "src=\"cid:" + files.get(i).contentId() + "\"",
                        "src=\"" + request.getContextPath() + "/personal/meddelanden/" + id + "/filer/" + i + "\"");
            }
        }
        return mailPage(html, request);
    }

    @Audited(value = "message.viewed", record = "id")
    @GetMapping("/personal/meddelanden/{id}/filer/{index}")
    ResponseEntity<byte[]> file(@PathVariable String id, @PathVariable int index) {
        OutgoingMessage message = messages.findById(id).orElseThrow(StaffMessageController::notFound);
        List<Attachment> files = message.getAttachments();
        if (index < 0 || index >= files.size()) {
            throw notFound();
        }
        Attachment file = files.get(index);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.filename(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(file.bytes());
    }

    @Audited(value = "message.resent", record = "id")
    @PostMapping("/personal/meddelanden/{id}/skicka-igen")
    String resend(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            Principal staff,
            Model model,
            RedirectAttributes redirect) {
        OutgoingMessage message = messages.findById(id).orElseThrow(StaffMessageController::notFound);
        String why = reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            Audit.nothingDone();
            model.addAttribute(
                    "reasonError", why.isEmpty() ? "staff.resend.reason.missing" : "staff.resend.reason.long");
            model.addAttribute("reason", reason);
            return detail(id, model);
        }
        return mailbox.resend(message.getId(), staff.getName(), why)
                .map(copy -> {
                    redirect.addFlashAttribute("resent", true);
                    return "redirect:/personal/meddelanden/" + copy.getId();
                })
                .orElseGet(() -> {
                    Audit.nothingDone();
                    model.addAttribute("reasonError", "staff.resend.impossible");
                    model.addAttribute("reason", reason);
                    return detail(id, model);
                });
    }

    @GetMapping("/personal/meddelanden/mallar")
    String templates(Model model) {
        model.addAttribute("templates", previews.templates());
        return "mail/staff-templates";
    }

    @GetMapping("/personal/meddelanden/mallar/{template}")
    String preview(@PathVariable String template, @RequestParam(defaultValue = "sv") String sprak, Model model) {
        MailTemplates.Rendered rendered =
                previews.render(template, sprak).orElseThrow(StaffMessageController::notFound);
        model.addAttribute("template", template);
        model.addAttribute("language", "en".equals(sprak) ? "en" : "sv");
        model.addAttribute("rendered", rendered);
        return "mail/staff-preview";
    }

    @GetMapping("/personal/meddelanden/mallar/{template}/html")
    ResponseEntity<String> previewHtml(
            @PathVariable String template,
            @RequestParam(defaultValue = "sv") String sprak,
            HttpServletRequest request) {
        return mailPage(
                previews.render(template, sprak)
                        .orElseThrow(StaffMessageController::notFound)
                        .html(),
                request);
    }

    @GetMapping(value = "/personal/meddelanden/logo.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> logo() throws IOException {
        return ResponseEntity.ok(new ClassPathResource(sender.logo()).getContentAsByteArray());
    }

    private static ResponseEntity<String> mailPage(String html, HttpServletRequest request) {
        String logo = request.getContextPath() + "/personal/meddelanden/logo.png";
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", MAIL_CSP)
                .body(html.replace("src=\"cid:logo\"", "src=\"" + logo + "\""));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
