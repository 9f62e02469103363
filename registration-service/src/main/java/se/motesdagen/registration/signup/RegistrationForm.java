package se.motesdagen.registration.signup;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.motesdagen.registration.company.CompanyIdentified;
import se.motesdagen.registration.company.ContactEmail;
import se.motesdagen.registration.company.SniSection;
import se.motesdagen.registration.programme.Day;

/**
 * What a business fills in, from the web form or the JSON API. Bean Validation checks each field on its
 * own; the rules that need the day's programme or the register (sessions exist, one registration per
 * company) are checked by {@link Signups}. The personnummer of a sole trader lives only in
 * this object, for the length of the request. Messages are keys in messages_*.properties.
 */
@CompanyIdentified
public class RegistrationForm implements AttendeesAndVisit, CompanyIdentified.Fields {

    public static final int MAX_ATTENDEES = 10;

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

    /** Everyone the company sends, at least one; each chooses their own sessions. */
    @Valid
    @NotEmpty(message = "{registration.attendees.required}")
    @Size(max = MAX_ATTENDEES, message = "{registration.attendees.range}")
    private List<AttendeeForm> attendees = new ArrayList<>(List.of(new AttendeeForm()));

    @Size(max = 200, message = "{registration.street.tooLong}")
    private String street;

    @Pattern(regexp = "^$|^\\d{3} ?\\d{2}$", message = "{registration.postalCode.invalid}")
    private String postalCode;

    @Size(max = 100, message = "{registration.town.tooLong}")
    private String town;

    /** The company's SNI 2007 section, if it says. */
    private SniSection sniSection;

    private boolean wantsVisit;

    @Size(max = 10, message = "{registration.visitAreas.tooMany}")
    private List<VisitArea> visitAreas = new ArrayList<>();

    @Size(max = 2, message = "{registration.visitWindows.tooMany}")
    private List<VisitWindow> visitWindows = new ArrayList<>();

    /** "What should the municipality change?": carried to the feedback service as a proposal. */
    @Size(max = 2000, message = "{registration.suggestion.tooLong}")
    private String suggestion;

    @Size(max = 300, message = "{registration.visitAddress.tooLong}")
    private String visitAddress;

    @Size(max = 2000, message = "{registration.visitTopics.tooLong}")
    private String visitTopics;

    @Size(max = 200, message = "{registration.visitMeets.tooLong}")
    private String visitMeets;

    /** Answers to the day's own questions, by question id: a text, or a list of choice ids. */
    @Schema(
            description =
                    "The company's answers to the day's own questions (GET the day's page for them), by question id: a text, a number, a date (YYYY-MM-DD), yes or no (or true/false), a choice's id, or a list of choice ids for a multiple choice. A question asked only on another's answer counts only then. Each wrong answer is a 422 error on answers[questionId].",
            example = "{\"parkering\": \"yes\", \"antal-bilar\": 2}")
    @Size(max = Day.MAX_QUESTIONS, message = "{registration.question.unknown}")
    private Map<String, Object> answers = new LinkedHashMap<>();

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

    public List<AttendeeForm> getAttendees() {
        return attendees;
    }

    public void setAttendees(List<AttendeeForm> attendees) {
        this.attendees = attendees == null ? new ArrayList<>() : new ArrayList<>(attendees);
    }

    /** Every session someone of the company attends, each once, in the order first chosen. */
    public List<String> sessionIdsOfAll() {
        return attendees.stream()
                .flatMap(a -> a.getSessionIds().stream())
                .distinct()
                .toList();
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getTown() {
        return town;
    }

    public void setTown(String town) {
        this.town = town;
    }

    public SniSection getSniSection() {
        return sniSection;
    }

    public void setSniSection(SniSection sniSection) {
        this.sniSection = sniSection;
    }

    public List<VisitArea> getVisitAreas() {
        return visitAreas;
    }

    public void setVisitAreas(List<VisitArea> visitAreas) {
        this.visitAreas = visitAreas == null ? new ArrayList<>() : new ArrayList<>(visitAreas);
    }

    public List<VisitWindow> getVisitWindows() {
        return visitWindows;
    }

    public void setVisitWindows(List<VisitWindow> visitWindows) {
        this.visitWindows = visitWindows == null ? new ArrayList<>() : new ArrayList<>(visitWindows);
    }

    public String getSuggestion() {
        return suggestion;
    }

    public void setSuggestion(String suggestion) {
        this.suggestion = suggestion;
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

    public String getVisitMeets() {
        return visitMeets;
    }

    public void setVisitMeets(String visitMeets) {
        this.visitMeets = visitMeets;
    }

    public boolean isConsent() {
        return consent;
    }

    public void setConsent(boolean consent) {
        this.consent = consent;
    }

    public Map<String, Object> getAnswers() {
        return answers;
    }

    public void setAnswers(Map<String, Object> answers) {
        this.answers = answers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(answers);
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }
}
