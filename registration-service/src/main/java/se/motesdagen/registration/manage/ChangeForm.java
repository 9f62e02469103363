package se.motesdagen.registration.manage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.motesdagen.registration.programme.Day;
import se.motesdagen.registration.signup.AttendeeForm;
import se.motesdagen.registration.signup.AttendeesAndVisit;
import se.motesdagen.registration.signup.Registration;
import se.motesdagen.registration.signup.RegistrationForm;
import se.motesdagen.registration.signup.VisitArea;
import se.motesdagen.registration.signup.VisitWindow;

/**
 * What a company changes from its manage link: who comes, to which sessions, and the visit wish. The
 * company and the contact are not changed here (staff do that on request).
 */
public class ChangeForm implements AttendeesAndVisit {

    @Valid
    @NotEmpty(message = "{registration.attendees.required}")
    @Size(max = RegistrationForm.MAX_ATTENDEES, message = "{registration.attendees.range}")
    private List<AttendeeForm> attendees = new ArrayList<>();

    private boolean wantsVisit;

    @Size(max = 300, message = "{registration.visitAddress.tooLong}")
    private String visitAddress;

    @Size(max = 2000, message = "{registration.visitTopics.tooLong}")
    private String visitTopics;

    @Size(max = 200, message = "{registration.visitMeets.tooLong}")
    private String visitMeets;

    @Size(max = 10, message = "{registration.visitAreas.tooMany}")
    private List<VisitArea> visitAreas = new ArrayList<>();

    @Size(max = 2, message = "{registration.visitWindows.tooMany}")
    private List<VisitWindow> visitWindows = new ArrayList<>();

    /** The company's answers to the day's own questions, by question id. */
    @Size(max = Day.MAX_QUESTIONS, message = "{registration.question.unknown}")
    private Map<String, Object> answers = new LinkedHashMap<>();

    /** The form filled in with the registration as it stands. */
    public static ChangeForm of(Registration registration) {
        ChangeForm form = new ChangeForm();
        for (Registration.Participant p : registration.getParticipants()) {
            AttendeeForm attendee = new AttendeeForm(p.name(), p.sessionIds());
            attendee.setId(p.id());
            attendee.setEmail(p.email());
            attendee.setRole(p.role());
            attendee.setNeeds(p.needs());
            attendee.setAnswers(given(registration.answersOf(p.id())));
            form.attendees.add(attendee);
        }
        form.answers = given(registration.companyAnswers());
        Registration.VisitRequest visit = registration.getVisitRequest();
        if (visit != null) {
            form.wantsVisit = true;
            form.visitAddress = visit.address();
            form.visitTopics = visit.topics();
            form.visitMeets = visit.meets();
            form.visitAreas = new ArrayList<>(visit.areas());
            form.visitWindows = new ArrayList<>(visit.windows());
        }
        return form;
    }

    /** Stored answers as the form gives them: one value, or the list of a multiple choice. */
    private static Map<String, Object> given(List<Registration.Answer> answers) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (Registration.Answer answer : answers) {
            given.put(
                    answer.questionId(),
                    answer.values().size() == 1 ? answer.values().getFirst() : answer.values());
        }
        return given;
    }

    @Override
    public Map<String, Object> getAnswers() {
        return answers;
    }

    public void setAnswers(Map<String, Object> answers) {
        this.answers = answers == null ? new LinkedHashMap<>() : new LinkedHashMap<>(answers);
    }

    @Override
    public List<AttendeeForm> getAttendees() {
        return attendees;
    }

    public void setAttendees(List<AttendeeForm> attendees) {
        this.attendees = attendees == null ? new ArrayList<>() : new ArrayList<>(attendees);
    }

    @Override
    public boolean isWantsVisit() {
        return wantsVisit;
    }

    public void setWantsVisit(boolean wantsVisit) {
        this.wantsVisit = wantsVisit;
    }

    @Override
    public String getVisitAddress() {
        return visitAddress;
    }

    public void setVisitAddress(String visitAddress) {
        this.visitAddress = visitAddress;
    }

    @Override
    public String getVisitTopics() {
        return visitTopics;
    }

    public void setVisitTopics(String visitTopics) {
        this.visitTopics = visitTopics;
    }

    @Override
    public String getVisitMeets() {
        return visitMeets;
    }

    public void setVisitMeets(String visitMeets) {
        this.visitMeets = visitMeets;
    }

    @Override
    public List<VisitArea> getVisitAreas() {
        return visitAreas;
    }

    public void setVisitAreas(List<VisitArea> visitAreas) {
        this.visitAreas = visitAreas == null ? new ArrayList<>() : new ArrayList<>(visitAreas);
    }

    @Override
    public List<VisitWindow> getVisitWindows() {
        return visitWindows;
    }

    public void setVisitWindows(List<VisitWindow> visitWindows) {
        this.visitWindows = visitWindows == null ? new ArrayList<>() : new ArrayList<>(visitWindows);
    }
}
