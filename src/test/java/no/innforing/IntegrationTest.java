package no.innforing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.innforing.municipality.Municipality;
import no.innforing.municipality.MunicipalityService;
import no.innforing.notification.OverdueNotices;
import no.innforing.notification.ScheduleChangeNotices;
import no.innforing.wave.Wave;
import no.innforing.wave.WaveService;
import org.assertj.core.api.Condition;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application against a real PostgreSQL (the {@code postgres} profile),
 * with the job executor and the notification senders off so that tests drive timers, jobs and deliveries themselves, and the engine clock set to a known
 * day. Every test starts from a region with three municipalities and eight waves and no projects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "innforing.demo.enabled=false",
        "camunda.bpm.admin-user.id=admin",
        "camunda.bpm.admin-user.password=" + IntegrationTest.ADMIN_PASSWORD,
        "innforing.notifications.rag-recipients=rag-leder@region.example, rag-sekretariat@region.example",
        "innforing.notifications.retry-cycle=R3/PT1M",
        "innforing.notifications.delivery.enabled=false",
        // a Spring Boot test turns metrics export off; MetricsTests scrapes /actuator/prometheus
        "management.prometheus.metrics.export.enabled=true"})
@ActiveProfiles("postgres")
@Import({ProcessEngineCoverageConfiguration.class, IntegrationTest.Coverage.class})
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "test-admin-Passord-1";
    public static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    /** The day every test starts on: the Nordmøre municipalities are before their political decisions. */
    public static final LocalDateTime TODAY = LocalDateTime.of(2026, 3, 2, 9, 0);

    /** KI3's go-live: the month-end case (service agreement due 28 February 2027). */
    public static final LocalDate KI3_GO_LIVE = LocalDate.of(2028, 3, 31);
    public static final LocalDate KI4_GO_LIVE = LocalDate.of(2028, 9, 5);
    public static final LocalDate KI5_GO_LIVE = LocalDate.of(2029, 3, 6);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresTestDatabase::url);
        registry.add("spring.datasource.username", PostgresTestDatabase::username);
        registry.add("spring.datasource.password", PostgresTestDatabase::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtpServer::port);
    }

    /**
     * Process coverage is collected for every test class (the extension needs an active run whenever a process
     * executes), but the threshold applies only to the class that sets {@link #enforceProcessCoverage()}: the
     * implementation process tests must cover at least 95 % of {@code municipal-implementation}. The delivery,
     * measurement, overdue-sweep and schedule-change-notice processes are left out; they have tests of their own.
     */
    @TestConfiguration
    static class Coverage {
        @Bean
        @Primary
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            ProcessEngineCoverageProperties defaults = ProcessEngineCoverageProperties.builder().build();
            Condition<Double> threshold = new Condition<>(
                    ratio -> !coverageEnforced || ratio >= MINIMUM_PROCESS_COVERAGE,
                    "at least %s of the implementation process", MINIMUM_PROCESS_COVERAGE);
            return new ProcessEngineCoverageProperties(false, true,
                    List.of("notification-delivery", "benefit-measurement", OverdueNotices.SWEEP_PROCESS_KEY,
                            ScheduleChangeNotices.PROCESS_KEY), List.of(threshold), Map.of(), List.of(),
                    defaults.getReportDirectory());
        }
    }

    public static final double MINIMUM_PROCESS_COVERAGE = 0.95;
    private static volatile boolean coverageEnforced;

    /** Called by a process test class in its {@code @BeforeAll}: its class coverage must reach the minimum. */
    protected static void enforceProcessCoverage() {
        coverageEnforced = true;
    }

    @BeforeAll
    static void coverageNotEnforcedByDefault() {
        coverageEnforced = false;
    }

    @Autowired
    protected ProcessEngine processEngine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected JdbcTemplate jdbc;
    @Autowired
    protected MunicipalityService municipalities;
    @Autowired
    protected WaveService waves;

    @BeforeEach
    void freshRegion() throws Exception {
        TestSmtpServer.get().purgeEmailFromAllMailboxes();
        BpmnAwareTests.init(processEngine);
        setClock(TODAY);
        runtimeService.createProcessInstanceQuery().list().forEach(instance ->
                runtimeService.deleteProcessInstance(instance.getId(), "test reset", true, true));
        emptyTheAppsTables();
        municipality("1505", "Kristiansund", 24000);
        municipality("1576", "Aure", 3500);
        municipality("5001", "Trondheim", 214000);
        wave("PD1", "Delleveranse 1", "St. Olavs hospital", LocalDate.of(2026, 5, 5), 1);
        wave("PD2", "Delleveranse 2", "Helse Nord-Trøndelag", LocalDate.of(2026, 11, 10), 2);
        wave("PD3", "Delleveranse 3", "Helse Møre og Romsdal", LocalDate.of(2027, 5, 4), 3);
        wave("KI1", "Kommunal innføring 1", null, LocalDate.of(2027, 3, 9), 4);
        wave("KI2", "Kommunal innføring 2", null, LocalDate.of(2027, 9, 7), 5);
        wave("KI3", "Kommunal innføring 3", null, KI3_GO_LIVE, 6);
        wave("KI4", "Kommunal innføring 4", null, KI4_GO_LIVE, 7);
        wave("KI5", "Kommunal innføring 5", null, KI5_GO_LIVE, 8);
    }

    /**
     * Empties every table of the app's own (those the Flyway migrations made, not the engine's ACT_ tables), read
     * from the schema, so a new table is emptied without being named here.
     */
    private void emptyTheAppsTables() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema() and table_type = 'BASE TABLE' "
                + "and lower(table_name) not like 'act\\_%' and lower(table_name) <> 'flyway_schema_history'",
                String.class);
        jdbc.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /**
     * Runs the overdue sweep as the job executor would at the engine clock's time: the quarter-hourly timer starts
     * the {@code overdue-sweep} process, whose job queues the notices.
     */
    protected void sweepOverdueTasks() {
        var management = processEngine.getManagementService();
        management.executeJob(management.createJobQuery().processDefinitionKey(OverdueNotices.SWEEP_PROCESS_KEY)
                .timers().singleResult().getId());
        management.createJobQuery().processDefinitionKey(OverdueNotices.SWEEP_PROCESS_KEY).messages().list()
                .forEach(job -> management.executeJob(job.getId()));
    }

    protected void municipality(String number, String name, int population) {
        Municipality municipality = new Municipality(number, name, "Møre og Romsdal", population);
        municipality.setContacts("prosjektleder@k" + number + ".example", "kommunedirektor@k" + number + ".example");
        municipalities.save(municipality);
    }

    /** A Camunda user with a password, in the group; created once (users outlive the per-test reset). */
    protected void user(String id, String password, String group) {
        var identity = processEngine.getIdentityService();
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    protected void wave(String code, String name, String hospitalTrust, LocalDate goLive, int sequence) {
        waves.save(new Wave(code, name, hospitalTrust, goLive, sequence));
    }

    protected static void setClock(LocalDateTime osloTime) {
        ClockUtil.setCurrentTime(Date.from(osloTime.atZone(OSLO).toInstant()));
    }

    protected static void setClock(LocalDate osloDay) {
        setClock(osloDay.atTime(9, 0));
    }

    /** The moment {@code day} starts in Oslo, as Camunda stores due dates. */
    protected static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(OSLO).toInstant());
    }

    /** 23:59 Oslo time on {@code day}: when a user task due that day is due. */
    protected static Date endOf(LocalDate day) {
        return Date.from(day.atTime(23, 59).atZone(OSLO).toInstant());
    }
}
