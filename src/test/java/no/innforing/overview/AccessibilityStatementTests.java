package no.innforing.overview;

import static org.assertj.core.api.Assertions.assertThat;

import no.innforing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The accessibility statement (tilgjengelighetserklæring): public, and linked from the footer of every page. */
class AccessibilityStatementTests extends IntegrationTest {

    private static final String FOOTER_LINK = "<a href=\"/tilgjengelighet\">Tilgjengelighetserklæring</a>";

    @Autowired
    TestRestTemplate http;

    @Test
    void theStatementIsReadableWithoutALogin() {
        ResponseEntity<String> page = http.getForEntity("/tilgjengelighet", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<h1>Tilgjengelighetserklæring for Innføring</h1>")
                .contains("WCAG 2.1").contains("forskrift om universell utforming")
                .contains("skrevet som dd.mm.åååå").contains("Feltet må fylles ut.")
                .contains("regionens arbeidsgruppe (RAG)")
                .contains("23.11.2026")
                // an anonymous reader gets a way to log in, not a logout button or the menu of the app
                .contains("Logg inn").doesNotContain("Logg ut").doesNotContain("Varslingslogg");
    }

    @Test
    void aLoggedInUserSeesTheStatementWithTheUsualMenu() {
        String page = http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/tilgjengelighet", String.class);
        assertThat(page).contains("<h1>Tilgjengelighetserklæring for Innføring</h1>").contains("Varslingslogg")
                .contains("Logg ut");
    }

    @Test
    void everyPageLinksToTheStatement() {
        assertThat(http.getForObject("/login", String.class)).contains(FOOTER_LINK);
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/overview", String.class))
                .contains(FOOTER_LINK);
        assertThat(http.withBasicAuth("admin", ADMIN_PASSWORD).getForObject("/waves", String.class))
                .contains(FOOTER_LINK);
    }
}
