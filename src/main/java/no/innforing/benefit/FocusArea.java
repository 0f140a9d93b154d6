package no.innforing.benefit;

/** The eight focus areas every benefit goal belongs to (DOMAIN.md, "Benefits"). */
public enum FocusArea {
    CITIZEN_INVOLVEMENT("Innbyggerinvolvering"),
    USABILITY("Brukervennlighet"),
    MEDICATION_MANAGEMENT("Legemiddelhåndtering"),
    LOGISTICS("Logistikk"),
    MANAGEMENT_INFORMATION("Styringsinformasjon"),
    DIGITAL_HOME_FOLLOW_UP("Digital hjemmeoppfølging"),
    COLLABORATION("Samhandling"),
    RESEARCH("Forskning");

    private final String displayName;

    FocusArea(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
