package no.innforing.benefit;

/** Whether a goal is reached by raising or by lowering its indicator. */
public enum Direction {
    INCREASE("øke"),
    DECREASE("redusere");

    private final String verb;

    Direction(String verb) {
        this.verb = verb;
    }

    public String verb() {
        return verb;
    }
}
