package no.innforing.notification;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.innforing.InnforingApplication;
import no.innforing.IntegrationTest;
import no.innforing.PostgresTestDatabase;
import no.innforing.TestSmtpServer;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectService;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes on one PostgreSQL with their job executors and notification senders running, delivering
 * to GreenMail: this test's context (node A) and a second node in a JVM of its own (the app's main class on the
 * test run's class path), which the second test kills with SIGKILL in the middle of a burst. The lock a node holds
 * on a delivery is 10 seconds here (5 minutes by default), so the surviving node takes over quickly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationDeliveryClusterTests extends IntegrationTest {

    static final int BURST = 1000;
    static final Duration DEADLINE = Duration.ofMinutes(3);
    static final String LOCK = "PT10S";
    static final int SENDERS_PER_NODE = 4;

    private static Process nodeB;
    private static Path nodeBLog;

    @DynamicPropertySource
    static void runningNode(DynamicPropertyRegistry registry) {
        registry.add("camunda.bpm.job-execution.enabled", () -> "true");
        registry.add("innforing.notifications.delivery.enabled", () -> "true");
        registry.add("innforing.notifications.delivery.threads", () -> SENDERS_PER_NODE);
        registry.add("innforing.notifications.delivery.lock-duration", () -> LOCK);
    }

    @Autowired
    NotificationService notifications;
    @Autowired
    ProjectService projects;
    @Autowired
    NotificationRepository log;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    org.camunda.bpm.engine.ExternalTaskService externalTaskService;

    private ImplementationProject project;

    @BeforeEach
    void realTimeAndASecondNode() throws Exception {
        ClockUtil.reset();   // the nodes run on real time: locks expire, retries fall due
        var kristiansund = municipalities.find("1505").orElseThrow();
        kristiansund.setContacts("prosjektleder@k1505.example", null);   // one recipient per notification
        municipalities.save(kristiansund);
        project = projects.register(new ProjectService.Registration("1505", "KI3", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));
        if (nodeB == null) {
            startNodeB();
        }
    }

    @AfterAll
    static void stopNodeB() {
        if (nodeB != null && nodeB.isAlive()) {
            nodeB.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void aThousandNotificationsDueAtTheSameMomentAreDeliveredExactlyOnce() throws Exception {
        Map<String, String> messageIds = queue("burst");
        Instant due = Instant.now();

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> sent("burst") == BURST);
        Duration took = Duration.between(due, Instant.now());
        Thread.sleep(3_000);   // anything still on its way (a second copy) would arrive now

        List<String> received = receivedMessageIds("burst");
        System.out.printf("%d notifications due at once: %d mails in %d s by two nodes%n", BURST, received.size(),
                took.toSeconds());
        assertThat(received).as("every notification exactly once").hasSize(BURST).doesNotHaveDuplicates();
        assertThat(Set.copyOf(received)).isEqualTo(Set.copyOf(messageIds.values()));
        assertThat(loggedMessageIds("burst")).isEqualTo(messageIds);
        assertThat(took).isLessThan(DEADLINE);
        assertThat(sentByNodeB("burst")).as("both nodes delivered").isPositive();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    @Test
    @Order(2)
    void aNodeKilledInTheMiddleOfABurstLeavesNothingUndeliveredAndAnyCopyHasTheSameMessageId() throws Exception {
        assertThat(nodeB.isAlive()).isTrue();
        Map<String, String> messageIds = queue("crash");

        Awaitility.await().atMost(DEADLINE).until(() -> receivedMessageIds("crash").size() >= BURST / 5);
        nodeB.destroyForcibly().waitFor();   // SIGKILL: no shutdown hook, no lock released
        Instant killed = Instant.now();
        long sentByB = sentByNodeB("crash");
        String nodeBWorker = "-" + nodeB.pid() + "-";
        long heldByB = externalTaskService.createExternalTaskQuery().locked().list().stream()
                .filter(task -> task.getWorkerId().contains(nodeBWorker)).count();

        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> sent("crash") == BURST);
        Duration takeover = Duration.between(killed, Instant.now());
        Thread.sleep(3_000);   // a quiet period: a second copy still on its way would arrive now

        List<String> received = receivedMessageIds("crash");
        int copies = received.size() - Set.copyOf(received).size();
        System.out.printf("Node B killed mid-burst after sending %d of %d mails, holding %d deliveries; all "
                + "delivered %d s later; %d second copies%n", sentByB, BURST, heldByB, takeover.toSeconds(), copies);
        assertThat(sentByB).as("node B was sending when it died").isPositive();
        assertThat(Set.copyOf(received)).as("none lost").isEqualTo(Set.copyOf(messageIds.values()));
        assertThat(loggedMessageIds("crash")).isEqualTo(messageIds);
        assertThat(copies).as("a second copy only of what node B had in hand when it died")
                .isLessThanOrEqualTo(SENDERS_PER_NODE);
        assertThat(runtimeService.createIncidentQuery().count()).isZero();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Queues {@link #BURST} notifications in one transaction: all due at the same moment. Key → Message-ID. */
    private Map<String, String> queue(String burst) {
        Map<String, String> messageIds = new HashMap<>();
        MailDelivery mail = new MailDelivery(null, "Innføring <innforing@localhost>");
        new TransactionTemplate(transactions).executeWithoutResult(status -> IntStream.range(0, BURST).forEach(i -> {
            String key = burst + ":" + i;
            Map<String, Object> model = new HashMap<>();
            model.put("municipalityName", "Kristiansund");
            model.put("municipalityNumber", "1505");
            model.put("waveCode", "KI3");
            model.put("headline", "Last " + burst + " " + i);
            model.put("details", "Varsel nummer " + i + ".");
            model.put("link", "http://localhost:8080/notifications");
            notifications.enqueue(new NotificationService.Request(NotificationType.SERVICE_AGREEMENT_REMINDER, key,
                    project.getId(), project.getMunicipality(), Instant.now(), "rag-alert", model, null));
            messageIds.put(NotificationType.SERVICE_AGREEMENT_REMINDER.name() + ":" + key,
                    mail.messageIdFor(NotificationType.SERVICE_AGREEMENT_REMINDER.name() + ":" + key));
        }));
        return messageIds;
    }

    private int sent(String burst) {
        return jdbc.queryForObject("select count(*) from notification where status = 'SENT' and idempotency_key like ?",
                Integer.class, "%:" + burst + ":%");
    }

    private Map<String, String> loggedMessageIds(String burst) {
        return log.findAll().stream().filter(n -> n.getIdempotencyKey().contains(":" + burst + ":"))
                .collect(Collectors.toMap(Notification::getIdempotencyKey, Notification::getMessageId));
    }

    private static List<String> receivedMessageIds(String burst) throws Exception {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : TestSmtpServer.get().getReceivedMessages()) {
            if (message.getSubject().startsWith("RAG: Last " + burst + " ")) {
                ids.add(message.getMessageID());
            }
        }
        return ids;
    }

    private static long sentByNodeB(String burst) throws IOException {
        try (var lines = Files.lines(nodeBLog)) {
            return lines.filter(line -> line.contains("MailDelivery") && line.contains("Sent \"RAG: Last " + burst + " "))
                    .count();
        }
    }

    /** The app's main class in a JVM of its own, on this test run's class path, against the same database and SMTP. */
    private static void startNodeB() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        classPath = java.util.Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        nodeBLog = Path.of("target", "node-b.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-Duser.timezone=Europe/Oslo", "-cp", classPath, InnforingApplication.class.getName(),
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + PostgresTestDatabase.url(),
                "--spring.datasource.username=" + PostgresTestDatabase.username(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestSmtpServer.port(),
                "--server.port=0", "--innforing.demo.enabled=false",
                "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--camunda.bpm.job-execution.enabled=true",
                "--innforing.notifications.delivery.threads=" + SENDERS_PER_NODE,
                "--innforing.notifications.delivery.lock-duration=" + LOCK,
                "--innforing.notifications.retry-cycle=R3/PT5S");
        nodeB = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(nodeBLog.toFile()).start();
        Awaitility.await("node B started").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    assertThat(nodeB.isAlive()).as("node B is running; see " + nodeBLog).isTrue();
                    return Files.readString(nodeBLog).contains("Started InnforingApplication");
                });
    }
}
