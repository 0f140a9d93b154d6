package no.innforing.benefit;

import java.time.LocalDate;

/**
 * The quarterly measurement calendar after go-live G: quarter k (1 to 12, three years) ends at G + 3k months.
 * Its task opens that day and is due {@value #DAYS_TO_REGISTER} days later; a measurement counts for the quarter
 * when it is dated from one month before the quarter's end up to the due day, so that no measurement counts for
 * two quarters.
 */
public final class MeasurementQuarters {

    public static final int QUARTERS = 12;
    public static final int DAYS_TO_REGISTER = 30;

    private MeasurementQuarters() {
    }

    public static LocalDate quarterEnd(LocalDate goLive, int quarter) {
        return goLive.plusMonths(3L * quarter);
    }

    public static LocalDate due(LocalDate goLive, int quarter) {
        return quarterEnd(goLive, quarter).plusDays(DAYS_TO_REGISTER);
    }

    public static LocalDate windowStart(LocalDate goLive, int quarter) {
        return quarterEnd(goLive, quarter).minusMonths(1);
    }

    /** The first quarter whose due day is today or later (0 when all twelve are past: nothing to follow). */
    public static int firstOpenQuarter(LocalDate goLive, LocalDate today) {
        for (int quarter = 1; quarter <= QUARTERS; quarter++) {
            if (!due(goLive, quarter).isBefore(today)) {
                return quarter;
            }
        }
        return 0;
    }

    /** The quarter whose measurement window holds the day, or 0. */
    public static int quarterOf(LocalDate goLive, LocalDate day) {
        for (int quarter = 1; quarter <= QUARTERS; quarter++) {
            if (!day.isBefore(windowStart(goLive, quarter)) && !day.isAfter(due(goLive, quarter))) {
                return quarter;
            }
        }
        return 0;
    }
}
