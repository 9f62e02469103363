package se.motesdagen.registration.signup;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** "Send the confirm link again": the address the registration was made with, and the form's honeypot. */
public class ResendForm {

    @NotBlank(message = "{registration.email.required}")
    @Email(message = "{registration.email.invalid}")
    @Pattern(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{registration.email.invalid}")
    @Size(max = 254, message = "{registration.email.invalid}")
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
