package no.innforing.project;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import no.innforing.shared.Norwegian;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Every date of one project, computed from its wave's go-live date G in Europe/Oslo calendar months:
 * pre-project G−19 months, service agreement due G−13 months (end of that day), main project G−12 months,
 * stabilization end G+6 months. {@link LocalDate#minusMonths} clamps month ends (31 March 2028 − 13 months is
 * 28 February 2027). A granted extension replaces the service-agreement due date.
 */
public record ProjectSchedule(
        LocalDate preProjectStart,
        LocalDate serviceAgreementDue,
        LocalDate mainProjectStart,
        LocalDate goLive,
        LocalDate stabilizationEnd) {

    public static final ZoneId ZONE = Norwegian.ZONE;

    public static final int PRE_PROJECT_MONTHS_BEFORE_GO_LIVE = 19;
    public static final int SERVICE_AGREEMENT_MONTHS_BEFORE_GO_LIVE = 13;
    public static final int MAIN_PROJECT_MONTHS_BEFORE_GO_LIVE = 12;
    public static final int STABILIZATION_MONTHS_AFTER_GO_LIVE = 6;

    public static ProjectSchedule forGoLive(LocalDate goLive) {
        return new ProjectSchedule(
                goLive.minusMonths(PRE_PROJECT_MONTHS_BEFORE_GO_LIVE),
                goLive.minusMonths(SERVICE_AGREEMENT_MONTHS_BEFORE_GO_LIVE),
                goLive.minusMonths(MAIN_PROJECT_MONTHS_BEFORE_GO_LIVE),
                goLive,
                goLive.plusMonths(STABILIZATION_MONTHS_AFTER_GO_LIVE));
    }

    /** The same schedule with the service agreement due on another day (a short extension granted by RAG). */
    public ProjectSchedule withServiceAgreementDue(LocalDate due) {
        return new ProjectSchedule(preProjectStart, due, mainProjectStart, goLive, stabilizationEnd);
    }

    /**
     * The same schedule with the milestones already reached on the days they happened (null: still planned). A
     * reached go-live fixes the end of stabilization too.
     */
    public ProjectSchedule withFacts(LocalDate preProjectStarted, LocalDate mainProjectStarted, LocalDate wentLive) {
        LocalDate live = wentLive == null ? goLive : wentLive;
        return new ProjectSchedule(preProjectStarted == null ? preProjectStart : preProjectStarted,
                serviceAgreementDue, mainProjectStarted == null ? mainProjectStart : mainProjectStarted, live,
                wentLive == null ? stabilizationEnd : live.plusMonths(STABILIZATION_MONTHS_AFTER_GO_LIVE));
    }

    /** The moment the service-agreement deadline has passed: the end of the due day, Oslo time. */
    public Instant serviceAgreementDeadline() {
        return startOfDay(serviceAgreementDue.plusDays(1));
    }

    public boolean serviceAgreementDeadlinePassed(Instant now) {
        return !now.isBefore(serviceAgreementDeadline());
    }

    public static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant();
    }

    /** A task due on {@code day} is due at the end of that working day, 23:59 Oslo time. */
    public static Date endOfDay(LocalDate day) {
        return Date.from(day.atTime(LocalTime.of(23, 59)).atZone(ZONE).toInstant());
    }

    /** The engine's clock, which tests move with ClockUtil: every rule about "now" reads this. */
    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public static LocalDate today() {
        return today(now());
    }

    public static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZONE);
    }
}
