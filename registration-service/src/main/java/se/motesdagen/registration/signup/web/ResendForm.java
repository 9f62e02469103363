package se.motesdagen.registration.signup.web;

import se.motesdagen.registration.company.ContactEmail;

/** "Send the confirm link again": the address the registration was made with, and the form's honeypot. */
public class ResendForm {

    @ContactEmail
    private String email;

    private String website;

    boolean isSpam() {
        return website != null && !website.isBlank();
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        // a pasted address often brings a space along
        this.email = email == null ? null : email.strip();
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
