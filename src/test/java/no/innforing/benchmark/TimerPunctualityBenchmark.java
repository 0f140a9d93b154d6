package no.innforing.benchmark;

import static no.innforing.benchmark.BenchmarkReport.format;
import static no.innforing.benchmark.BenchmarkReport.median;
import static no.innforing.benchmark.BenchmarkReport.percentile;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import no.innforing.PostgresTestDatabase;
import no.innforing.TestSmtpServer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark, not a test: how late timers fire with the job executor running as shipped (no time travel, the
 * job-execution settings of {@code application.yaml}). 200 timers are set to fall due spread over the next minute;
 * a timer's lateness is the time between its due date and the moment its catch event completed (from history).
 */
@SpringBootTest(properties = {"innforing.demo.enabled=false", "camunda.bpm.admin-user.id=admin",
        "camunda.bpm.admin-user.password=timer-Benchmark-Passord-1",
        "innforing.notifications.delivery.enabled=false"})
@ActiveProfiles("postgres")
class TimerPunctualityBenchmark {

    static final int TIMERS = 200;
    static final Duration SPREAD = Duration.ofMinutes(1);

    @Autowired
    ProcessEngine engine;
    @Value("${camunda.bpm.job-execution.wait-time-in-millis}")
    long waitTime;
    @Value("${camunda.bpm.job-execution.max-wait}")
    long maxWait;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresTestDatabase::url);
        registry.add("spring.datasource.username", PostgresTestDatabase::username);
        registry.add("spring.datasource.password", PostgresTestDatabase::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtpServer::port);
    }

    @Test
    void timersFireOnTime() throws InterruptedException {
        BpmnModelInstance model = Bpmn.createExecutableProcess("timer-benchmark")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("Timer").timerWithDate("${due}")
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("timer-benchmark.bpmn", model).deploy();

        // a quiet start: the executor has backed off, as on an ordinary day with nothing due
        Thread.sleep(maxWait);
        long first = System.currentTimeMillis() + 5_000;
        for (int i = 0; i < TIMERS; i++) {
            Date due = new Date(first + SPREAD.toMillis() * i / TIMERS);
            engine.getRuntimeService().startProcessInstanceByKey("timer-benchmark", Map.of("due", due));
        }
        HistoryService history = engine.getHistoryService();
        long deadline = first + SPREAD.toMillis() + Duration.ofMinutes(3).toMillis();
        while (history.createHistoricActivityInstanceQuery().activityId("Timer").finished().count() < TIMERS
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(1_000);
        }
        List<HistoricActivityInstance> fired = history.createHistoricActivityInstanceQuery().activityId("Timer")
                .finished().list();
        assertThat(fired).hasSize(TIMERS);
        List<Double> lateness = new ArrayList<>();
        for (HistoricActivityInstance timer : fired) {
            Date due = (Date) history.createHistoricVariableInstanceQuery()
                    .processInstanceId(timer.getProcessInstanceId()).variableName("due").singleResult().getValue();
            lateness.add((timer.getEndTime().getTime() - due.getTime()) / 1000.0);
        }
        BenchmarkReport.write("timers", "Timer punctuality", format("""
                `TimerPunctualityBenchmark`: %d timers due spread over one minute, the job executor running with the
                shipped settings (`wait-time-in-millis` %d, `max-wait` %d, acquisition by due date, timers first), no
                time travel, PostgreSQL, started after a quiet period long enough for the executor to back off fully.
                Lateness = the catch event's end (history) minus the timer's due date. Target: p99 ≤ 5 s.

                | timers | median s | p99 s | max s |
                |---|---|---|---|
                | %d | %.1f | %.1f | %.1f |
                """, TIMERS, waitTime, maxWait, TIMERS, median(lateness), percentile(lateness, 99),
                percentile(lateness, 100)));
    }
}
