package se.motesdagen.visit.request;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A visit staff add by hand, outside the business day: the year-round programme of company visits
 * (about 120 a year) that comes by phone or e-mail rather than through the registration form.
 */
public class VisitRequestForm {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern ORGANISATION_NUMBER = Pattern.compile("^\\d{6}-?\\d{4}$");
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private String company = "";
    private String organisationNumber = "";
    private String contactName = "";
    private String contactEmail = "";
    private String contactPhone = "";
    private String meets = "";
    private String address = "";
    private String topics = "";
    private String language = "sv";
    private String windows = "";

    /** What is wrong, field by field, in words staff can act on; empty when the visit can be added. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (company.isBlank()) {
            problems.put("company", "Företagets namn saknas.");
        } else if (company.length() > 200) {
            problems.put("company", "Namnet är längre än 200 tecken.");
        }
        if (!organisationNumber.isBlank()
                && !ORGANISATION_NUMBER.matcher(organisationNumber.strip()).matches()) {
            problems.put(
                    "organisationNumber",
                    "Organisationsnumret skrivs med tio siffror, till exempel 556677-8899, eller lämnas tomt.");
        }
        if (contactName.isBlank()) {
            problems.put("contactName", "Kontaktpersonens namn saknas.");
        }
        String email = contactEmail.strip();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            problems.put(
                    "contactEmail",
                    email.isEmpty()
                            ? "E-postadress saknas: dit skickas tiden och länken för att bekräfta."
                            : "E-postadressen ”" + email + "” ser inte riktig ut.");
        }
        if (meets.length() > 200) {
            problems.put("meets", "Skriv högst 200 tecken om vem som tar emot.");
        }
        if (address.isBlank()) {
            problems.put("address", "Adressen saknas: värdarna ska hitta dit.");
        }
        if (!language.equals("sv") && !language.equals("en")) {
            problems.put("language", "Välj svenska eller engelska.");
        }
        List<String> unreadable = new ArrayList<>();
        List<DayTimes> read = new ArrayList<>();
        for (String line : windows.split("[,\\n]")) {
            if (!line.isBlank()) {
                DayTimes.parse(line).ifPresentOrElse(read::add, () -> unreadable.add("”" + line.strip() + "”"));
            }
        }
        if (!unreadable.isEmpty()) {
            problems.put(
                    "windows",
                    String.join(", ", unreadable)
                            + " går inte att läsa som tid: skriv datum och tider, till exempel 2027-10-05 09:00-12:00.");
        } else if (read.isEmpty()) {
            problems.put("windows", "Skriv minst en dag och tid då företaget kan ta emot besöket.");
        }
        return problems;
    }

    /** The times the company can receive, as instants (checked by {@link #problems()} first). */
    public List<VisitRequest.Receivable> receivable() {
        List<VisitRequest.Receivable> receivable = new ArrayList<>();
        for (String line : windows.split("[,\\n]")) {
            DayTimes.parse(line.isBlank() ? "-" : line)
                    .ifPresent(t -> receivable.add(new VisitRequest.Receivable(
                            t.day().atTime(t.from()).atZone(STOCKHOLM).toInstant(),
                            t.day().atTime(t.to()).atZone(STOCKHOLM).toInstant())));
        }
        return receivable;
    }

    public String normalisedEmail() {
        return contactEmail.strip().toLowerCase(Locale.ROOT);
    }

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company == null ? "" : company;
    }

    public String getOrganisationNumber() {
        return organisationNumber;
    }

    public void setOrganisationNumber(String organisationNumber) {
        this.organisationNumber = organisationNumber == null ? "" : organisationNumber;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName == null ? "" : contactName;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail == null ? "" : contactEmail;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone == null ? "" : contactPhone;
    }

    /** Who at the company meets the visitors; empty when it is the contact person. */
    public String getMeets() {
        return meets;
    }

    public void setMeets(String meets) {
        this.meets = meets == null ? "" : meets;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address == null ? "" : address;
    }

    public String getTopics() {
        return topics;
    }

    public void setTopics(String topics) {
        this.topics = topics == null ? "" : topics;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language == null ? "" : language;
    }

    public String getWindows() {
        return windows;
    }

    public void setWindows(String windows) {
        this.windows = windows == null ? "" : windows;
    }
}
