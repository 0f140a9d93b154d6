package no.innforing.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;

/** What the tests of a group's rights in the engine ask: the group's grant on one resource, which must exist. */
final class EngineGrants {

    private EngineGrants() {
    }

    static Authorization granted(AuthorizationService authorizationService, String group, Resources resource,
            String resourceId) {
        Authorization authorization = authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        assertThat(authorization).as("%s on %s %s", group, resource, resourceId).isNotNull();
        assertThat(authorization.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
        return authorization;
    }
}
