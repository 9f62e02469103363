package se.motesdagen.notification.mail;

import java.util.Locale;
import java.util.Map;

/**
 * What an event asks to be mailed, before it is rendered: the template, to whom, in which language and
 * with what in it. Made by the same code for the real mail and for the staff's template preview.
 */
record Letter(String template, String registrationId, String recipient, Locale locale, Map<String, Object> model) {}
