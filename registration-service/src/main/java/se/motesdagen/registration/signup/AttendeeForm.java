package se.motesdagen.registration.signup;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.motesdagen.registration.programme.Day;

/**
 * One person the company sends: who they are, which sessions they attend, and what they need to take
 * part (food, access). The address is optional: the contact person gets every e-mail.
 */
public class AttendeeForm {

    /** Set on the manage page for an attendee already registered, so their seats stay theirs. */
    @Pattern(regexp = "^$|^[0-9]{1,3}$", message = "{registration.attendee.unknown}")
    private String id;

    @NotBlank(message = "{registration.attendee.name.required}")
    @Size(max = 200, message = "{registration.attendee.name.tooLong}")
    private String name;

    @Email(message = "{registration.email.invalid}")
    @Pattern(regexp = "^$|^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "{registration.email.invalid}")
    @Size(max = 254, message = "{registration.email.invalid}")
    private String email;

    @Size(max = 100, message = "{registration.attendee.role.tooLong}")
    private String role;

    @Size(max = 20, message = "{registration.sessions.tooMany}")
    private List<String> sessionIds = new ArrayList<>();

    @Size(max = 500, message = "{registration.attendee.needs.tooLong}")
    private String needs;

    /** This attendee's answers to the day's questions for each attendee, by question id: a text, or a list of choice ids. */
    @Schema(
            description =
                    "This attendee's answers to the day's questions for each attendee, as the company's answers; errors are on attendees[i].answers[questionId].",
            example = "{\"lunch\": \"vegetarisk\"}")
    @Size(max = Day.MAX_QUESTIONS, message = "{registration.question.unknown}")
    private Map<String, Object> answers = new LinkedHashMap<>();

    public AttendeeForm() {}

    public AttendeeForm(String name, List<String> sessionIds) {
        this.name = name;
        setSessionIds(sessionIds);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public List<String> getSessionIds() {
        return sessionIds;
    }

    public void setSessionIds(List<String> sessionIds) {
        this.sessionIds = sessionIds == null ? new ArrayList<>() : new ArrayList<>(sessionIds);
    }

    public Map<String, Object> getAnswers() {
        return answers;
    }

    public void setAnswers(Map<String, Object> answers) {
        this.answers = answers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(answers);
    }

    public String getNeeds() {
        return needs;
    }

    public void setNeeds(String needs) {
        this.needs = needs;
    }
}
