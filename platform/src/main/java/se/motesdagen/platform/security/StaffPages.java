package se.motesdagen.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * What a person sees when the security chain stops them: a page that says why and what to do, with the
 * status and {@code WWW-Authenticate} header a program expects (401 with a sign-in link when the token
 * is missing, forged or expired; 403 that names their role, or says they have none). Written here
 * because the chain answers before any controller or template runs.
 */
final class StaffPages implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denial = new BearerTokenAccessDeniedHandler();
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final String signInUrl;

    StaffPages(MessageSource messages, LocaleResolver locales, String signInUrl) {
        this.messages = messages;
        this.locales = locales;
        this.signInUrl = signInUrl;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException problem)
            throws IOException {
        challenge.commence(request, response, problem);
        Locale locale = locales.resolveLocale(request);
        String back =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String link = signInUrl + "?till=" + URLEncoder.encode(back, StandardCharsets.UTF_8);
        write(
                request,
                response,
                locale,
                text("staff.signIn.title", locale),
                "<p>" + text("staff.signIn.text", locale) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">"
                        + text("staff.signIn.link", locale) + "</a></p>");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException problem)
            throws IOException {
        denial.handle(request, response, problem);
        Locale locale = locales.resolveLocale(request);
        StaffMember member = StaffMember.current().orElse(null);
        String explanation;
        if (member == null) {
            explanation = text("staff.denied.title", locale);
        } else if (member.roles().isEmpty()) {
            explanation = messages.getMessage(
                    "staff.denied.noRole", new Object[] {HtmlUtils.htmlEscape(member.name())}, locale);
        } else {
            String roles = member.roles().stream()
                    .map(role -> text("staff.role." + role.name(), locale))
                    .collect(Collectors.joining(", "));
            explanation = messages.getMessage(
                    "staff.denied.text", new Object[] {HtmlUtils.htmlEscape(member.name()), roles}, locale);
        }
        write(
                request,
                response,
                locale,
                text("staff.denied.title", locale),
                "<p>" + explanation + "</p>" + onwards(member, locale));
    }

    /** With no role, the staff start page would only say the same again: another account, or the public site. */
    private String onwards(StaffMember member, Locale locale) {
        if (member != null && member.roles().isEmpty()) {
            return "<form method=\"post\" action=\"/logga-ut\"><p><button type=\"submit\" class=\"button secondary\">"
                    + text("nav.signOut", locale) + "</button> <a href=\"/\">" + text("nav.event", locale)
                    + "</a></p></form>";
        }
        return "<p><a href=\"/personal\">" + text("staff.denied.home", locale) + "</a></p>";
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, Locale locale, String title, String body)
            throws IOException {
        if (!accepts(request, MediaType.TEXT_HTML) || response.isCommitted()) {
            return;
        }
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s – Mötesdagen</title><link rel="stylesheet" href="%s/css/app.css"></head>
                <body><main id="main" class="narrow"><h1>%s</h1>%s</main></body></html>
                """.formatted(locale.getLanguage(), title, request.getContextPath(), title, body));
    }

    private static boolean accepts(HttpServletRequest request, MediaType type) {
        String accept = request.getHeader("Accept");
        return accept != null
                && MediaType.parseMediaTypes(accept).stream().anyMatch(type::isCompatibleWith)
                && !MediaType.parseMediaTypes(accept).stream().allMatch(MediaType.ALL::equals);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
