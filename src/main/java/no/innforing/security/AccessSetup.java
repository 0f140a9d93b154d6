package no.innforing.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At every start, in every setting: the RAG group and its rights, the metrics group and the ready Tasklist filters. Idempotent. (The
 * tenants, groups and rights of the municipalities are provisioned by the features that know them.)
 */
@Component
@Order(1)
class AccessSetup implements ApplicationRunner {

    static final String FILTER_MY_MUNICIPALITY = "Min kommunes åpne oppgaver";
    static final String FILTER_OVERDUE = "Forfalte oppgaver";
    static final String FILTER_RAG_DECISIONS = "RAG-beslutninger";

    private final MunicipalityAccess access;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    AccessSetup(MunicipalityAccess access, AuthorizationService authorizationService, FilterService filterService,
            TaskService taskService) {
        this.access = access;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        String rag = MunicipalityAccess.RAG_GROUP;
        access.ensureGroup(rag, "Regional arbeidsgruppe (RAG)");
        access.grant(rag, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        access.grant(rag, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        access.grant(rag, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK);
        access.grant(rag, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        access.grant(rag, Resources.TASK, ANY, Permissions.READ);
        access.grant(rag, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        access.grant(rag, Resources.DEPLOYMENT, ANY, Permissions.READ);
        // a group with no rights in the engine: its members may only read /actuator/prometheus (the scraper's user)
        access.ensureGroup(MunicipalityAccess.METRICS_GROUP, "Prometheus (metrikker)");

        filter(FILTER_MY_MUNICIPALITY, 1, "Åpne oppgaver for gruppene du er med i",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().active());
        filter(FILTER_OVERDUE, 2, "Oppgaver med passert frist",
                taskService.createTaskQuery().dueBeforeExpression("${now()}").active());
        filter(FILTER_RAG_DECISIONS, 3, "Beslutninger som venter på RAG",
                taskService.createTaskQuery().taskCandidateGroup(rag).includeAssignedTasks().active());
    }

    private void filter(String name, int priority, String description, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name);
        }
        filter.setQuery(query);
        filter.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filterService.saveFilter(filter);
        if (authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filter.getId()).userIdIn(Authorization.ANY).count() == 0) {
            Authorization everyone = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            everyone.setResource(Resources.FILTER);
            everyone.setResourceId(filter.getId());
            everyone.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(everyone);
        }
    }
}
