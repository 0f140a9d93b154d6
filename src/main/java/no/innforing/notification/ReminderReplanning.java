package no.innforing.notification;

import java.time.Instant;
import java.util.List;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ReminderPlanning;
import org.springframework.stereotype.Component;

/**
 * Tells the rescheduler when the reminders {@link Reminders#plan} would plan now are the ones already waiting (all
 * configured reminders ahead, none to record as skipped), so that moving their timers is the same as planning them
 * afresh.
 */
@Component
class ReminderReplanning implements ReminderPlanning {

    private final Reminders reminders;
    private final NotificationProperties properties;

    ReminderReplanning(Reminders reminders, NotificationProperties properties) {
        this.reminders = reminders;
        this.properties = properties;
    }

    @Override
    public boolean plansExactly(ImplementationProject project, List<Integer> waitingDays) {
        if (project.isServiceAgreementSigned()) {
            return false;
        }
        List<Integer> configured = properties.reminderDays();
        if (waitingDays.size() != configured.size()
                || !waitingDays.stream().sorted().toList().equals(configured.stream().sorted().toList())) {
            return false;
        }
        Instant now = ProjectSchedule.now();
        return configured.stream().allMatch(days -> reminders.dueAt(project, days).isAfter(now));
    }
}
