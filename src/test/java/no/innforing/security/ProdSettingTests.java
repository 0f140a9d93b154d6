package no.innforing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.innforing.InnforingApplication;
import no.innforing.project.ProjectService;
import no.innforing.wave.WaveService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The prod setting: no demo data, no demo users, and no start without a strong administrator password. */
class ProdSettingTests {

    private static ConfigurableApplicationContext startProd(String database, String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "--spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1";
        args[1] = "--server.port=0";
        args[2] = "--camunda.bpm.job-execution.enabled=false";
        // Engines register by name in one static registry per JVM: keep "default" for the PostgreSQL test context.
        args[3] = "--camunda.bpm.process-engine-name=prodtest";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return new SpringApplicationBuilder(InnforingApplication.class).profiles("prod").run(args);
    }

    @Test
    void refusesToStartWithoutAnAdminPassword() {
        assertThatThrownBy(() -> startProd("prod-missing"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Innføring starter ikke: administratorpassordet mangler.")
                .hasMessageContaining("INNFORING_ADMIN_PASSWORD");
    }

    @Test
    void refusesToStartWithAWeakAdminPassword() {
        assertThatThrownBy(() -> startProd("prod-weak", "--INNFORING_ADMIN_PASSWORD=demo"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Innføring starter ikke: administratorpassordet er for svakt.");
        assertThatThrownBy(() -> startProd("prod-short", "--INNFORING_ADMIN_PASSWORD=kort-pass"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("for svakt");
    }

    @Test
    void startsWithOnlyTheOperatorsAdministrator() {
        try (ConfigurableApplicationContext app = startProd("prod-ok", "--INNFORING_ADMIN_USER=driftsansvarlig",
                "--INNFORING_ADMIN_PASSWORD=et-langt-og-sterkt-passord")) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("driftsansvarlig");
            assertThat(identity.createUserQuery().userId("driftsansvarlig").memberOfGroup("camunda-admin").count())
                    .isOne();
            assertThat(identity.checkPassword("demo", "demo")).isFalse();
            assertThat(app.getBean(WaveService.class).count()).isZero();
            assertThat(app.getBean(ProjectService.class).all().size()).isZero();
            assertThat(app.getEnvironment().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");

            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            TestRestTemplate http = new TestRestTemplate();
            ResponseEntity<String> waves = http.withBasicAuth("driftsansvarlig", "et-langt-og-sterkt-passord")
                    .getForEntity("http://localhost:" + port + "/api/waves", String.class);
            assertThat(waves.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(waves.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(http.getForEntity("http://localhost:" + port + "/api/waves", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }
}
