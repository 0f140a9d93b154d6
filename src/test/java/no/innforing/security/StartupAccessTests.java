package no.innforing.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import no.innforing.IntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;

/**
 * What the start-up gives every municipality in the engine (its tenant, its project leaders' group, the
 * memberships and rights), checked after the work the start-up runs again: a restart on a database where all of
 * it is in place writes nothing, and one where part of it was removed gets it back.
 */
class StartupAccessTests extends IntegrationTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ApplicationContext context;

    @Test
    void everyMunicipalityHasItsTenantGroupAndRights() throws Exception {
        runStartupWork();
        List<String> numbers = jdbc.queryForList("select number from municipality order by number", String.class);
        assertThat(numbers).contains("1505", "1576", "5001");
        for (String number : numbers) {
            String group = "municipality-" + number;
            assertThat(identityService.createTenantQuery().tenantId(number).groupMember(group).count())
                    .as("%s in tenant %s", group, number).isOne();
            assertThat(identityService.createTenantQuery().tenantId(number).groupMember("rag").count())
                    .as("rag in tenant %s", number).isOne();
            assertThat(granted(group, Resources.APPLICATION, "tasklist").isPermissionGranted(Permissions.ACCESS))
                    .isTrue();
            assertThat(granted(group, Resources.APPLICATION, "cockpit").isPermissionGranted(Permissions.ACCESS))
                    .isTrue();
            assertThat(granted(group, Resources.PROCESS_INSTANCE, "*").isPermissionGranted(Permissions.READ))
                    .isTrue();
            for (String process : new String[] {"municipal-implementation", "benefit-measurement"}) {
                Authorization follow = granted(group, Resources.PROCESS_DEFINITION, process);
                assertThat(follow.isPermissionGranted(ProcessDefinitionPermissions.READ_INSTANCE)).as(process).isTrue();
                assertThat(follow.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).as(process).isTrue();
            }
        }
    }

    @Test
    void aRestartWritesNothingWhenEverythingIsInPlaceAndRepairsWhatIsMissing() throws Exception {
        runStartupWork();
        Map<String, Object> before = engineAccessState();

        runStartupWork();
        assertThat(engineAccessState()).as("rows and revisions after a second start").isEqualTo(before);

        identityService.deleteTenantGroupMembership("1576", "rag");
        authorizationService.deleteAuthorization(granted("municipality-1576", Resources.APPLICATION, "tasklist")
                .getId());
        runStartupWork();
        assertThat(identityService.createTenantQuery().tenantId("1576").groupMember("rag").count()).isOne();
        assertThat(granted("municipality-1576", Resources.APPLICATION, "tasklist")
                .isPermissionGranted(Permissions.ACCESS)).isTrue();
    }

    /** The start-up's ApplicationRunners (no demo data here), as a restart runs them. */
    private void runStartupWork() throws Exception {
        for (ApplicationRunner runner : context.getBeanProvider(ApplicationRunner.class).orderedStream().toList()) {
            runner.run(new DefaultApplicationArguments());
        }
    }

    private Authorization granted(String group, Resources resource, String resourceId) {
        return EngineGrants.granted(authorizationService, group, resource, resourceId);
    }

    private Map<String, Object> engineAccessState() {
        return jdbc.queryForMap("select (select count(*) from act_id_group) as groups_,"
                + " (select count(*) from act_id_tenant) as tenants,"
                + " (select count(*) from act_id_tenant_member) as memberships,"
                + " (select count(*) from act_ru_authorization) as authorizations,"
                + " (select sum(rev_) from act_ru_authorization) as authorization_revisions,"
                + " (select sum(rev_) from act_id_group) as group_revisions,"
                + " (select sum(rev_) from act_id_tenant) as tenant_revisions");
    }
}
