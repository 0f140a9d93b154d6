package no.innforing.notification;

import static no.innforing.project.ProjectProcess.TIMER_REMINDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import no.innforing.IntegrationTest;
import no.innforing.TestSmtpServer;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectService;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SMTP server that accepts the connection and never answers (a plain server socket that never writes), with
 * the job executor and the notification senders running on real time. SMTP timeouts of 1.5 seconds and a retry
 * cycle of three attempts two seconds apart here (10/30/30 seconds and R5/PT10M by default).
 */
class HungMailServerTests extends IntegrationTest {

    static final int SENDERS = 2;
    private static final List<Socket> held = new CopyOnWriteArrayList<>();
    private static final ServerSocket hungServer = hungServer();

    @DynamicPropertySource
    static void hungSmtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.properties[mail.smtp.connectiontimeout]", () -> "1500");
        registry.add("spring.mail.properties[mail.smtp.timeout]", () -> "1500");
        registry.add("spring.mail.properties[mail.smtp.writetimeout]", () -> "1500");
        registry.add("innforing.notifications.retry-cycle", () -> "R3/PT2S");
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
        // an idle job executor looks for due jobs at least every 2 seconds here (15 in application.yaml)
        registry.add("camunda.bpm.job-execution.wait-time-in-millis", () -> "1000");
        registry.add("camunda.bpm.job-execution.max-wait", () -> "2000");
        registry.add("innforing.notifications.delivery.enabled", () -> "true");
        registry.add("innforing.notifications.delivery.threads", () -> SENDERS);
    }

    @Autowired
    NotificationService notifications;
    @Autowired
    NotificationRepository log;
    @Autowired
    ProjectService projects;
    @Autowired
    ManagementService managementService;

    @BeforeEach
    void realTime() {
        ClockUtil.reset();
    }

    @AfterAll
    static void closeServer() throws IOException {
        hungServer.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void aHungMailServerIsAFailedAttemptEndingInAnIncidentWhileTimersStillFireOnTime() {
        ImplementationProject project = projects.register(new ProjectService.Registration("1505", "KI3", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));
        // More notifications than senders: every sender is stuck on the hung server for a while.
        for (int i = 0; i < 3 * SENDERS; i++) {
            Map<String, Object> model = new HashMap<>(Map.of("municipalityName", "Kristiansund",
                    "municipalityNumber", "1505", "waveCode", "KI3", "headline", "Henger " + i, "details", "Test.",
                    "link", "http://localhost:8080/notifications"));
            notifications.enqueue(new NotificationService.Request(NotificationType.RAG_NO_GO, "hung:" + i,
                    project.getId(), project.getMunicipality(), Instant.now(), "rag-alert", model, null));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> held.size() >= SENDERS);

        // Meanwhile the first service-agreement reminder falls due, 3 seconds from now.
        Job reminder = managementService.createJobQuery().processInstanceId(project.getProcessInstanceId())
                .activityId(TIMER_REMINDER).orderByJobDuedate().asc().list().get(0);
        Instant due = Instant.now().plusSeconds(3);
        managementService.setJobDuedate(reminder.getId(), Date.from(due));

        Notification reminderSent = Awaitility.await("the reminder timer fires").atMost(Duration.ofSeconds(15))
                .until(() -> log.findByProjectIdOrderByDueAtAscIdAsc(project.getId()).stream()
                        .filter(n -> n.getType() == NotificationType.SERVICE_AGREEMENT_REMINDER).findFirst()
                        .orElse(null), n -> n != null);
        Duration late = Duration.between(due, reminderSent.getCreatedAt());
        System.out.printf("Reminder timer fired %d ms after its due time while the mail server hung%n",
                late.toMillis());
        // The job executor polls every 2 s; 10 s leaves room for a loaded machine, a blocked executor is minutes late.
        assertThat(late).as("the timer fired on time")
                .isLessThan(Duration.ofSeconds(10));

        List<Notification> failed = Awaitility.await("every attempt timed out").atMost(Duration.ofSeconds(90))
                .until(() -> log.findAll().stream().filter(n -> n.getIdempotencyKey().startsWith("RAG_NO_GO:hung:"))
                        .toList(), all -> all.stream().allMatch(n -> n.getStatus() == NotificationStatus.FAILED));
        assertThat(failed).hasSize(3 * SENDERS).allSatisfy(n -> {
            assertThat(n.getAttempts()).as("tried three times").isEqualTo(3);
            assertThat(n.getNote()).contains("Alle forsøk feilet", "svarte ikke innen tidsfristen");
        });
        assertThat(runtimeService.createIncidentQuery().incidentType("failedExternalTask").count())
                .as("an incident in Cockpit for each").isGreaterThanOrEqualTo(3 * SENDERS);
    }

    /**
     * Takes GreenMail's place on its port, where the application expects its SMTP server (a subclass cannot
     * override {@code spring.mail.port}: {@link IntegrationTest}'s dynamic property wins).
     */
    private static ServerSocket hungServer() {
        try {
            int port = TestSmtpServer.port();
            TestSmtpServer.get().stop();
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", port));
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());   // and never a byte back
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hung-smtp-server");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
