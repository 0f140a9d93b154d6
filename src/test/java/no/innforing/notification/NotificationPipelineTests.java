package no.innforing.notification;

import static no.innforing.project.ProjectProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.innforing.IntegrationTest;
import no.innforing.TestSmtpServer;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectRescheduler;
import no.innforing.project.ProjectService.Registration;
import no.innforing.project.ProjectService;
import no.innforing.security.MunicipalityAccess;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The notification pipeline end to end: process timers and listeners queue notifications, delivery jobs send them
 * to a real SMTP server (GreenMail), and the log records what happened. Kristiansund (1505) in KI3: service
 * agreement due Sunday 28 February 2027.
 */
class NotificationPipelineTests extends IntegrationTest {

    static final String TASKLIST = "http://localhost:8080/camunda/app/tasklist/default/";

    @Autowired
    ProjectService projects;
    @Autowired
    ProjectRescheduler rescheduler;
    @Autowired
    NotificationRepository log;
    @Autowired
    NotificationService notifications;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    TestRestTemplate http;
    @Autowired
    NotificationDelivery delivery;
    @Autowired
    ExternalTaskService externalTaskService;

    @Test
    void remindersArePlannedOnWorkingDaysAt0800BeforeTheDeadline() {
        ImplementationProject project = register(ProjectPhase.SERVICE_AGREEMENT);

        assertThat(plannedReminders()).containsExactly(
                "2026-12-30T08:00+01:00",   // 60 days before: a Wednesday
                "2027-01-29T08:00+01:00",   // 30 days before: a Friday
                "2027-02-12T08:00+01:00",   // 14 days before is Sunday 14 February: the Friday before
                "2027-02-19T08:00+01:00");  // 7 days before is Sunday 21 February: the Friday before
        assertThat(reminderJobs(project)).extracting(Job::getDuedate).containsExactly(
                at("2026-12-30T08:00+01:00"), at("2027-01-29T08:00+01:00"), at("2027-02-12T08:00+01:00"),
                at("2027-02-19T08:00+01:00"));
    }

