package no.innforing.project;

/** The phases of the standardized implementation project, in order, with the names a project leader reads. */
public enum ProjectPhase {
    POLITICAL_DECISION("Politisk vedtak og avropsavtale"),
    EARLY_START("Tjuvstart"),
    PRE_PROJECT("Forprosjekt"),
    SERVICE_AGREEMENT("Tjenesteavtale"),
    MAIN_PROJECT("Hovedprosjekt"),
    GO_LIVE("Produksjonssetting"),
    STABILIZATION("Feilretting og justering");

    private final String displayName;

    ProjectPhase(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Phases a project can be registered in: every phase but the optional early start. */
    public boolean isStartPhase() {
        return this != EARLY_START;
    }

    /** True for a phase in which the service agreement is not yet signed. */
    public boolean beforeServiceAgreementSigned() {
        return compareTo(MAIN_PROJECT) < 0;
    }
}
