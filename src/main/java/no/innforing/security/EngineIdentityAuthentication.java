package no.innforing.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda who Spring Security has authenticated, with the engine groups and tenants the platform's rules give:
 * the groups are the user's {@code GROUP_} authorities (a local user's memberships, or the groups a token maps to),
 * the tenants those of which one of these groups or the user is a member (each municipality's tenant has its
 * {@code municipality-<number>} group and {@code rag}). Used by the webapps' container-based authentication (the
 * Spring session serves Tasklist, Cockpit, Admin and the app's pages alike) and by the engine REST API's
 * authentication filter (HTTP Basic for local users and Bearer tokens, both checked by Spring Security first).
 *
 * <p>Camunda creates this class itself (by name, from the filters' init parameter), so it has no Spring beans.
 */
public class EngineIdentityAuthentication implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken || authentication.getName() == null
                || SignedIn.refusal(authentication) != null) {
            return AuthenticationResult.unsuccessful();
        }
        String userId = authentication.getName();
        Set<String> groups = SignedIn.groups(authentication);
        AuthenticationResult result = new TenantsWhenAsked(userId, engine.getIdentityService(), groups);
        result.setGroups(new ArrayList<>(groups));
        return result;
    }

    /**
     * A successful result whose tenants are looked up when they are first asked for. The engine REST API's filter
     * asks on every request; the webapps' container-based authentication asks only when it puts the user into a
     * session that has no engine login for them yet, but it asks this provider on every request of the webapps
     * (Tasklist's task list included): looking up the tenants there every time cost two queries and a tenth of the
     * CPU time of the request (JFR, {@code NationalScaleBenchmark}), for a result it then did not use. The tenants,
     * when asked for, are the same as before: looked up at that moment, for the same user and groups.
     */
    static final class TenantsWhenAsked extends AuthenticationResult {
        private final IdentityService identityService;
        private final Set<String> groupIds;

        TenantsWhenAsked(String userId, IdentityService identityService, Set<String> groupIds) {
            super(userId, true);
            this.identityService = identityService;
            this.groupIds = groupIds;
        }

        @Override
        public List<String> getTenants() {
            if (tenants == null) {
                tenants = tenants(identityService, getAuthenticatedUser(), groupIds);
            }
            return tenants;
        }
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Innføring\"");
    }

    /** The tenants the user or one of the groups is a member of. */
    static List<String> tenants(IdentityService identityService, String userId, Set<String> groups) {
        Set<String> tenants = new LinkedHashSet<>();
        for (String group : groups) {
            identityService.createTenantQuery().groupMember(group).list().stream().map(Tenant::getId)
                    .forEach(tenants::add);
        }
        identityService.createTenantQuery().userMember(userId).list().stream().map(Tenant::getId)
                .forEach(tenants::add);
        return new ArrayList<>(tenants);
    }
}
