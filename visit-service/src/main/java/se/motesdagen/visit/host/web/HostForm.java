package se.motesdagen.visit.host.web;

import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import se.motesdagen.visit.host.Host;
import se.motesdagen.visit.host.HostList;

/** The host form as typed; checked by {@link HostList#check}, the same rules as a row of the list. */
public class HostForm {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private String name = "";
    private String email = "";
    private String phone = "";
    private String role = "";
    private String affiliation = "";
    private String expertise = "";
    private String availability = "";

    static HostForm of(Host host) {
        HostForm form = new HostForm();
        form.name = host.name();
        form.email = host.email();
        form.phone = host.phone() == null ? "" : host.phone();
        form.role = host.role() == Host.Role.POLITICIAN ? "politiker" : "tjänsteperson";
        form.affiliation = host.affiliation() == null ? "" : host.affiliation();
        form.expertise = String.join(", ", host.expertise());
        form.availability = host.availability().stream()
                .map(a -> a.day() + " " + TIME.format(a.from()) + "-" + TIME.format(a.to()))
                .collect(Collectors.joining("\n"));
        return form;
    }

    HostList.Fields fields() {
        return new HostList.Fields(name, email, phone, role, affiliation, expertise, availability);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getAffiliation() {
        return affiliation;
    }

    public void setAffiliation(String affiliation) {
        this.affiliation = affiliation;
    }

    public String getExpertise() {
        return expertise;
    }

    public void setExpertise(String expertise) {
        this.expertise = expertise;
    }

    public String getAvailability() {
        return availability;
    }

    public void setAvailability(String availability) {
        this.availability = availability;
    }
}
