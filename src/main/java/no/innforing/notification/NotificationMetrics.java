package no.innforing.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * For Prometheus: how many notifications of the log stand in each status, {@code innforing_notifications{status=
 * "PENDING"}} and so on for every {@link NotificationStatus}, read from the database at scrape time (the same totals
 * as {@code GET /api/notifications/totals}, every municipality).
 */
@Component
class NotificationMetrics implements MeterBinder {

    static final String NOTIFICATIONS = "innforing.notifications";

    private final NotificationService notifications;

    NotificationMetrics(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (NotificationStatus status : NotificationStatus.values()) {
            Gauge.builder(NOTIFICATIONS, () -> notifications.totals(null).get(status))
                    .description("Notifications in the log by status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }
}
