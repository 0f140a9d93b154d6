package no.innforing.benefit;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import no.innforing.municipality.Municipality;
import no.innforing.project.ProjectRegistered;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets a municipality's project leaders follow their own measurement instance in Cockpit, as they follow their
 * implementation process: read rights on the {@code benefit-measurement} definition, narrowed to their own
 * municipality by the tenant check. Given at registration and, for groups that already exist, at every start.
 */
@Component
@Order(2)
class BenefitFollowUpAccess implements ApplicationRunner {

    private final AuthorizationService authorizationService;
    private final IdentityService identityService;

    BenefitFollowUpAccess(AuthorizationService authorizationService, IdentityService identityService) {
        this.authorizationService = authorizationService;
        this.identityService = identityService;
    }

    @EventListener
    void onProjectRegistered(ProjectRegistered registered) {
        grant(Municipality.projectLeaderGroup(registered.municipalityNumber()));
    }

    @Override
    public void run(ApplicationArguments args) {
        identityService.createGroupQuery().list().stream().map(group -> group.getId())
                .filter(id -> id.startsWith("municipality-")).forEach(this::grant);
    }

    void grant(String groupId) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(BenefitFollowUp.PROCESS_KEY).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(Resources.PROCESS_DEFINITION);
        authorization.setResourceId(BenefitFollowUp.PROCESS_KEY);
        authorization.addPermission(ProcessDefinitionPermissions.READ);
        authorization.addPermission(ProcessDefinitionPermissions.READ_INSTANCE);
        authorization.addPermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizationService.saveAuthorization(authorization);
    }
}
