package se.motesdagen.notification.mail;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Every mail is one Thymeleaf HTML template per language ({@code mail/sv/…}, {@code mail/en/…}) in the
 * shared frame {@code mail/layout.html} (logo, the sender's footer, why the recipient gets it, the
 * privacy notice); the plain-text part is read out of the HTML ({@link PlainText}), so both parts always
 * say the same. Subjects come from messages_*.properties, filled in with the event's name or with the
 * model's {@code subjectArguments}.
 */
@Component
public class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;
    private final MailSender sender;

    MailTemplates(MessageSource messages, MailSender sender) {
        this.messages = messages;
        this.sender = sender;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    public Rendered render(String template, Locale locale, Map<String, Object> model) {
        Object[] subjectArguments =
                model.get("subjectArguments") instanceof Object[] given ? given : new Object[] {model.get("eventName")};
        String subject = messages.getMessage("mail." + template + ".subject", subjectArguments, locale);
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("template", template);
        variables.put("subject", subject);
        variables.put("sender", sender);
        String language = "en".equals(locale.getLanguage()) ? "en" : "sv";
        String html = engine.process(language + "/" + template, new Context(locale, variables));
        return new Rendered(subject, html, PlainText.of(html));
    }

    public record Rendered(String subject, String html, String text) {}
}
