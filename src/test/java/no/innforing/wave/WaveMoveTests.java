package no.innforing.wave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.innforing.TestSmtpServer;
import no.innforing.notification.NotificationDelivery;
import no.innforing.notification.ScheduleChangeNotices;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectService.Registration;
import no.innforing.project.ProjectService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Waves that move: after a move every member looks exactly like a project started fresh with the new date, and a
 * refused move leaves everything as it was.
 */
class WaveMoveTests extends MoveApiTest {

    static final LocalDate SIX_MONTHS_LATER = LocalDate.of(2028, 9, 29);

    @Autowired
    NotificationDelivery delivery;

    @Test
    void afterAWaveMovesEveryMemberEqualsAProjectStartedFreshWithTheNewDate() throws Exception {
        ImplementationProject kristiansund = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.PRE_PROJECT, null, null));
        runPhaseNotices(kristiansund);
        ImplementationProject aure = projects.register(new Registration("1576", "KI3", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));

        ResponseEntity<Map> moved = put("/api/waves/KI3",
                "{\"goLiveDate\":\"2028-09-29\",\"reason\":\"Plattformen er forsinket seks måneder\"}");
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody()).containsEntry("oldGoLive", "2028-03-31").containsEntry("newGoLive", "2028-09-29")
                .containsEntry("actor", "admin").containsEntry("projectsMoved", 2);

        // The same projects, started fresh in a wave that goes live on the new date.
        wave("KI9", "Sammenligning", null, SIX_MONTHS_LATER, 9);
        municipality("5001", "Trondheim", 214000);
        ImplementationProject freshPre = projects.register(new Registration("5001", "KI9", false,
                ProjectPhase.PRE_PROJECT, null, null));
        runPhaseNotices(freshPre);
        municipality("1554", "Averøy", 5900);
        ImplementationProject freshSigning = projects.register(new Registration("1554", "KI9", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));

        // Kristiansund's pre-project has started: that date is a fact and stays; what lies ahead is as if fresh
        assertThat(projects.currentProject("1505").schedule()).isEqualTo(projects.currentProject("5001").schedule()
                .withFacts(LocalDate.of(2026, 8, 31), null, null));
        assertThat(projects.currentProject("1505").schedule().serviceAgreementDue()).isEqualTo(LocalDate.of(2027, 8, 29));
        assertSameTasksAndTimers(aure, freshSigning);
        assertThat(plannedReminders("1576")).isEqualTo(plannedReminders("1554")).hasSize(4);

        assertThat(get("/api/projects/1505").getBody().get("history").toString())
                .contains("WAVE_MOVED").contains("Plattformen er forsinket seks måneder");
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/api/waves/KI3/changes", List.class))
                .hasSize(1);

        // the members' e-mails are queued by a job of their own just after the move, one per member, once
        assertThat(scheduleChangeNotices()).as("queued inside the move").isZero();
        var notices = processEngine.getManagementService().createJobQuery()
                .processDefinitionKey(ScheduleChangeNotices.PROCESS_KEY).singleResult();
        processEngine.getManagementService().executeJob(notices.getId());
        assertThat(scheduleChangeNotices()).isEqualTo(2);
        deliverAll();
        assertThat(subjects()).contains("Bølge KI3 er flyttet: ny produksjonssetting 29.09.2028");
        assertThat(TestSmtpServer.get().getReceivedMessages()).filteredOn(message -> subject(message).startsWith(
                "Bølge KI3 er flyttet")).flatExtracting(message -> List.of(message.getAllRecipients()))
                .extracting(Object::toString).contains("prosjektleder@k1505.example", "prosjektleder@k1576.example");
    }

    private Integer scheduleChangeNotices() {
        return jdbc.queryForObject("select count(*) from notification where type = 'SCHEDULE_CHANGED'", Integer.class);
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A reminder already sent comes back when the wave moves its deadline later: the reminders are planned afresh,
     * exactly as for a project started fresh with the new date (the members whose reminders are all still waiting
     * only get their timers moved; this one must not be mistaken for them).
     */
    @Test
    void aReminderAlreadySentIsPlannedAgainWhenTheWaveMovesTheDeadlineLater() {
        ImplementationProject aure = projects.register(new Registration("1576", "KI3", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));
        Job first = managementService.createJobQuery().processInstanceId(aure.getProcessInstanceId())
                .activityId(ProjectProcess.TIMER_REMINDER).orderByJobDuedate().asc().list().get(0);
        ClockUtil.setCurrentTime(new java.util.Date(first.getDuedate().getTime() + 60_000));
        managementService.executeJob(first.getId());
        assertThat(plannedReminders("1576")).hasSize(3);

        ResponseEntity<Map> moved = put("/api/waves/KI3",
                "{\"goLiveDate\":\"2028-09-29\",\"reason\":\"Plattformen er forsinket seks måneder\"}");
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);

        wave("KI9", "Sammenligning", null, SIX_MONTHS_LATER, 9);
        municipality("1554", "Averøy", 5900);
        ImplementationProject fresh = projects.register(new Registration("1554", "KI9", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));
        assertThat(plannedReminders("1576")).isEqualTo(plannedReminders("1554")).hasSize(4);
        assertSameTasksAndTimers(aure, fresh);
    }

    @Test
    void aMoveThatWouldPutAnUnsignedDeadlineInThePastIsRefusedAndNothingChanges() {
        ImplementationProject kristiansund = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));
        projects.register(new Registration("1576", "KI3", false, ProjectPhase.MAIN_PROJECT, null,
                LocalDate.of(2026, 2, 1)));
        Map<String, java.util.Date> before = timers(kristiansund);

        ResponseEntity<Map> refused = put("/api/waves/KI3", "{\"goLiveDate\":\"2027-03-15\",\"reason\":\"Raskere\"}");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody()).containsEntry("detail", "Bølge KI3 kan ikke flyttes til 15.03.2027. "
                + "Kristiansund (1505): Frist for å signere tjenesteavtale – neste milepæl ville blitt 15.02.2026, som "
                + "er passert. Ingenting er endret.");
        assertThat(waves.find("KI3").orElseThrow().getGoLiveDate()).isEqualTo(KI3_GO_LIVE);
        assertThat(timers(kristiansund)).isEqualTo(before);
        assertThat(get("/api/projects/1505").getBody().get("history").toString()).doesNotContain("WAVE_MOVED");

        assertThat(put("/api/waves/KI3", "{\"goLiveDate\":\"2028-09-29\"}").getBody())
                .containsEntry("detail", "reason må fylles ut: historikken skal vise hvorfor bølgen ble flyttet.");
        assertThat(put("/api/waves/KX1", "{\"goLiveDate\":\"2028-09-29\",\"reason\":\"x\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void ragMovesOneMunicipalityToAnotherWave() {
        ImplementationProject kristiansund = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.PRE_PROJECT, null, null));
        runPhaseNotices(kristiansund);
        Map<String, java.util.Date> tasksBefore = tasks(kristiansund);

        ResponseEntity<Map> moved = post("/api/projects/1505/wave", "{\"waveCode\":\"KI4\",\"reason\":\"Trenger mer tid\"}");

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(moved.getBody()).containsEntry("waveCode", "KI4").containsEntry("originalWaveCode", "KI3")
                .containsEntry("state", "MOVED");
        wave("KI9", "Sammenligning", null, KI4_GO_LIVE, 9);
        municipality("5001", "Trondheim", 214000);
        ImplementationProject fresh = projects.register(new Registration("5001", "KI9", false,
                ProjectPhase.PRE_PROJECT, null, null));
        runPhaseNotices(fresh);
        // the pre-project has started, so its tasks keep their dates; the deadline ahead follows KI4
        assertThat(tasks(kristiansund)).isEqualTo(tasksBefore);
        assertThat(projects.currentProject("1505").schedule().serviceAgreementDue())
                .isEqualTo(projects.currentProject("5001").schedule().serviceAgreementDue());
        assertThat(plannedReminders("1505")).isEqualTo(plannedReminders("5001"));

        assertThat(post("/api/projects/1505/wave", "{\"waveCode\":\"KI4\",\"reason\":\"Igjen\"}").getBody())
                .containsEntry("detail", "Kristiansund er allerede i bølge KI4.");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private void assertSameTasksAndTimers(ImplementationProject moved, ImplementationProject fresh) {
        assertThat(tasks(moved)).isEqualTo(tasks(fresh)).isNotEmpty();
        assertThat(timers(moved)).isEqualTo(timers(fresh)).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<Object> plannedReminders(String municipality) {
        return (List<Object>) get("/api/projects/" + municipality).getBody().get("plannedReminders");
    }

    private void deliverAll() {
        delivery.deliverDue(100);
    }

    private List<String> subjects() throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (var message : TestSmtpServer.get().getReceivedMessages()) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

}
