package no.innforing.benefit;

public enum RiskStatus {
    OPEN("Åpen"),
    MITIGATED("Redusert"),
    CLOSED("Lukket");

    private final String displayName;

    RiskStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
