package no.innforing.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.innforing.municipality.Municipality;
import no.innforing.municipality.MunicipalityService;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectProcess;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService.Registration;
import no.innforing.project.ProjectService;
import no.innforing.wave.Wave;
import no.innforing.wave.WaveService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty database with demo data. Waves are placed relative to the day of the first start so that there
 * are projects in every phase: PD1 in stabilization, PD2 at go-live, PD3 in the main project, KI1 at its
 * service-agreement deadline, KI2 in the pre-project, KI3–KI5 before their political decisions (Kristiansund,
 * in KI3, already in its early start).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "innforing.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoWave(String code, String name, String hospitalTrust, int monthsFromToday, int extraDays,
            ProjectPhase phase, List<String> members) {
    }

    private static final List<DemoWave> WAVES = List.of(
            new DemoWave("PD1", "Delleveranse 1", "St. Olavs hospital", -3, 0, ProjectPhase.STABILIZATION,
                    List.of("5001")),
            new DemoWave("PD2", "Delleveranse 2", "Helse Nord-Trøndelag", 0, 20, ProjectPhase.GO_LIVE,
                    List.of("5006", "5007", "5035", "5037", "5038", "5053")),
            new DemoWave("PD3", "Delleveranse 3", "Helse Møre og Romsdal", 6, 0, ProjectPhase.MAIN_PROJECT,
                    List.of("1506", "1508", "1520", "1535", "1577", "1579")),
            new DemoWave("KI1", "Kommunal innføring 1", null, 13, 10, ProjectPhase.SERVICE_AGREEMENT,
                    List.of("5021", "5028", "5031", "5059")),
            new DemoWave("KI2", "Kommunal innføring 2", null, 16, 0, ProjectPhase.PRE_PROJECT,
                    List.of("5014", "5025", "5032", "5056")),
            new DemoWave("KI3", "Kommunal innføring 3 (Nordmøre)", null, 21, 0, ProjectPhase.POLITICAL_DECISION,
                    List.of("1505", "1554", "1557", "1560", "1563", "1566", "1573", "1576")),
            new DemoWave("KI4", "Kommunal innføring 4", null, 27, 0, ProjectPhase.POLITICAL_DECISION,
                    List.of("1531", "1532")),
            new DemoWave("KI5", "Kommunal innføring 5", null, 33, 0, ProjectPhase.POLITICAL_DECISION,
                    List.of("1525")));

    /** Kristiansund asked for an early start; Sula used its right to withdraw. */
    private static final String EARLY_START = "1505";
    private static final Map<String, String> WITHDRAWN = Map.of("1531", "Kommunestyret prioriterer andre tiltak");

    private final MunicipalityService municipalities;
    private final WaveService waves;
    private final ProjectService projects;
    private final DemoUsers demoUsers;
    private final TransactionTemplate transaction;
    private final TaskService taskService;

    DemoData(MunicipalityService municipalities, WaveService waves, ProjectService projects, DemoUsers demoUsers,
            TransactionTemplate transaction, TaskService taskService) {
        this.municipalities = municipalities;
        this.waves = waves;
        this.projects = projects;
        this.demoUsers = demoUsers;
        this.transaction = transaction;
        this.taskService = taskService;
    }

    /** Kristiansund has decided and signed the call-off agreement, and is in its early start. */
    private void startEarly(String number, LocalDate today) {
        String instance = projects.openProject(number).orElseThrow().getProcessInstanceId();
        complete(instance, ProjectProcess.TASK_REGISTER_POLITICAL_DECISION, Map.of(
                ProjectProcess.VAR_COUNCIL_DECISION, "JOIN", "politicalDecisionDate", today.minusWeeks(3).toString(),
                "politicalDecisionCaseReference", "2026/1234", ProjectProcess.VAR_EARLY_START, true));
        complete(instance, ProjectProcess.TASK_SIGN_CALL_OFF_AGREEMENT, Map.of(
                ProjectProcess.VAR_CALL_OFF_SIGNED_ON, today.minusWeeks(1).toString(),
                "callOffAgreementSignedBy", "Kommunedirektøren"));
    }

    private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .singleResult();
        taskService.complete(task.getId(), variables);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (waves.count() > 0) {
            log.info("Demo data already present; leaving it as it is");
            return;
        }
        // The municipalities themselves are reference data, present before this runs (MunicipalityReferenceData).
        List<Municipality> region = municipalities.all();
        LocalDate today = ProjectSchedule.today();
        List<Municipality> withProjects = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            region.forEach(m -> m.setContacts("prosjektleder@k" + m.getNumber() + ".example",
                    "kommunedirektor@k" + m.getNumber() + ".example"));
            municipalities.saveAll(region);
            int sequence = 1;
            for (DemoWave wave : WAVES) {
                LocalDate goLive = today.plusMonths(wave.monthsFromToday()).plusDays(wave.extraDays())
                        .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
                waves.save(new Wave(wave.code(), wave.name(), wave.hospitalTrust(), goLive, sequence++));
            }
        });
        for (DemoWave wave : WAVES) {
            for (String number : wave.members()) {
                transaction.executeWithoutResult(status -> projects.register(new Registration(number, wave.code(),
                        EARLY_START.equals(number), wave.phase(), null, null)));
                withProjects.add(municipalities.require(number));
            }
        }
        transaction.executeWithoutResult(status -> startEarly(EARLY_START, today));
        WITHDRAWN.forEach((number, reason) ->
                transaction.executeWithoutResult(status -> projects.requestWithdrawal(number, reason)));
        transaction.executeWithoutResult(status -> demoUsers.create(withProjects));
        log.info("Demo data created: {} municipalities, {} waves, {} projects", region.size(), WAVES.size(),
                withProjects.size());
    }
}
