package no.innforing.project;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * For Prometheus: the process engine's backlog, counted at scrape time. There is no logged-in engine user at that
 * point, so the counts span every tenant.
 * <ul>
 * <li>{@code innforing_incidents_open}: open incidents (a job or an external task out of retries, see Cockpit);</li>
 * <li>{@code innforing_jobs_executable}: jobs due and not yet executed (timers due, asynchronous continuations), the
 *     job executor's queue;</li>
 * <li>{@code innforing_jobs_no_retries_left}: jobs that failed on every retry;</li>
 * <li>{@code innforing_external_tasks_waiting}: external tasks no worker has locked (notification deliveries
 *     waiting for a sender).</li>
 * </ul>
 */
@Component
class EngineMetrics implements MeterBinder {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final ExternalTaskService externalTaskService;

    EngineMetrics(RuntimeService runtimeService, ManagementService managementService,
            ExternalTaskService externalTaskService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.externalTaskService = externalTaskService;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "innforing.incidents.open", "Open incidents in the process engine",
                () -> runtimeService.createIncidentQuery().count());
        gauge(registry, "innforing.jobs.executable", "Jobs due and not yet executed",
                () -> managementService.createJobQuery().executable().count());
        gauge(registry, "innforing.jobs.no.retries.left", "Jobs with no retries left",
                () -> managementService.createJobQuery().noRetriesLeft().count());
        gauge(registry, "innforing.external.tasks.waiting", "External tasks not locked by a worker",
                () -> externalTaskService.createExternalTaskQuery().notLocked().count());
    }

    private static void gauge(MeterRegistry registry, String name, String description, Supplier<Number> count) {
        Gauge.builder(name, count).description(description).register(registry);
    }
}
