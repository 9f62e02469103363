package se.motesdagen.registration.programme.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import se.motesdagen.registration.programme.Day;

/** What staff fill in for a day. Times are Stockholm wall-clock times, as people read them. */
public class DayForm {

    @NotBlank(message = "{programme.name.required}")
    @Size(max = 200, message = "{programme.tooLong}")
    private String name;

    @NotNull(message = "{programme.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    @NotNull(message = "{programme.time.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime opensAt = LocalTime.of(8, 30);

    @NotNull(message = "{programme.time.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime closesAt = LocalTime.of(15, 30);

    @NotBlank(message = "{programme.location.required}")
    @Size(max = 200, message = "{programme.tooLong}")
    private String location;

    @Size(max = 4000, message = "{programme.description.tooLong}")
    private String description;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime registrationOpens;

    @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm")
    private LocalDateTime registrationCloses;

    private boolean published;

    /** A day of company visits only, with no dialogue sessions. */
    private boolean visitsOnly;

    /** The rules between fields, reported on the field to change so the error summary links to it. */
    void checkOrder(Errors errors) {
        if (opensAt != null && closesAt != null && !closesAt.isAfter(opensAt)) {
            errors.rejectValue("closesAt", "programme.closesBeforeOpens");
        }
        if (registrationOpens != null && registrationCloses != null && !registrationCloses.isAfter(registrationOpens)) {
            errors.rejectValue("registrationCloses", "programme.registrationClosesBeforeOpens");
        }
    }

    static DayForm of(Day day) {
        DayForm form = new DayForm();
        form.name = day.name();
        form.date = day.date();
        form.opensAt = day.opensAt();
        form.closesAt = day.closesAt();
        form.location = day.location();
        form.description = day.description();
        form.registrationOpens =
                day.registrationOpens() == null ? null : LocalDateTime.ofInstant(day.registrationOpens(), Day.ZONE);
        form.registrationCloses =
                day.registrationCloses() == null ? null : LocalDateTime.ofInstant(day.registrationCloses(), Day.ZONE);
        form.published = day.isPublished();
        form.visitsOnly = day.isVisitsOnly();
        return form;
    }

    Day toDay(String id, List<Day.Session> sessions) {
        return new Day(
                id,
                name.strip(),
                date,
                opensAt,
                closesAt,
                location.strip(),
                description == null ? "" : description.strip(),
                sessions,
                registrationOpens == null
                        ? null
                        : registrationOpens.atZone(Day.ZONE).toInstant(),
                registrationCloses == null
                        ? null
                        : registrationCloses.atZone(Day.ZONE).toInstant(),
                published,
                visitsOnly);
    }

    public boolean isVisitsOnly() {
        return visitsOnly;
    }

    public void setVisitsOnly(boolean visitsOnly) {
        this.visitsOnly = visitsOnly;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public LocalTime getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(LocalTime opensAt) {
        this.opensAt = opensAt;
    }

    public LocalTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(LocalTime closesAt) {
        this.closesAt = closesAt;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDateTime getRegistrationOpens() {
        return registrationOpens;
    }

    public void setRegistrationOpens(LocalDateTime registrationOpens) {
        this.registrationOpens = registrationOpens;
    }

    public LocalDateTime getRegistrationCloses() {
        return registrationCloses;
    }

    public void setRegistrationCloses(LocalDateTime registrationCloses) {
        this.registrationCloses = registrationCloses;
    }

    public boolean isPublished() {
        return published;
    }

    public void setPublished(boolean published) {
        this.published = published;
    }
}
