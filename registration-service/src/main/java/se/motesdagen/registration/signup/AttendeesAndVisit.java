package se.motesdagen.registration.signup;

import java.util.List;
import java.util.Map;

/** What both the registration form and the manage page's change form hold: the people and the visit wish. */
public interface AttendeesAndVisit {

    List<AttendeeForm> getAttendees();

    boolean isWantsVisit();

    String getVisitAddress();

    String getVisitTopics();

    /** Who at the company will meet the visitors; blank when it is the contact person. */
    String getVisitMeets();

    List<VisitArea> getVisitAreas();

    List<VisitWindow> getVisitWindows();

    /** The company's answers to the day's own questions, by question id (see {@link QuestionRules}). */
    Map<String, Object> getAnswers();

    /**
     * What the "add an attendee" and "remove attendee N" buttons do (the forms work without script);
     * true when one of them was pressed, and then nothing is to be sent.
     */
    default boolean changeAttendeeRows(String add, Integer remove) {
        List<AttendeeForm> attendees = getAttendees();
        if (add != null) {
            if (attendees.size() < RegistrationForm.MAX_ATTENDEES) {
                attendees.add(new AttendeeForm());
            }
            return true;
        }
        if (remove != null) {
            if (remove >= 0 && remove < attendees.size() && attendees.size() > 1) {
                attendees.remove((int) remove);
            }
            return true;
        }
        return false;
    }
}
