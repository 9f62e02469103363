package se.motesdagen.feedback.nki;

/** SKR's words for an index, on the whole number it rounds to (DOMAIN.md). */
public enum Grade {
    MYCKET_HOGT("Mycket högt"),
    HOGT("Högt"),
    GODKANT("Godkänt"),
    LAGT("Lågt"),
    MYCKET_LAGT("Mycket lågt");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 80+ mycket högt, 70–79 högt, 62–69 godkänt, 50–61 lågt, under 50 mycket lågt. */
    public static Grade of(double index) {
        long whole = Math.round(index);
        if (whole >= 80) {
            return MYCKET_HOGT;
        }
        if (whole >= 70) {
            return HOGT;
        }
        if (whole >= 62) {
            return GODKANT;
        }
        if (whole >= 50) {
            return LAGT;
        }
        return MYCKET_LAGT;
    }
}
