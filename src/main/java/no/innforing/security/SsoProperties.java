package no.innforing.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on through OpenID Connect, set only from the environment ({@code INNFORING_OIDC_*}; README, "Access
 * control"). No issuer: the platform runs with local users only, as before.
 *
 * @param issuerUri the provider's issuer ({@code INNFORING_OIDC_ISSUER_URI}); its discovery document
 *        ({@code /.well-known/openid-configuration}) gives every endpoint and the signing keys
 * @param clientId the platform's client at the provider ({@code INNFORING_OIDC_CLIENT_ID})
 * @param clientSecret its secret ({@code INNFORING_OIDC_CLIENT_SECRET})
 * @param scopes asked for at login ({@code INNFORING_OIDC_SCOPES}, default {@code openid,profile,email})
 * @param userClaim the claim whose value is the user id in the engine and the app ({@code INNFORING_OIDC_USER_CLAIM},
 *        default {@code preferred_username}; {@code sub} when the token lacks it)
 * @param groupsClaim the claim that carries the user's groups or roles ({@code INNFORING_OIDC_GROUPS_CLAIM}, default
 *        {@code groups}; a dotted path such as {@code realm_access.roles} reads a nested claim)
 * @param municipalityPattern a regular expression a whole claim value must match to mean a municipality, its first
 *        group being the four-digit municipality number ({@code INNFORING_OIDC_MUNICIPALITY_PATTERN}, default
 *        {@code /?municipality-(\d{4})}, so both {@code municipality-1505} and Keycloak's {@code /municipality-1505})
 * @param ragValues claim values that mean the regional working group ({@code INNFORING_OIDC_RAG_VALUES}, default
 *        {@code rag,/rag})
 * @param groupMap explicit mapping for values that follow no pattern, such as Entra ID's group object ids:
 *        {@code value=group} pairs separated by {@code ;} or line breaks, the group being {@code rag} or
 *        {@code municipality-<number>} ({@code INNFORING_OIDC_GROUP_MAP})
 * @param audience the audience a Bearer token must be issued for ({@code INNFORING_OIDC_AUDIENCE}, default the
 *        client id)
 * @param displayName how the login page names the provider: "Logg inn med …" ({@code INNFORING_OIDC_DISPLAY_NAME})
 */
@ConfigurationProperties("innforing.oidc")
public record SsoProperties(String issuerUri, String clientId, String clientSecret, List<String> scopes,
        String userClaim, String groupsClaim, String municipalityPattern, List<String> ragValues, String groupMap,
        String audience, String displayName) {

    public SsoProperties {
        issuerUri = blankToNull(issuerUri);
        clientId = blankToNull(clientId);
        clientSecret = blankToNull(clientSecret);
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
        userClaim = blankToNull(userClaim) == null ? "preferred_username" : userClaim.trim();
        groupsClaim = blankToNull(groupsClaim) == null ? "groups" : groupsClaim.trim();
        municipalityPattern = blankToNull(municipalityPattern) == null ? "/?municipality-(\\d{4})"
                : municipalityPattern.trim();
        ragValues = ragValues == null || ragValues.isEmpty() ? List.of("rag", "/rag")
                : ragValues.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
        groupMap = groupMap == null ? "" : groupMap;
        audience = blankToNull(audience) == null ? clientId : audience.trim();
        displayName = blankToNull(displayName) == null ? "felles innlogging" : displayName.trim();
    }

    /** The client registration's id: the provider's login starts at {@code /oauth2/authorization/oidc}. */
    public static final String REGISTRATION_ID = "oidc";

    /** Where the login page's button sends the browser to log in at the provider. */
    public String loginPath() {
        return "/oauth2/authorization/" + REGISTRATION_ID;
    }

    /** True when an issuer is set: the provider's login, and Bearer tokens on the API. */
    public boolean enabled() {
        return issuerUri != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
