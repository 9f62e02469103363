package se.motesdagen.registration.seats;

/** How full a session is, for the staff's bars: seats of confirmed registrations, seats held, and the line. */
public record SessionFill(String sessionId, String title, int capacity, long seated, long held, long waiting) {

    public long free() {
        return Math.max(0, capacity - seated - held);
    }

    /** Share of the capacity taken, 0–100, for the bar's width. */
    public int percentTaken() {
        return capacity == 0 ? 100 : (int) Math.min(100, Math.round(100.0 * (seated + held) / capacity));
    }
}
