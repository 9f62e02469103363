package se.motesdagen.notification.mail;

import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Plain-text e-mails from Thymeleaf TEXT templates in {@code mail/}, one per template and the subject
 * from messages_*.properties. Plain text reads well in every client and in screen readers.
 */
@Component
class MailTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final MessageSource messages;

    MailTemplates(MessageSource messages) {
        this.messages = messages;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    Rendered render(String template, Locale locale, Map<String, Object> model) {
        String body = engine.process(template, new Context(locale, model));
        String subject =
                messages.getMessage("mail." + template + ".subject", new Object[] {model.get("eventName")}, locale);
        return new Rendered(subject, body);
    }

    record Rendered(String subject, String body) {}
}
