package no.innforing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import no.innforing.IntegrationTest;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What registering a project gives the municipality's project leaders in the engine. A municipality the platform
 * knows (reference data, CSV import) has its tenant, group and rights already, the rights to follow the project's two
 * processes in Cockpit included: the registration writes none. One that somehow lacks them gets them all at
 * registration.
 */
class RegistrationAccessTests extends IntegrationTest {

    @Autowired
    ProjectService projects;
    @Autowired
    MunicipalityAccess access;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aKnownMunicipalityHasEveryRightBeforeItsProjectIsRegistered() {
        municipality("6902", "Kjent kommune", 1200);
        access.provision("6902", "Kjent kommune");   // as the CSV import does
        assertRightsOf("6902");
        Map<String, Object> before = identityRows();
        long authorizationsBefore = authorizations();

        projects.register(Registration.of("6902", "KI3"));

        assertThat(identityRows()).as("tenants, groups and memberships").isEqualTo(before);
        assertThat(authorizations()).as("rights other than on tasks").isEqualTo(authorizationsBefore);
        assertRightsOf("6902");
    }

    @Test
    void aMunicipalityWithoutTenantGetsEverythingAtRegistration() {
        municipality("6901", "Ukjent kommune", 1100);   // the row only, no tenant: not made by import or start-up
        assertThat(identityService.createTenantQuery().tenantId("6901").count()).isZero();

        projects.register(Registration.of("6901", "KI3"));

        assertRightsOf("6901");
    }

    @Test
    void aProvisioningRolledBackIsNotTakenForDone() {
        municipality("6903", "Angret kommune", 1300);
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            access.provision("6903", "Angret kommune");
            transaction.setRollbackOnly();
        });
        assertThat(identityService.createTenantQuery().tenantId("6903").count()).isZero();

        projects.register(Registration.of("6903", "KI3"));

        assertRightsOf("6903");
    }

    private void assertRightsOf(String number) {
        String group = "municipality-" + number;
        assertThat(identityService.createTenantQuery().tenantId(number).groupMember(group).count()).isOne();
        assertThat(identityService.createTenantQuery().tenantId(number).groupMember("rag").count()).isOne();
        assertThat(granted(group, Resources.APPLICATION, "tasklist").isPermissionGranted(Permissions.ACCESS)).isTrue();
        assertThat(granted(group, Resources.APPLICATION, "cockpit").isPermissionGranted(Permissions.ACCESS)).isTrue();
        assertThat(granted(group, Resources.PROCESS_INSTANCE, "*").isPermissionGranted(Permissions.READ)).isTrue();
        for (String process : new String[] {"municipal-implementation", "benefit-measurement"}) {
            Authorization follow = granted(group, Resources.PROCESS_DEFINITION, process);
            assertThat(follow.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).as(process).isTrue();
            assertThat(follow.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).as(process).isTrue();
        }
    }

    private Authorization granted(String group, Resources resource, String resourceId) {
        return EngineGrants.granted(authorizationService, group, resource, resourceId);
    }

    private Map<String, Object> identityRows() {
        return jdbc.queryForMap("select (select count(*) from act_id_group) as groups_,"
                + " (select count(*) from act_id_tenant) as tenants,"
                + " (select count(*) from act_id_tenant_member) as memberships");
    }

    /** Every authorization but those the engine gives a task's candidate group when it creates the task. */
    private long authorizations() {
        return jdbc.queryForObject("select count(*) from act_ru_authorization where resource_type_ <> ?", Long.class,
                Resources.TASK.resourceType());
    }
}
