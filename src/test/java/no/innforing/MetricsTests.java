package no.innforing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.innforing.notification.NotificationDelivery;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import no.innforing.security.MunicipalityAccess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * {@code /actuator/prometheus}: behind HTTP Basic for the metrics group, RAG and the administrators, with the
 * notification totals, the engine's backlog and Spring's HTTP timings; the numbers follow what happens. The
 * Prometheus registry, which a Spring Boot test leaves out by default, is switched on in {@link IntegrationTest}'s
 * settings, so this class shares the other integration tests' application context.
 */
class MetricsTests extends IntegrationTest {

    static final String SCRAPER = "prometheus";
    static final String SCRAPER_PASSWORD = "skrape-Passord-42";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectService projects;
    @Autowired
    ManagementService managementService;
    @Autowired
    NotificationDelivery delivery;
    @Autowired
    IdentityService identityService;

    @Test
    void theEndpointNeedsALoginFromTheMetricsGroupRagOrAnAdministrator() {
        ResponseEntity<String> anonymous = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");

        if (identityService.createUserQuery().userId("outsider").count() == 0) {
            var outsider = identityService.newUser("outsider");
            outsider.setPassword("utenfor-Passord-7");
            identityService.saveUser(outsider);
        }
        assertThat(http.withBasicAuth("outsider", "utenfor-Passord-7").getForEntity("/actuator/prometheus",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        user(SCRAPER, SCRAPER_PASSWORD, MunicipalityAccess.METRICS_GROUP);
        assertThat(http.withBasicAuth(SCRAPER, SCRAPER_PASSWORD).getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape()).contains("http_server_requests_seconds");
    }

    @Test
    void theGaugesFollowANotificationFromQueuedToFailedWithAnIncident() {
        String before = scrape();
        assertThat(before).contains("innforing_notifications", "innforing_incidents_open",
                "innforing_jobs_executable", "innforing_jobs_no_retries_left", "innforing_external_tasks_waiting");
        assertThat(value(before, "innforing_notifications", "PENDING")).isZero();
        assertThat(value(before, "innforing_notifications", "FAILED")).isZero();
        assertThat(value(before, "innforing_incidents_open", null)).isZero();
        assertThat(value(before, "innforing_external_tasks_waiting", null)).isZero();

        // Kristiansund in the service-agreement phase: the first reminder is due on 30 December 2026.
        ImplementationProject project = projects.register(new Registration("1505", "KI3", false,
                ProjectPhase.SERVICE_AGREEMENT, null, null));
        setClock(LocalDate.of(2026, 12, 30).atTime(8, 0));
        assertThat(value(scrape(), "innforing_jobs_executable", null)).as("the reminder timer is due").isPositive();
        managementService.executeJob(managementService.createJobQuery()
                .processInstanceId(project.getProcessInstanceId()).activityId(ProjectProcess.TIMER_REMINDER)
                .orderByJobDuedate().asc().list().get(0).getId());

        String queued = scrape();
        assertThat(value(queued, "innforing_notifications", "PENDING")).isEqualTo(1);
        assertThat(value(queued, "innforing_external_tasks_waiting", null)).isEqualTo(1);

        TestSmtpServer.get().stop();
        try {
            for (int attempt = 1; attempt <= 3; attempt++) {   // the test setting: R3/PT1M
                assertThat(delivery.deliverDue(10)).isOne();
                setClock(LocalDate.of(2026, 12, 30).atTime(8, attempt * 2));
            }
        } finally {
            TestSmtpServer.restart();
        }

        String failed = scrape();
        assertThat(value(failed, "innforing_notifications", "PENDING")).isZero();
        assertThat(value(failed, "innforing_notifications", "FAILED")).isEqualTo(1);
        assertThat(value(failed, "innforing_incidents_open", null)).isEqualTo(1);
        assertThat(value(failed, "innforing_notifications", "SENT")).isZero();
    }

    private String scrape() {
        ResponseEntity<String> response = http.withBasicAuth("admin", ADMIN_PASSWORD)
                .getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** The sample of a gauge in the scrape text, with the given status label (or none). */
    private static double value(String scrape, String name, String status) {
        String labels = status == null ? "(\\{[^}]*\\})?" : "\\{[^}]*status=\"" + status + "\"[^}]*\\}";
        Matcher sample = Pattern.compile("(?m)^" + name + labels + " (\\S+)$").matcher(scrape);
        assertThat(sample.find()).as("%s{status=%s} in%n%s", name, status, scrape).isTrue();
        return Double.parseDouble(sample.group(sample.groupCount()));
    }
}
