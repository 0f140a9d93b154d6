package no.innforing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a token's claims become the platform's user id and groups, by the settings an operator gives. */
class SsoClaimsTests {

    static SsoProperties settings(String groupsClaim, String pattern, List<String> rag, String map) {
        return new SsoProperties("https://idp.example/realms/r", "innforing", "s", null, null, groupsClaim, pattern,
                rag, map, null, null);
    }

    @Test
    void theDefaultsReadKeycloakStyleGroupsWithAndWithoutAPath() {
        SsoClaims claims = new SsoClaims(settings(null, null, null, null));
        assertThat(claims.groups(Map.of("groups", List.of("/municipality-1505", "municipality-5001", "/rag",
                "ansatte", "municipality-15050", "camunda-admin", "metrics"))))
                .containsExactly("municipality-1505", "municipality-5001", "rag");
        assertThat(claims.userId(Map.of("preferred_username", "kari", "sub", "123"))).isEqualTo("kari");
        assertThat(claims.userId(Map.of("sub", "123"))).isEqualTo("123");
    }

    @Test
    void anExplicitMapAndANestedClaimServeEntraAndKeycloakRoles() {
        SsoClaims entra = new SsoClaims(settings("groups", null, null,
                "3f0c1e2a-aaaa-bbbb-cccc-000000000001=rag;\n9a1e0000-aaaa-bbbb-cccc-000000000002=municipality-1505"));
        assertThat(entra.groups(Map.of("groups", List.of("9a1e0000-aaaa-bbbb-cccc-000000000002",
                "ffffffff-aaaa-bbbb-cccc-000000000003")))).containsExactly("municipality-1505");

        SsoClaims roles = new SsoClaims(settings("realm_access.roles", "kommune_(\\d{4})_prosjektleder",
                List.of("rag_medlem"), null));
        assertThat(roles.groups(Map.of("realm_access", Map.of("roles", List.of("kommune_1505_prosjektleder",
                "rag_medlem", "offline_access"))))).containsExactly("municipality-1505", "rag");
        assertThat(roles.groups(Map.of("groups", List.of("municipality-1505")))).isEmpty();
    }

    @Test
    void aTextClaimMaySeparateValuesWithCommasOrSpaces() {
        SsoClaims claims = new SsoClaims(settings("roles", null, null, null));
        assertThat(claims.groups(Map.of("roles", "municipality-1505, rag"))).containsExactly("municipality-1505",
                "rag");
    }

    @Test
    void settingsThatCannotWorkStopTheStartWithANorwegianReason() {
        assertThatThrownBy(() -> new SsoClaims(settings(null, null, null, "abc=camunda-admin")))
                .hasMessageContaining("INNFORING_OIDC_GROUP_MAP").hasMessageContaining("verdi=rag");
        assertThatThrownBy(() -> new SsoClaims(settings(null, "municipality-\\d{4}", null, null)))
                .hasMessageContaining("gruppe i parentes");
        assertThatThrownBy(() -> new SsoClaims(settings(null, "municipality-(", null, null)))
                .hasMessageContaining("ikke et gyldig regulært uttrykk");
    }
}
