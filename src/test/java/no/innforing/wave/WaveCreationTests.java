package no.innforing.wave;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.innforing.IntegrationTest;
import no.innforing.security.MunicipalityAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** RAG creates waves through the API and the page, and registers a project in a new wave on the page. */
class WaveCreationTests extends IntegrationTest {

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void users() {
        user("ragmedlem", "ragmedlem-passord", MunicipalityAccess.RAG_GROUP);
        user("pl-1505", "pl-1505-passord", MunicipalityAccess.projectLeaderGroup("1505"));
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-passord");
    }

    private ResponseEntity<Map> post(TestRestTemplate client, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.exchange("/api/waves", HttpMethod.POST, new HttpEntity<>(json, headers), Map.class);
    }

    private long waveCount() {
        return jdbc.queryForObject("select count(*) from wave", Long.class);
    }

    @Test
    void ragCreatesAWaveAndRegistersAProjectInIt() {
        ResponseEntity<Map> created = post(as("ragmedlem"), """
                {"code":"KI6","name":"Kommunal innføring 6","hospitalTrust":"Helse Møre og Romsdal","goLiveDate":"2029-09-04"}""");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation().getPath()).isEqualTo("/api/waves/KI6");
        assertThat(created.getBody()).containsEntry("code", "KI6").containsEntry("goLiveDate", "2029-09-04");
        List<Map<String, Object>> all = as("pl-1505").getForObject("/api/waves", List.class);
        assertThat(all).extracting(w -> w.get("code")).endsWith("KI6");
        assertThat(all.get(all.size() - 1)).containsEntry("name", "Kommunal innføring 6")
                .containsEntry("hospitalTrust", "Helse Møre og Romsdal");

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> project = as("ragmedlem").exchange("/api/projects", HttpMethod.POST,
                new HttpEntity<>("{\"municipalityNumber\":\"1576\",\"waveCode\":\"KI6\"}", json), Map.class);
        assertThat(project.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, Object>) project.getBody().get("schedule")).containsEntry("goLive", "2029-09-04")
                .containsEntry("serviceAgreementDue", "2028-08-04");
    }

    @Test
    void badWavesAreRefusedWithANorwegianMessageAndNothingIsStored() {
        long before = waveCount();
        assertProblem(post(as("ragmedlem"), """
                {"code":"ki3","name":"Dobbel","goLiveDate":"2029-09-04"}"""), HttpStatus.CONFLICT,
                "Det finnes allerede en bølge med koden «KI3» (Kommunal innføring 3).");
        assertProblem(post(as("ragmedlem"), """
                {"code":"KI7","name":"For sent","goLiveDate":"2026-03-01"}"""), HttpStatus.BAD_REQUEST,
                "Produksjonssettingen 01.03.2026 er i fortiden; velg i dag (02.03.2026) eller senere.");
        assertProblem(post(as("ragmedlem"), """
                {"code":"KI-7","name":"Bindestrek","goLiveDate":"2029-09-04"}"""), HttpStatus.BAD_REQUEST,
                "Koden kan bare ha bokstavene A–Z og sifre, høyst 10 tegn, for eksempel KI6.");
        assertProblem(post(as("ragmedlem"), """
                {"code":"KI7","name":"","goLiveDate":null}"""), HttpStatus.BAD_REQUEST,
                "Datoen for produksjonssetting mangler.; Navnet mangler.");
        assertProblem(post(as("pl-1505"), """
                {"code":"KI7","name":"Egen bølge","goLiveDate":"2029-09-04"}"""), HttpStatus.FORBIDDEN,
                "Bare RAG og administratorer kan opprette bølger.");
        assertThat(waveCount()).isEqualTo(before);
    }

    private static void assertProblem(ResponseEntity<Map> response, HttpStatus status, String detail) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody()).containsEntry("detail", detail);
    }

    @Test
    void onThePagesRagCreatesAWaveAndRegistersAMunicipalityInIt() {
        ResponseEntity<String> page = as("ragmedlem").getForEntity("/waves", String.class);
        assertThat(page.getBody()).contains("Bølger", "Ny bølge", "KI3", "31.03.2028");
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        String csrf = match(page.getBody(), "name=\"_csrf\" value=\"([^\"]+)\"");

        ResponseEntity<String> past = form(cookie, csrf, "/waves", "code", "KI6", "name", "Kommunal innføring 6",
                "hospitalTrust", "", "goLiveDate", "2025-12-01");
        assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(past.getBody()).contains("Bølgen ble ikke opprettet:",
                "Produksjonssettingen 01.12.2025 er i fortiden; velg i dag (02.03.2026) eller senere.",
                "name=\"goLiveDate\" value=\"2025-12-01\"");
        ResponseEntity<String> badCode = form(cookie, csrf, "/waves", "code", "KI 6", "name", "Kommunal innføring 6",
                "hospitalTrust", "", "goLiveDate", "2029-09-04");
        assertThat(badCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badCode.getBody()).contains("Koden kan bare ha bokstavene A–Z og sifre, høyst 10 tegn");
        ResponseEntity<String> badDate = form(cookie, csrf, "/waves", "code", "KI6", "name", "Kommunal innføring 6",
                "hospitalTrust", "", "goLiveDate", "ikke en dato");
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getBody()).contains("Datoen for produksjonssetting må være en gyldig dato.");
        assertThat(waves.find("KI6")).isEmpty();

        ResponseEntity<String> created = form(cookie, csrf, "/waves", "code", "KI6", "name", "Kommunal innføring 6",
                "hospitalTrust", "", "goLiveDate", "2029-09-04");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);   // after the redirect
        assertThat(created.getBody()).contains(
                "Bølge KI6 (Kommunal innføring 6) er opprettet med produksjonssetting 04.09.2029.");
        assertThat(waves.require("KI6").getHospitalTrust()).isNull();

        ResponseEntity<String> registration = form(cookie, csrf, "/projects", "municipalityNumber", "1576",
                "waveCode", "KI9");
        assertThat(registration.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(registration.getBody()).contains("Prosjektet ble ikke registrert:", "Fant ingen bølge med kode «KI9»");
        ResponseEntity<String> registered = form(cookie, csrf, "/projects", "municipalityNumber", "1576",
                "waveCode", "KI6");
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(registered.getBody()).contains("Aure er registrert i bølge KI6.");
        assertThat(jdbc.queryForObject("select wave_code from implementation_project where municipality_number = '1576'",
                String.class)).isEqualTo("KI6");

        ResponseEntity<String> leader = as("pl-1505").getForEntity("/waves", String.class);
        assertThat(leader.getBody()).contains("KI6").doesNotContain("Ny bølge");
        assertThat(as("pl-1505").getForEntity("/projects/new", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onThePageRagSetsAWavesCapacity() {
        ResponseEntity<String> page = as("ragmedlem").getForEntity("/waves", String.class);
        assertThat(page.getBody()).contains("<h2 id=\"capacity\">Kapasitet</h2>", "Sett kapasiteten");
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        String csrf = match(page.getBody(), "name=\"_csrf\" value=\"([^\"]+)\"");

        ResponseEntity<String> zero = form(cookie, csrf, "/waves/capacity", "code", "KI3", "municipalities", "0",
                "inhabitants", "");
        assertThat(zero.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(zero.getBody()).contains("Kapasiteten ble ikke endret:", "Kapasiteten må være minst 1");
        ResponseEntity<String> words = form(cookie, csrf, "/waves/capacity", "code", "KI3", "municipalities", "fire",
                "inhabitants", "");
        assertThat(words.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(words.getBody()).contains("Kommuner må være et helt tall, eller tomt for ingen grense.");
        assertThat(waves.require("KI3").getCapacityMunicipalities()).isNull();

        ResponseEntity<String> set = form(cookie, csrf, "/waves/capacity", "code", "KI3", "municipalities", "4",
                "inhabitants", "60000");
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);   // after the redirect
        assertThat(set.getBody()).contains("Kapasiteten for bølge KI3 er nå 4 kommuner, 60000 innbyggere.",
                "4 kommuner, 60000 innbyggere");
        assertThat(waves.require("KI3").getCapacityMunicipalities()).isEqualTo(4);
        assertThat(waves.require("KI3").getCapacityInhabitants()).isEqualTo(60000);

        ResponseEntity<String> removed = form(cookie, csrf, "/waves/capacity", "code", "KI3", "municipalities", "",
                "inhabitants", "");
        assertThat(removed.getBody()).contains("Kapasiteten for bølge KI3 er nå ingen grense.");
        assertThat(waves.require("KI3").getCapacityMunicipalities()).isNull();

        ResponseEntity<String> leader = as("pl-1505").getForEntity("/waves", String.class);
        assertThat(leader.getBody()).doesNotContain("Sett kapasiteten");
    }

    private ResponseEntity<String> form(String cookie, String csrf, String path, String... fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie);
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("_csrf", csrf);
        for (int i = 0; i < fields.length; i += 2) {
            form.add(fields[i], fields[i + 1]);
        }
        return as("ragmedlem").exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private static String match(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
