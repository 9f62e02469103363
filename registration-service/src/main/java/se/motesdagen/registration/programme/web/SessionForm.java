package se.motesdagen.registration.programme.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;
import se.motesdagen.registration.programme.Day;

/** What staff fill in for a session of a day. */
public class SessionForm {

    @NotBlank(message = "{programme.title.required}")
    @Size(max = 200, message = "{programme.tooLong}")
    private String title;

    @Size(max = 2000, message = "{programme.description.tooLong}")
    private String description;

    @NotNull(message = "{programme.time.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime startsAt;

    @NotNull(message = "{programme.time.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime endsAt;

    @Size(max = 100, message = "{programme.tooLong}")
    private String room;

    @Size(max = 100, message = "{programme.tooLong}")
    private String track;

    @NotNull(message = "{programme.capacity.range}")
    @Min(value = 1, message = "{programme.capacity.range}")
    @Max(value = 5000, message = "{programme.capacity.range}")
    private Integer capacity = 30;

    /** The rule between fields, reported on the field to change so the error summary links to it. */
    void checkOrder(Errors errors) {
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            errors.rejectValue("endsAt", "programme.endsBeforeStarts");
        }
    }

    static SessionForm of(Day.Session session) {
        SessionForm form = new SessionForm();
        form.title = session.title();
        form.description = session.description();
        form.startsAt = session.startsAt();
        form.endsAt = session.endsAt();
        form.room = session.room();
        form.track = session.track();
        form.capacity = session.capacity();
        return form;
    }

    Day.Session toSession(String id) {
        return new Day.Session(
                id,
                title.strip(),
                description == null ? "" : description.strip(),
                startsAt,
                endsAt,
                room == null || room.isBlank() ? null : room.strip(),
                capacity,
                track == null || track.isBlank() ? null : track.strip());
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalTime endsAt) {
        this.endsAt = endsAt;
    }

    public String getRoom() {
        return room;
    }

    public void setRoom(String room) {
        this.room = room;
    }

    public String getTrack() {
        return track;
    }

    public void setTrack(String track) {
        this.track = track;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }
}
