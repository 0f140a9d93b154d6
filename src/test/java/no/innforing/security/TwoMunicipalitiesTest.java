package no.innforing.security;

import no.innforing.IntegrationTest;
import no.innforing.project.ProjectPhase;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Kristiansund (1505, at its service agreement) and Aure (1576, at its political decision) in KI3, with a project
 * leader each and a RAG member, all with the password {@code <user>-passord}: the people of the access tests.
 */
abstract class TwoMunicipalitiesTest extends IntegrationTest {

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected ProjectService projects;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;

    protected String kristiansund;
    protected String aure;

    @BeforeEach
    void twoMunicipalitiesAndTheirPeople() {
        kristiansund = projects.register(new Registration("1505", "KI3", false, ProjectPhase.SERVICE_AGREEMENT, null,
                null)).getProcessInstanceId();
        aure = projects.register(Registration.of("1576", "KI3")).getProcessInstanceId();
        user("pl-1505", "pl-1505-passord", "municipality-1505");
        user("pl-1576", "pl-1576-passord", "municipality-1576");
        user("ragmedlem", "ragmedlem-passord", MunicipalityAccess.RAG_GROUP);
    }

    protected TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-passord");
    }

    protected String taskOf(String processInstanceId) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }
}
