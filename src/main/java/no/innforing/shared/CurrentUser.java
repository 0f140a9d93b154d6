package no.innforing.shared;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting: the API user (Spring Security), the Tasklist user (Camunda), or the engine itself. */
@Component
public class CurrentUser {

    public static final String SYSTEM = "system";

    private final IdentityService identityService;

    CurrentUser(IdentityService identityService) {
        this.identityService = identityService;
    }

    public String id() {
        var springAuthentication = SecurityContextHolder.getContext().getAuthentication();
        if (springAuthentication != null && springAuthentication.isAuthenticated()
                && !"anonymousUser".equals(springAuthentication.getName())) {
            return springAuthentication.getName();
        }
        Authentication camunda = identityService.getCurrentAuthentication();
        return camunda != null && camunda.getUserId() != null ? camunda.getUserId() : SYSTEM;
    }
}
