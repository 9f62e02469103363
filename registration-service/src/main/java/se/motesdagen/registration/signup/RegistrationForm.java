package se.motesdagen.registration.signup;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * What a business fills in, from the web form or the JSON API. Bean Validation checks each field on its
 * own; the rules that need the day's programme or the register (sessions exist, one registration per
 * company) are checked by {@link RegistrationService}. The personnummer of a sole trader lives only in
 * this object, for the length of the request. Messages are keys in messages_*.properties.
 */
@CompanyIdentified
public class RegistrationForm {

    @NotBlank(message = "{registration.companyName.required}")
    @Size(max = 200, message = "{registration.companyName.tooLong}")
    private String companyName;

    private String organisationNumber;

    /** An enskild firma has no organisationsnummer; the owner's personnummer identifies it instead. */
    private boolean soleTrader;

    @Size(max = 13, message = "{registration.personalIdentityNumber.invalid}")
    private String personalIdentityNumber;

    @NotBlank(message = "{registration.contactName.required}")
    @Size(max = 200, message = "{registration.contactName.tooLong}")
    private String contactName;

    @ContactEmail
    private String email;

    @Size(max = 40, message = "{registration.phone.invalid}")
    @Pattern(regexp = "^$|^\\+?[0-9 ()-]{6,40}$", message = "{registration.phone.invalid}")
    private String phone;

    @NotNull(message = "{registration.attendees.required}")
    @Min(value = 1, message = "{registration.attendees.range}")
    @Max(value = 10, message = "{registration.attendees.range}")
    private Integer attendees = 1;

    @Size(max = 20, message = "{registration.sessions.tooMany}")
    private List<String> sessionIds = new ArrayList<>();

    private boolean wantsVisit;

    @Size(max = 300, message = "{registration.visitAddress.tooLong}")
    private String visitAddress;

    @Size(max = 2000, message = "{registration.visitTopics.tooLong}")
    private String visitTopics;

    @AssertTrue(message = "{registration.consent.required}")
    private boolean consent;

    /** A field people never see; bots fill it. A filled one is accepted and quietly dropped. */
    private String website;

    public boolean isSpam() {
        return website != null && !website.isBlank();
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getOrganisationNumber() {
        return organisationNumber;
    }

    public void setOrganisationNumber(String organisationNumber) {
        this.organisationNumber = organisationNumber;
    }

    public boolean isSoleTrader() {
        return soleTrader;
    }

    public void setSoleTrader(boolean soleTrader) {
        this.soleTrader = soleTrader;
    }

    public String getPersonalIdentityNumber() {
        return personalIdentityNumber;
    }

    public void setPersonalIdentityNumber(String personalIdentityNumber) {
        this.personalIdentityNumber = personalIdentityNumber;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public Integer getAttendees() {
        return attendees;
    }

    public void setAttendees(Integer attendees) {
        this.attendees = attendees;
    }

    public List<String> getSessionIds() {
        return sessionIds;
    }

    public void setSessionIds(List<String> sessionIds) {
        this.sessionIds = sessionIds == null ? new ArrayList<>() : sessionIds;
    }

    public boolean isWantsVisit() {
        return wantsVisit;
    }

    public void setWantsVisit(boolean wantsVisit) {
        this.wantsVisit = wantsVisit;
    }

    public String getVisitAddress() {
        return visitAddress;
    }

    public void setVisitAddress(String visitAddress) {
        this.visitAddress = visitAddress;
    }

    public String getVisitTopics() {
        return visitTopics;
    }

    public void setVisitTopics(String visitTopics) {
        this.visitTopics = visitTopics;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
