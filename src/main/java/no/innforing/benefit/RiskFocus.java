package no.innforing.benefit;

/** What a risk is about (DOMAIN.md, "Risk and economy"). */
public enum RiskFocus {
    COST("Kostnader"),
    STAFF("Belastning på ansatte"),
    ORGANISATIONAL_CHANGE("Organisasjonsendring"),
    HOSPITAL_COLLABORATION("Samarbeid med sykehusene"),
    DEVELOPMENT_PRIORITY("Prioritering av utvikling"),
    TECHNICAL("Teknisk"),
    OTHER("Annet");

    private final String displayName;

    RiskFocus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
