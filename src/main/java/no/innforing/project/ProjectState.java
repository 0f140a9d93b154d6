package no.innforing.project;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Where a project stands. ACTIVE and MOVED are open; the others are final. */
public enum ProjectState {
    /** Running in the wave it was registered in. */
    ACTIVE,
    /** Running, after RAG moved it to a later wave. */
    MOVED,
    /** The municipality used its right to withdraw (fratre) before the service-agreement deadline. */
    WITHDRAWN,
    /** RAG ended the project after a missed service-agreement deadline. */
    ENDED,
    /** Stabilization is over and the project is closed. */
    COMPLETED;

    /** What users read: aktiv, flyttet, fratrådt, avsluttet av RAG, fullført. */
    public String displayName() {
        return switch (this) {
            case ACTIVE -> "Aktiv";
            case MOVED -> "Flyttet";
            case WITHDRAWN -> "Fratrådt";
            case ENDED -> "Avsluttet av RAG";
            case COMPLETED -> "Fullført";
        };
    }

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The states of a project whose municipality pays a cost share: it runs, or ran to the end. */
    public static final Set<ProjectState> COST_SHARING = Collections.unmodifiableSet(EnumSet.of(ACTIVE, MOVED,
            COMPLETED));

    /**
     * The states of a project that is still running ({@code ProjectRepository.findOpen} names them too, and so do the
     * V7 migrations, which let a municipality have one such project at a time).
     */
    public static final Set<ProjectState> OPEN = Collections.unmodifiableSet(EnumSet.of(ACTIVE, MOVED));

    /** The names of the {@link #OPEN} states, as the state column holds them: for plain SQL. */
    static final List<String> OPEN_NAMES = OPEN.stream().map(Enum::name).toList();
}
