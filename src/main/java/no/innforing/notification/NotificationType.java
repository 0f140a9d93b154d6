package no.innforing.notification;

/** What a notification is about, and who it is for. */
public enum NotificationType {
    SERVICE_AGREEMENT_REMINDER("Påminnelse om frist for tjenesteavtale", Audience.MUNICIPALITY_LEADERSHIP),
    PHASE_STARTED("Ny fase starter", Audience.PROJECT_LEADERS),
    SCHEDULE_CHANGED("Fristplanen er endret", Audience.MUNICIPALITY_LEADERSHIP),
    TASK_OVERDUE("Oppgave har passert fristen", Audience.PROJECT_LEADERS),
    TASK_OVERDUE_RAG("Oppgave har vært forfalt i 7 dager", Audience.RAG),
    RAG_WITHDRAWN("Kommune har fratrådt", Audience.RAG),
    RAG_DEADLINE_MISSED("Frist for tjenesteavtale oversittet", Audience.RAG),
    RAG_NO_GO("No-go før produksjonssetting", Audience.RAG),
    RAG_UNDELIVERABLE("Varsel kunne ikke leveres", Audience.RAG),
    RAG_MEASUREMENT_SKIPPED("Gevinstmåling ikke registrert", Audience.RAG);

    /** Who receives it. */
    public enum Audience {
        /** The municipality's project leader and chief executive (contacts of the municipality). */
        MUNICIPALITY_LEADERSHIP,
        /** The municipality's project leader contact and the members of its project-leader group. */
        PROJECT_LEADERS,
        /** The configured RAG address list and the members of the rag group. */
        RAG
    }

    private final String label;
    private final Audience audience;

    NotificationType(String label, Audience audience) {
        this.label = label;
        this.audience = audience;
    }

    public String label() {
        return label;
    }

    public Audience audience() {
        return audience;
    }
}
