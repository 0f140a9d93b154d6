package no.innforing.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.innforing.InnforingApplication;
import no.innforing.PostgresTestDatabase;
import no.innforing.municipality.MunicipalityService;
import no.innforing.project.ProjectService;
import no.innforing.wave.WaveService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The prod setting: no demo data, no demo users, no start without a strong administrator password; the region's
 * municipalities are there from the start, on H2 and on PostgreSQL.
 */
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
                .hasMessageStartingWith("Innføring starter ikke: administratorpassordet er for svakt: det har 4 tegn, "
                        + "minst 12 kreves.");
        assertThatThrownBy(() -> startProd("prod-repeat", "--INNFORING_ADMIN_PASSWORD=passwordpassword"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Innføring starter ikke: administratorpassordet er for svakt: det er "
                        + "gjentakelser av det samme («passwordpassword») (styrke 0 av 4 etter zxcvbn, 4 kreves).");
        assertThatThrownBy(() -> startProd("prod-passord", "--INNFORING_ADMIN_PASSWORD=Passord12345"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("for svakt: det bygger på et ord som er lett å gjette her")
                .hasMessageContaining("«Passord»")
                .hasMessageContaining("det bygger på et av de vanligste passordene («12345»)");
    }

    /**
     * The prod setting on PostgreSQL as an operator starts it: the region's 65 municipalities and each one's
     * project-leader group are there from the start, readiness is public and UP, and a RAG member the operator
     * created creates a wave and registers a project through the API. Behind a TLS proxy HSTS is sent and the
     * webapps' XSRF cookie is Secure.
     */
    @Test
    void onPostgresTheRegionIsThereAndRagCreatesAWaveAndRegistersAProject() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(InnforingApplication.class)
                .profiles("postgres", "prod").run(
                        "--spring.datasource.url=" + PostgresTestDatabase.url(),
                        "--spring.datasource.username=" + PostgresTestDatabase.username(),
                        "--spring.datasource.password=" + PostgresTestDatabase.password(),
                        "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                        "--camunda.bpm.process-engine-name=prodpg",
                        "--INNFORING_ADMIN_USER=driftsansvarlig",
                        "--INNFORING_ADMIN_PASSWORD=et-langt-og-sterkt-passord")) {
            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.createGroupQuery().groupIdIn("municipality-1505", "municipality-5001",
                    "municipality-1576").count()).isEqualTo(3);
            assertThat(identity.createGroupQuery().list()).filteredOn(g -> g.getId().startsWith("municipality-"))
                    .hasSize(65);
            var rag = identity.newUser("rag-leder");
            rag.setPassword("rag-leder-passord");
            identity.saveUser(rag);
            identity.createMembership("rag-leder", MunicipalityAccess.RAG_GROUP);

            String base = "http://localhost:" + ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            TestRestTemplate anonymous = new TestRestTemplate();
            ResponseEntity<String> readiness = anonymous.getForEntity(base + "/actuator/health/readiness", String.class);
            assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(readiness.getBody()).contains("\"status\":\"UP\"");
            assertThat(anonymous.getForEntity(base + "/actuator/health/liveness", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            // the rest of actuator needs a login (an anonymous caller ends on the login page)
            assertThat(anonymous.getForEntity(base + "/actuator/health", String.class).getBody())
                    .doesNotContain("\"status\"");

            TestRestTemplate ragApi = new TestRestTemplate().withBasicAuth("rag-leder", "rag-leder-passord");
            List<Map<String, Object>> region = ragApi.getForObject(base + "/api/municipalities", List.class);
            assertThat(region).hasSize(65);
            assertThat(region).filteredOn(m -> m.get("number").equals("1505")).singleElement()
                    .satisfies(m -> assertThat(m).containsEntry("name", "Kristiansund")
                            .containsEntry("county", "Møre og Romsdal").containsEntry("population", 24100));
            assertThat(region).extracting(m -> m.get("county")).containsOnly("Møre og Romsdal", "Trøndelag");

            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            String goLive = LocalDate.now().plusYears(2).toString();
            ResponseEntity<Map> wave = ragApi.exchange(base + "/api/waves", HttpMethod.POST, new HttpEntity<>(
                    "{\"code\":\"KI1\",\"name\":\"Kommunal innføring 1\",\"goLiveDate\":\"" + goLive + "\"}", json),
                    Map.class);
            assertThat(wave.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(ragApi.getForObject(base + "/api/waves", List.class)).hasSize(1);
            ResponseEntity<Map> project = ragApi.exchange(base + "/api/projects", HttpMethod.POST, new HttpEntity<>(
                    "{\"municipalityNumber\":\"1505\",\"waveCode\":\"KI1\"}", json), Map.class);
            assertThat(project.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(project.getBody()).containsEntry("municipalityName", "Kristiansund");

            HttpHeaders proxied = new HttpHeaders();
            proxied.add("X-Forwarded-Proto", "https");
            ResponseEntity<String> page = ragApi.exchange(base + "/waves", HttpMethod.GET, new HttpEntity<>(proxied),
                    String.class);
            assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(page.getBody()).contains("KI1", "Kommunal innføring 1");
            assertThat(page.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=");
            assertThat(anonymous.exchange(base + "/api/waves", HttpMethod.GET, new HttpEntity<>(proxied), String.class)
                    .getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=");
            ResponseEntity<String> webapp = ragApi.exchange(base + "/camunda/app/welcome/prodpg/", HttpMethod.GET,
                    new HttpEntity<>(proxied), String.class);
            assertThat(webapp.getHeaders().get(HttpHeaders.SET_COOKIE)).anySatisfy(cookie ->
                    assertThat(cookie).startsWith("XSRF-TOKEN=").contains("Secure"));
            assertThat(webapp.getHeaders().getFirst("Strict-Transport-Security")).contains("max-age=");
        }
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
            assertThat(app.getBean(MunicipalityService.class).all()).hasSize(65);
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
