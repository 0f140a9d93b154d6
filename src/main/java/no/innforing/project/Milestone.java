package no.innforing.project;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The milestones of a project's schedule with the names people read, in order: the one list that the overview,
 * the calendar feed and the schedule-change e-mails all show.
 */
public enum Milestone {
    PRE_PROJECT_START("pre-project", "Oppstart forprosjekt", ProjectSchedule::preProjectStart),
    SERVICE_AGREEMENT_DUE("service-agreement", "Frist for å signere tjenesteavtale",
            ProjectSchedule::serviceAgreementDue),
    MAIN_PROJECT_START("main-project", "Oppstart hovedprosjekt", ProjectSchedule::mainProjectStart),
    GO_LIVE("go-live", "Produksjonssetting", ProjectSchedule::goLive),
    STABILIZATION_END("stabilization-end", "Slutt på stabilisering", ProjectSchedule::stabilizationEnd);

    private final String id;
    private final String label;
    private final Function<ProjectSchedule, LocalDate> date;

    Milestone(String id, String label, Function<ProjectSchedule, LocalDate> date) {
        this.id = id;
        this.label = label;
        this.date = date;
    }

    /** A stable id, for calendar UIDs and links. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public LocalDate dateIn(ProjectSchedule schedule) {
        return date.apply(schedule);
    }

    /** A milestone on its day. */
    public record Dated(Milestone milestone, LocalDate date) {
        public String label() {
            return milestone.label();
        }

        public String id() {
            return milestone.id();
        }
    }

    /**
     * The project's milestones with their dates; the service-agreement deadline only while the agreement is
     * unsigned, since a signed agreement has no deadline left to meet.
     */
    public static List<Dated> of(ImplementationProject project) {
        ProjectSchedule schedule = project.schedule();
        return Arrays.stream(values())
                .filter(m -> m != SERVICE_AGREEMENT_DUE || !project.isServiceAgreementSigned())
                .map(m -> new Dated(m, m.dateIn(schedule))).toList();
    }
}
