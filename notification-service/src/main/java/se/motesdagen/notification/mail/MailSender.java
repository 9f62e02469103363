package se.motesdagen.notification.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who the e-mails come from, as every mail's header and footer show it: the municipality, the unit that
 * answers, how to reach it, and where its privacy notice is. From configuration, so another
 * municipality changes words and logo, not templates.
 *
 * @param organisation the municipality, as in "Nyköpings kommun"
 * @param unit the unit that runs the day and answers replies
 * @param email where questions go (also the reply address people see in the footer)
 * @param phone the unit's telephone, written as people dial it
 * @param website the municipality's page for businesses
 * @param privacyUrl the privacy notice: what is kept, why, for how long, and whom to ask
 * @param logo a PNG on the classpath, sent inside the mail (no remote image to block or track)
 * @param logoAlt the logo's text alternative
 */
@ConfigurationProperties("motesdagen.mail.sender")
public record MailSender(
        String organisation,
        String unit,
        String email,
        String phone,
        String website,
        String privacyUrl,
        String logo,
        String logoAlt) {

    public MailSender {
        organisation = organisation == null ? "Nyköpings kommun" : organisation;
        unit = unit == null ? "Näringslivsenheten" : unit;
        email = email == null ? "naringsliv@nykoping.example" : email;
        phone = phone == null ? "0155-00 00 00" : phone;
        website = website == null ? "https://nykoping.example/naringsliv" : website;
        privacyUrl = privacyUrl == null ? "https://nykoping.example/personuppgifter" : privacyUrl;
        logo = logo == null ? "mail/logo.png" : logo;
        logoAlt = logoAlt == null ? organisation : logoAlt;
    }
}
