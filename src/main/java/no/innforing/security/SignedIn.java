package no.innforing.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** What a Spring Security authentication says about the platform user: groups, and a token's refusal. */
final class SignedIn {

    static final String GROUP_PREFIX = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX;

    /**
     * A token that authenticates but gives no access (no known group, a local user's name) carries its Norwegian
     * refusal as an authority with this prefix; the API chains answer it with 403.
     */
    static final String REFUSAL_PREFIX = "REFUSED:";

    private SignedIn() {
    }

    static Set<String> groups(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_PREFIX)).map(a -> a.substring(GROUP_PREFIX.length()))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** The refusal a token carries, or null. */
    static String refusal(Authentication authentication) {
        if (authentication == null) {
            return null;
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(REFUSAL_PREFIX)).map(a -> a.substring(REFUSAL_PREFIX.length()))
                .findFirst().orElse(null);
    }
}