    @Test
    void aReminderReachesProjectLeaderAndChiefExecutiveWithLinkAndCalendarFile() throws Exception {
        ImplementationProject project = register(ProjectPhase.SERVICE_AGREEMENT);
        String signingTask = taskService.createTaskQuery().processInstanceId(project.getProcessInstanceId())
                .taskDefinitionKey(TASK_SIGN_SERVICE_AGREEMENT).singleResult().getId();

        setClock(LocalDate.of(2026, 12, 30).atTime(8, 0));
        managementService.executeJob(reminderJobs(project).get(0).getId());
        deliverAll();

        MimeMessage[] received = TestSmtpServer.get().getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactlyInAnyOrder("prosjektleder@k1505.example", "kommunedirektor@k1505.example");
        assertThat(mail.getSubject())
                .isEqualTo("Påminnelse: Frist for å signere tjenesteavtale 28. februar 2027 (Kristiansund)");
        Map<String, String> parts = parts(mail);
        assertThat(parts.get("text/plain")).contains("Kristiansund").contains("28. februar 2027")
                .contains("60 dager").contains(TASKLIST + "#/?task=" + signingTask)
                .contains("Signer tjenesteavtale eller fratre");
        assertThat(parts.get("text/html")).contains("28. februar 2027")
                .contains("#/?task=" + signingTask);
        assertThat(parts.get("text/calendar")).contains("DTSTART;VALUE=DATE:20270228")
                .contains("SUMMARY:Frist for å signere tjenesteavtale (Kristiansund)");

        Notification sent = log.findByProjectIdOrderByDueAtAscIdAsc(project.getId()).get(0);
        assertThat(sent.getType()).isEqualTo(NotificationType.SERVICE_AGREEMENT_REMINDER);
        assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.getMessageId()).isEqualTo(mail.getMessageID());
        assertThat(sent.getDueAt()).isEqualTo(at("2026-12-30T08:00+01:00").toInstant());
    }

    @Test
    void remindersWhoseTimeHasPassedAtRegistrationAreSkippedNotSent() {
        setClock(LocalDate.of(2027, 2, 1));
        ImplementationProject project = register(ProjectPhase.SERVICE_AGREEMENT);

        assertThat(plannedReminders()).containsExactly("2027-02-12T08:00+01:00", "2027-02-19T08:00+01:00");
        assertThat(log.findByProjectIdOrderByDueAtAscIdAsc(project.getId()))
                .extracting(Notification::getStatus, n -> n.getDueAt().toString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(NotificationStatus.SKIPPED, "2026-12-30T07:00:00Z"),
                        org.assertj.core.groups.Tuple.tuple(NotificationStatus.SKIPPED, "2027-01-29T07:00:00Z"));
        assertThat(log.findByProjectIdOrderByDueAtAscIdAsc(project.getId())).extracting(Notification::getNote)
                .containsExactly("Tidspunktet (30.12.2026 kl. 08:00) var passert da påminnelsen ble planlagt.",
                        "Tidspunktet (29.01.2027 kl. 08:00) var passert da påminnelsen ble planlagt.");
        assertThat(deliveryTasks()).isEmpty();
    }

    @Test
    void aChangedGoLiveDateMovesThePlannedRemindersTasksAndTimers() {
        ImplementationProject project = register(ProjectPhase.SERVICE_AGREEMENT);
        var wave = waves.find("KI3").orElseThrow();
        wave.setGoLiveDate(LocalDate.of(2028, 9, 29));
        waves.save(wave);

        rescheduler.reschedule(project.getProcessInstanceId());

        // Due Sunday 29 August 2027, summer time.
        assertThat(plannedReminders()).containsExactly("2027-06-30T08:00+02:00", "2027-07-30T08:00+02:00",
                "2027-08-13T08:00+02:00", "2027-08-20T08:00+02:00");
        assertThat(taskService.createTaskQuery().processInstanceId(project.getProcessInstanceId()).singleResult()
                .getDueDate()).isEqualTo(endOf(LocalDate.of(2027, 8, 29)));
        assertThat(managementService.createJobQuery().processInstanceId(project.getProcessInstanceId())
                .activityId(TIMER_SERVICE_AGREEMENT_DUE).singleResult().getDuedate())
                .isEqualTo(startOf(LocalDate.of(2027, 8, 30)));
    }

    @Test
    void anSmtpOutageEndsAsFailedWithAnIncidentAndARetryDeliversExactlyOnce() throws Exception {
        ImplementationProject project = register(ProjectPhase.SERVICE_AGREEMENT);
        setClock(LocalDate.of(2026, 12, 30).atTime(8, 0));
        managementService.executeJob(reminderJobs(project).get(0).getId());

        TestSmtpServer.get().stop();
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {
                assertThat(delivery.deliverDue(10)).as("attempt %s", attempt).isOne();
                assertThat(delivery.deliverDue(10)).as("nothing before the retry pause has passed").isZero();
                setClock(LocalDate.of(2026, 12, 30).atTime(8, attempt * 2));   // the test setting: R3/PT1M
            }
            assertThat(delivery.deliverDue(10)).as("no attempts left").isZero();
            assertThat(runtimeService.createIncidentQuery().count()).as("an incident shows in Cockpit").isOne();
            Notification failed = log.findByProjectIdOrderByDueAtAscIdAsc(project.getId()).get(0);
            assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
            assertThat(failed.getNote()).contains("Alle forsøk feilet", "Mail server connection failed");
            assertThat(failed.getAttempts()).isEqualTo(3);
        } finally {
            TestSmtpServer.restart();
        }

        // "Retry" in Cockpit gives the delivery another attempt.
        externalTaskService.setRetries(deliveryTasks().get(0).getId(), 1);
        assertThat(delivery.deliverDue(10)).isOne();

        assertThat(runtimeService.createIncidentQuery().count()).isZero();
        Notification sent = log.findByProjectIdOrderByDueAtAscIdAsc(project.getId()).get(0);
        assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
        MimeMessage[] received = TestSmtpServer.get().getReceivedMessages();
        assertThat(received).hasSize(2);   // one per recipient
        assertThat(received).extracting(MimeMessage::getMessageID).containsOnly(sent.getMessageId());
        assertThat(deliveryTasks()).isEmpty();
        assertThatThrownBy(() -> notifications.resend(sent.getId(), "admin"))
                .hasMessageContaining("sendes ikke på nytt");
        assertThat(delivery.deliverDue(10)).isZero();
        assertThat(TestSmtpServer.get().getReceivedMessages()).hasSize(2);
    }

    @Test
    void aBadAddressFailsAloneAndACorrectedContactGetsTheMailOnRetry() throws Exception {
        // Entered before the contacts API refused such addresses.
        jdbc.update("update municipality set project_leader_email = 'Ærø@k1505.example' where number = '1505'");
        ImplementationProject project = register(ProjectPhase.SERVICE_AGREEMENT);
        setClock(LocalDate.of(2026, 12, 30).atTime(8, 0));
        managementService.executeJob(reminderJobs(project).get(0).getId());

        for (int attempt = 1; attempt <= 3; attempt++) {
            delivery.deliverDue(10);
            setClock(LocalDate.of(2026, 12, 30).atTime(8, attempt * 2));
        }
        MimeMessage toChief = TestSmtpServer.get().getReceivedMessages()[0];
        assertThat(TestSmtpServer.get().getReceivedMessages()).as("the valid recipient once, at the first attempt")
                .hasSize(1);
        assertThat(Arrays.stream(toChief.getAllRecipients()).map(Object::toString))
                .containsExactly("kommunedirektor@k1505.example");
        Notification failed = log.findByProjectIdOrderByDueAtAscIdAsc(project.getId()).get(0);
        assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
        assertThat(failed.getNote()).contains("Ikke levert til Ærø@k1505.example", "tegn utenfor ASCII");
        assertThat(failed.deliveredList()).containsExactly("kommunedirektor@k1505.example");
        assertThat(runtimeService.createIncidentQuery().count()).isOne();

        // The project leader's address is corrected; "Retry" in Cockpit delivers to them alone.
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).exchange("/api/municipalities/1505/contacts",
                org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(Map.of(
                        "projectLeaderEmail", "aro@k1505.example",
                        "chiefExecutiveEmail", "kommunedirektor@k1505.example")), Map.class)
                .getStatusCode().value()).isEqualTo(200);
        externalTaskService.setRetries(deliveryTasks().get(0).getId(), 1);
        delivery.deliverDue(10);

        MimeMessage[] received = TestSmtpServer.get().getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(Arrays.stream(received[1].getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("aro@k1505.example", "kommunedirektor@k1505.example");
        assertThat(received[1].getMessageID()).isEqualTo(received[0].getMessageID());
        Notification sent = log.findById(failed.getId()).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.deliveredList()).containsExactly("kommunedirektor@k1505.example", "aro@k1505.example");
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    @Test
    void theContactsApiRefusesAnAddressMailCannotReach() {
        var refused = http.withBasicAuth("admin", ADMIN_PASSWORD).exchange("/api/municipalities/1505/contacts",
                org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(Map.of(
                        "projectLeaderEmail", "Ærø@kommune.no", "chiefExecutiveEmail", "post@tromsø.kommune.no")),
                Map.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat((String) refused.getBody().get("detail")).isEqualTo("projectLeaderEmail kan ikke ha æ, ø, å eller "
                + "andre tegn utenfor a–z, 0–9 og vanlige tegn før @: e-post til en slik adresse kommer ikke fram. "
                + "Bruk en adresse uten slike tegn.");
        assertThat(municipalities.find("1505").orElseThrow().getProjectLeaderEmail())
                .isEqualTo("prosjektleder@k1505.example");
    }

    @Test
    void ragSeesAFailedNotificationWithTotalsAndSendsItAgainFromThePage() throws Exception {
        ImplementationProject project = register(ProjectPhase.SERVICE_AGREEMENT);
        user("rag-logg", "rag-logg-passord", MunicipalityAccess.RAG_GROUP);
        user("pl-1505-logg", "pl-1505-logg-passord", "municipality-1505");
        setClock(LocalDate.of(2026, 12, 30).atTime(8, 0));
        managementService.executeJob(reminderJobs(project).get(0).getId());
        TestSmtpServer.get().stop();
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {
                setClock(LocalDate.of(2026, 12, 30).atTime(8, attempt * 2));
                delivery.deliverDue(10);
            }
        } finally {
            TestSmtpServer.restart();
        }

        List<Map<String, Object>> api = http.withBasicAuth("rag-logg", "rag-logg-passord")
                .getForObject("/api/notifications", List.class);
        Map<String, Object> failed = api.stream().filter(e -> e.get("type").equals("SERVICE_AGREEMENT_REMINDER"))
                .findFirst().orElseThrow();
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("statusName", "Feilet");
        assertThat((String) failed.get("note")).contains("Mail server connection failed");
        assertThat(http.withBasicAuth("rag-logg", "rag-logg-passord").getForObject("/api/notifications/totals",
                Map.class)).containsEntry("FAILED", 1).containsEntry("SENT", 0);

        String page = http.withBasicAuth("rag-logg", "rag-logg-passord").getForObject("/notifications", String.class);
        assertThat(page).contains("Feilet").contains("id=\"total-failed\">1<").contains("id=\"total-sent\">0<")
                .contains("id=\"total-pending\">0<");
        String entry = "/notifications/" + failed.get("id");
        assertThat(http.withBasicAuth("pl-1505-logg", "pl-1505-logg-passord").getForObject(entry, String.class))
                .as("a project leader reads it but cannot send it again").contains("Feilet")
                .doesNotContain("Send på nytt</button>");
        var refused = pagePost("pl-1505-logg", "pl-1505-logg-passord", entry, entry + "/resend");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("Bare RAG og administratorer kan sende varsler på nytt.");

        var resent = pagePost("rag-logg", "rag-logg-passord", entry, entry + "/resend");
        assertThat(resent.getStatusCode().value()).isEqualTo(200);   // after the redirect to the entry's page
        assertThat(resent.getBody()).contains("Varselet er lagt i kø og sendes på nytt", "Venter");
        assertThat(runtimeService.createIncidentQuery().count()).as("the incident is resolved").isZero();

        assertThat(delivery.deliverDue(10)).as("at once, not after the retry pause").isOne();
        assertThat(TestSmtpServer.get().getReceivedMessages()).hasSize(2);
        assertThat(http.withBasicAuth("rag-logg", "rag-logg-passord").getForObject("/notifications", String.class))
                .contains("id=\"total-failed\">0<").contains("id=\"total-sent\">1<");
    }

    @Test
    void aMunicipalityWithoutContactsIsLoggedAsUndeliverableAndRagIsTold() throws Exception {
        var municipality = municipalities.find("1505").orElseThrow();
        municipality.setContacts(null, null);
        municipalities.save(municipality);
        ImplementationProject project = register(ProjectPhase.SERVICE_AGREEMENT);
        setClock(LocalDate.of(2026, 12, 30).atTime(8, 0));

        managementService.executeJob(reminderJobs(project).get(0).getId());
        deliverAll();

        List<Notification> entries = log.findByProjectIdOrderByDueAtAscIdAsc(project.getId());
        assertThat(entries).extracting(Notification::getType, Notification::getStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple(NotificationType.SERVICE_AGREEMENT_REMINDER,
                        NotificationStatus.UNDELIVERABLE),
                org.assertj.core.groups.Tuple.tuple(NotificationType.RAG_UNDELIVERABLE, NotificationStatus.SENT));
        MimeMessage toRag = TestSmtpServer.get().getReceivedMessages()[0];
        assertThat(toRag.getSubject()).isEqualTo("RAG: Varsel til Kristiansund kunne ikke leveres");
        assertThat(Arrays.stream(toRag.getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("rag-leder@region.example", "rag-sekretariat@region.example");
        // The process goes on: the next reminders are still planned.
        assertThat(reminderJobs(project)).hasSize(3);
    }

    @Test
    void theProjectLeadersAreToldWhenTheMainProjectStarts() throws Exception {
        User leader = identityService.newUser("pl-1505-epost");
        leader.setEmail("kari.nordmann@kristiansund.example");
        identityService.saveUser(leader);
        ImplementationProject project = register(ProjectPhase.SERVICE_AGREEMENT);
        identityService.createMembership("pl-1505-epost", "municipality-1505");
        try {
            String signing = taskService.createTaskQuery().processInstanceId(project.getProcessInstanceId())
                    .singleResult().getId();
            taskService.complete(signing, Map.of(VAR_SERVICE_AGREEMENT_DECISION, "SIGN",
                    VAR_SERVICE_AGREEMENT_SIGNED_ON, "2026-03-01"));
            assertThat(reminderJobs(project)).as("no reminders once signed").isEmpty();

            setClock(LocalDate.of(2027, 3, 31));
            managementService.executeJob(managementService.createJobQuery()
                    .processInstanceId(project.getProcessInstanceId()).activityId(TIMER_MAIN_PROJECT_START)
                    .singleResult().getId());
            assertThat(log.findByProjectIdOrderByDueAtAscIdAsc(project.getId()))
                    .filteredOn(n -> n.getType() == NotificationType.PHASE_STARTED)
                    .as("the notice is queued by its own service task, in its own job").isEmpty();
            runPhaseNotice(project, SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT);
            deliverAll();

            MimeMessage mail = TestSmtpServer.get().getReceivedMessages()[0];
            assertThat(mail.getSubject()).isEqualTo("Ny fase: Hovedprosjekt fra 31. mars 2027 (Kristiansund)");
            assertThat(Arrays.stream(mail.getAllRecipients()).map(Object::toString))
                    .containsExactlyInAnyOrder("prosjektleder@k1505.example", "kari.nordmann@kristiansund.example");
        } finally {
            identityService.deleteUser("pl-1505-epost");
        }
    }

    /**
     * A project registered straight into a phase gets that phase's notice recorded once, as skipped; the phases it
     * reaches afterwards are announced, each once. The notice runs in its own job before the phase's first task.
     */
    @Test
    void aPhaseNoticeIsRecordedOnceAndSkippedForThePhaseTheProjectWasRegisteredIn() {
        ImplementationProject project = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.MAIN_PROJECT, null, LocalDate.of(2026, 2, 20)));
        assertThat(taskService.createTaskQuery().processInstanceId(project.getProcessInstanceId()).count())
                .as("the first task waits for the notice").isZero();

        runPhaseNotice(project, SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT);
        assertThat(managementService.createJobQuery().processInstanceId(project.getProcessInstanceId())
                .activityId(SERVICE_TASK_NOTIFY_PHASE_STARTED_MAIN_PROJECT).count()).isZero();
        String trainingPlan = taskService.createTaskQuery().processInstanceId(project.getProcessInstanceId())
                .taskDefinitionKey(TASK_TRAINING_PLAN).singleResult().getId();
        taskService.complete(trainingPlan);
        runPhaseNotice(project, SERVICE_TASK_NOTIFY_PHASE_STARTED_TRAINING);

        assertThat(log.findByProjectIdOrderByDueAtAscIdAsc(project.getId()))
                .filteredOn(n -> n.getType() == NotificationType.PHASE_STARTED)
                .extracting(n -> n.getIdempotencyKey().split(":")[3], Notification::getStatus).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("MAIN_PROJECT", NotificationStatus.SKIPPED),
                        org.assertj.core.groups.Tuple.tuple("TRAINING", NotificationStatus.PENDING));
        assertThat(deliveryTasks()).hasSize(1);
    }

    @Test
    void anOverdueTaskIsReportedToTheProjectLeaderAndAWeekLaterToRag() throws Exception {
        ImplementationProject project = register(ProjectPhase.PRE_PROJECT);
        runPhaseNotice(project, SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT);
        // "Etabler prosjektorganisasjon" is due Wednesday 30 September 2026: the leader hears on Thursday 1 October at
        // 08:00, RAG a week after the due day, Wednesday 7 October at 08:00, each once however often the sweep runs.
        TestSmtpServer.get().purgeEmailFromAllMailboxes();
        setClock(LocalDate.of(2026, 10, 1).atTime(7, 45));
        sweepOverdueTasks();
        assertThat(overdueNotices(project)).isEmpty();

        setClock(LocalDate.of(2026, 10, 1).atTime(8, 0));
        sweepOverdueTasks();
        sweepOverdueTasks();
        deliverAll();
        assertThat(overdueNotices(project)).extracting(Notification::getType).containsExactly(NotificationType.TASK_OVERDUE);
        MimeMessage toLeader = TestSmtpServer.get().getReceivedMessages()[0];
        assertThat(toLeader.getSubject())
                .isEqualTo("Forfalt oppgave: Etabler prosjektorganisasjon og utnevn innføringsleder (Kristiansund)");
        assertThat(toLeader.getAllRecipients()[0].toString()).isEqualTo("prosjektleder@k1505.example");

        TestSmtpServer.get().purgeEmailFromAllMailboxes();
        setClock(LocalDate.of(2026, 10, 7).atTime(7, 45));
        sweepOverdueTasks();
        deliverAll();
        assertThat(TestSmtpServer.get().getReceivedMessages()).isEmpty();
        setClock(LocalDate.of(2026, 10, 7).atTime(8, 0));
        sweepOverdueTasks();
        setClock(LocalDate.of(2026, 10, 7).atTime(8, 15));
        sweepOverdueTasks();
        deliverAll();
        MimeMessage toRag = TestSmtpServer.get().getReceivedMessages()[0];
        assertThat(toRag.getSubject()).isEqualTo(
                "RAG: «Etabler prosjektorganisasjon og utnevn innføringsleder» for Kristiansund er forfalt");
        assertThat(parts(toRag).get("text/plain")).contains("30.09.2026").contains("7 dager");
        assertThat(overdueNotices(project)).extracting(Notification::getType, Notification::getStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationType.TASK_OVERDUE, NotificationStatus.SENT),
                        org.assertj.core.groups.Tuple.tuple(NotificationType.TASK_OVERDUE_RAG, NotificationStatus.SENT));
    }

    @Test
    void aCompletedTaskIsNeverReportedAndAMovedDueDateMovesTheNotice() {
        ImplementationProject project = register(ProjectPhase.PRE_PROJECT);
        runPhaseNotice(project, SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT);
        // Completed on its due day: no notice, ever.
        taskService.complete(taskService.createTaskQuery().processInstanceId(project.getProcessInstanceId())
                .taskDefinitionKey(TASK_ESTABLISH_PROJECT_ORGANISATION).singleResult().getId());
        // The next tasks are due in December; one of them is given a later due date in Tasklist.
        org.camunda.bpm.engine.task.Task moved = taskService.createTaskQuery()
                .processInstanceId(project.getProcessInstanceId()).taskDefinitionKey(TASK_MATURITY_ANALYSIS)
                .singleResult();
        LocalDate due = LocalDate.ofInstant(moved.getDueDate().toInstant(), OSLO);
        moved.setDueDate(endOf(due.plusWeeks(2)));
        taskService.saveTask(moved);

        setClock(LocalDate.of(2026, 10, 8).atTime(9, 0));
        sweepOverdueTasks();
        assertThat(overdueNotices(project)).isEmpty();

        setClock(due.plusDays(1).atTime(12, 0));
        sweepOverdueTasks();
        assertThat(overdueNotices(project)).extracting(n -> n.getIdempotencyKey().contains(moved.getId()))
                .doesNotContain(true);
        setClock(workingDayAfter(due.plusWeeks(2)).atTime(8, 0));
        sweepOverdueTasks();
        assertThat(overdueNotices(project)).filteredOn(n -> n.getIdempotencyKey().contains(moved.getId()))
                .extracting(Notification::getType, Notification::getIdempotencyKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NotificationType.TASK_OVERDUE,
                        "TASK_OVERDUE:task:" + moved.getId() + ":" + due.plusWeeks(2)));
    }

    @Test
    void aTaskThatIsAlreadyOverdueWhenCreatedIsNotReportedInABurst() {
        setClock(LocalDate.of(2026, 10, 15));
        ImplementationProject project = register(ProjectPhase.PRE_PROJECT);
        runPhaseNotice(project, SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT);
        sweepOverdueTasks();

        assertThat(overdueNotices(project))
                .extracting(Notification::getType, Notification::getStatus).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NotificationType.TASK_OVERDUE, NotificationStatus.SKIPPED),
                        org.assertj.core.groups.Tuple.tuple(NotificationType.TASK_OVERDUE_RAG, NotificationStatus.SKIPPED));
        assertThat(deliveryTasks()).isEmpty();
    }

    @Test
    void ragIsToldWhenAMunicipalityWithdrawsMissesTheDeadlineOrGetsNoGo() throws Exception {
        register(ProjectPhase.PRE_PROJECT);
        projects.requestWithdrawal("1505", "Vi venter til neste år");
        deliverAll();
        MimeMessage withdrawn = TestSmtpServer.get().getReceivedMessages()[0];
        assertThat(withdrawn.getSubject()).isEqualTo("RAG: Kristiansund har fratrådt");
        assertThat(parts(withdrawn).get("text/plain")).contains("Vi venter til neste år");

        TestSmtpServer.get().purgeEmailFromAllMailboxes();
        ImplementationProject aure = projects.register(new Registration("1576", "KI3", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));
        setClock(LocalDate.of(2027, 3, 1));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(aure.getProcessInstanceId())
                .activityId(TIMER_SERVICE_AGREEMENT_DUE).singleResult().getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(aure.getProcessInstanceId())
                .activityId(SERVICE_TASK_NOTIFY_RAG_DEADLINE_MISSED).singleResult().getId());
        deliverAll();
        assertThat(TestSmtpServer.get().getReceivedMessages()[0].getSubject())
                .isEqualTo("RAG: Aure har ikke signert tjenesteavtalen innen fristen");

        TestSmtpServer.get().purgeEmailFromAllMailboxes();
        ImplementationProject trondheim = projects.register(new Registration("5001", "KI3", false,
                ProjectPhase.GO_LIVE, null, null));
        setClock(LocalDate.of(2028, 3, 3));
        managementService.executeJob(managementService.createJobQuery()
                .processInstanceId(trondheim.getProcessInstanceId()).activityId(TIMER_GO_LIVE_READINESS)
                .singleResult().getId());
        runPhaseNotice(trondheim, SERVICE_TASK_NOTIFY_PHASE_STARTED_GO_LIVE_IN_FOUR_WEEKS);
        Map<String, Object> notReady = new HashMap<>(Map.of("technicalReady", true, "accessOrdered", true,
                "superUsersTrained", true, "endUserTrainingPercent", 60, "openCriticalRisks", 0));
        taskService.complete(taskService.createTaskQuery().processInstanceId(trondheim.getProcessInstanceId())
                .singleResult().getId(), notReady);
        managementService.executeJob(managementService.createJobQuery()
                .processInstanceId(trondheim.getProcessInstanceId()).activityId(SERVICE_TASK_NOTIFY_RAG_NO_GO)
                .singleResult().getId());
        deliverAll();
        List<String> subjects = Arrays.stream(TestSmtpServer.get().getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).distinct().toList();
        assertThat(subjects).contains("Ny fase: Produksjonssetting om fire uker fra 31. mars 2028 (Trondheim)",
                "RAG: No-go for Trondheim før produksjonssetting 31.03.2028");
    }

    @Test
    void theLogShowsEachMunicipalityOnlyItsOwnNotifications() {
        runPhaseNotice(register(ProjectPhase.PRE_PROJECT), SERVICE_TASK_NOTIFY_PHASE_STARTED_PRE_PROJECT);
        projects.requestWithdrawal("1505", null);
        projects.register(Registration.of("1576", "KI3"));
        user("pl-1576-logg", "pl-1576-logg-passord", "municipality-1576");

        List<Map<String, Object>> forAdmin = http.withBasicAuth("admin", ADMIN_PASSWORD)
                .getForObject("/api/notifications?municipality=1505", List.class);
        // Registered straight into the pre-project: its start notice is recorded as skipped, not sent.
        assertThat(forAdmin).extracting(e -> e.get("type"), e -> e.get("status")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RAG_WITHDRAWN", "PENDING"),
                org.assertj.core.groups.Tuple.tuple("PHASE_STARTED", "SKIPPED"));
        assertThat(http.withBasicAuth("pl-1576-logg", "pl-1576-logg-passord")
                .getForEntity("/api/notifications?municipality=1505", Map.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("pl-1576-logg", "pl-1576-logg-passord")
                .getForEntity("/api/notifications", Map.class).getStatusCode().value()).isEqualTo(403);
        // Another municipality's notification answers exactly as a missing one: no existence oracle.
        Object kristiansundsNotice = forAdmin.get(1).get("id");
        ResponseEntity<Map> foreign = http.withBasicAuth("pl-1576-logg", "pl-1576-logg-passord")
                .getForEntity("/api/notifications/" + kristiansundsNotice, Map.class);
        assertThat(foreign.getStatusCode().value()).isEqualTo(404);
        assertThat(foreign.getBody()).containsEntry("detail", "Fant ikke varsel " + kristiansundsNotice + ".");
        assertThat(foreign.getBody().toString()).doesNotContain("1505");
        assertThat(http.withBasicAuth("pl-1576-logg", "pl-1576-logg-passord")
                .getForEntity("/notifications/" + kristiansundsNotice, String.class).getStatusCode().value())
                .isEqualTo(404);
        Map<?, ?> content = http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject(
                "/api/notifications/" + forAdmin.get(0).get("id"), Map.class);
        assertThat((String) content.get("text")).contains("Kommunen har brukt retten til å fratre før fristen");
        assertThat((String) content.get("html")).contains("Kristiansund (1505)");

        String page = http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/notifications?municipality=1505",
                String.class);
        assertThat(page).contains("Varslingslogg").contains("RAG: Kristiansund har fratrådt").contains("Hoppet over");
        String entry = http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject(
                "/notifications/" + forAdmin.get(0).get("id"), String.class);
        assertThat(entry).contains("Kommunen har brukt retten til å fratre før fristen");
        assertThat(http.withBasicAuth("pl-1576-logg", "pl-1576-logg-passord").getForObject("/notifications",
                String.class)).doesNotContain("Kristiansund har fratrådt");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private ImplementationProject register(ProjectPhase phase) {
        return projects.register(new Registration("1505", "KI3", false, phase, null, null));
    }

    /** Runs the job of a phase notice service task, as the job executor would right after the phase starts. */
    private void runPhaseNotice(ImplementationProject project, String serviceTask) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(project.getProcessInstanceId())
                .activityId(serviceTask).singleResult().getId());
    }

    private List<Notification> overdueNotices(ImplementationProject project) {
        return log.findByProjectIdOrderByDueAtAscIdAsc(project.getId()).stream()
                .filter(n -> n.getType() == NotificationType.TASK_OVERDUE || n.getType() == NotificationType.TASK_OVERDUE_RAG)
                .toList();
    }

    private static LocalDate workingDayAfter(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (next.getDayOfWeek().getValue() > 5) {
            next = next.plusDays(1);
        }
        return next;
    }

    private List<Job> reminderJobs(ImplementationProject project) {
        return managementService.createJobQuery().processInstanceId(project.getProcessInstanceId())
                .activityId(TIMER_REMINDER).orderByJobDuedate().asc().list();
    }

    private List<ExternalTask> deliveryTasks() {
        return externalTaskService.createExternalTaskQuery().topicName(NotificationService.DELIVERY_TOPIC).list();
    }

    private void deliverAll() {
        for (int round = 0; round < 5 && delivery.deliverDue(100) > 0; round++) {
            // a delivery can queue another (RAG is told of an undeliverable notification)
        }
    }

    /** Posts a page's form as a logged-in browser would: its session cookie and CSRF token. */
    private org.springframework.http.ResponseEntity<String> pagePost(String user, String password, String page,
            String action) {
        var shown = http.withBasicAuth(user, password).getForEntity(page, String.class);
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(shown.getBody());
        assertThat(csrf.find()).isTrue();
        var headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        String cookie = shown.getHeaders().getFirst(org.springframework.http.HttpHeaders.SET_COOKIE);
        if (cookie != null) {
            headers.add(org.springframework.http.HttpHeaders.COOKIE, cookie.split(";")[0]);
        }
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("_csrf", csrf.group(1));
        return http.withBasicAuth(user, password).exchange(action, org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(form, headers), String.class);
    }

    @SuppressWarnings("unchecked")
    private List<String> plannedReminders() {
        Map<String, Object> project = http.withBasicAuth("admin", ADMIN_PASSWORD)
                .getForObject("/api/projects/1505", Map.class);
        return ((List<Map<String, Object>>) project.get("plannedReminders")).stream()
                .peek(r -> assertThat(r.get("type")).isEqualTo("SERVICE_AGREEMENT_REMINDER"))
                .map(r -> OffsetDateTime.parse((String) r.get("dueAt")).toString()).toList();
    }

    private static java.util.Date at(String offsetDateTime) {
        return java.util.Date.from(OffsetDateTime.parse(offsetDateTime).toInstant());
    }

    /** The text, HTML and calendar parts of a message, by MIME type. */
    static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> found = new HashMap<>();
        collect(part, found);
        return found;
    }

    private static void collect(Part part, Map<String, String> found) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found);
            }
        } else {
            String type = part.getContentType().split(";")[0].trim().toLowerCase();
            Object content = part.getContent();
            found.put(type, content instanceof InputStream in ? read(in) : content.toString());
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
