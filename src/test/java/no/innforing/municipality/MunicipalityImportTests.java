package no.innforing.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.innforing.IntegrationTest;
import no.innforing.benefit.CostShareService;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectService.Registration;
import no.innforing.security.MunicipalityAccess;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The CSV import of municipalities and population figures, and the contacts page, over HTTP. */
class MunicipalityImportTests extends IntegrationTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Autowired
    TestRestTemplate http;
    @Autowired
    ProjectService projects;
    @Autowired
    CostShareService costShares;
    @Autowired
    IdentityService identityService;

    @BeforeEach
    void users() {
        user("ragmedlem", "ragmedlem-passord", MunicipalityAccess.RAG_GROUP);
        user("pl-1505", "pl-1505-passord", MunicipalityAccess.projectLeaderGroup("1505"));
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user + "-passord");
    }

    private ResponseEntity<Map> importCsv(TestRestTemplate client, byte[] csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        return client.exchange("/api/municipalities/import", HttpMethod.POST, new HttpEntity<>(csv, headers),
                Map.class);
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + body.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(body, 0, all, BOM.length, body.length);
        return all;
    }

    private int population(String number) {
        return jdbc.queryForObject("select population from municipality where number = ?", Integer.class, number);
    }

    @Test
    void ragImportsNewFiguresAndANewMunicipalityAndTheCostSharesFollow() {
        projects.register(Registration.of("1505", "KI3"));
        projects.register(Registration.of("1576", "KI3"));
        costShares.setTotal("REGION", new BigDecimal("1000000"));
        Map<String, Object> before = as("ragmedlem").getForObject("/api/cost-shares?scope=REGION", Map.class);
        assertThat(amounts(before)).containsEntry("1505", 872727).containsEntry("1576", 127273);

        // Excel in Norway: semicolons, a byte order mark, Windows line ends, a thousands space
        ResponseEntity<Map> imported = importCsv(as("ragmedlem"), withBom("""
                number;name;county;population\r
                1505;Kristiansund;Møre og Romsdal;24 500\r
                1576;Aure;Møre og Romsdal;24500\r
                1507;Ålesund;Møre og Romsdal;67000\r
                """));

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).containsEntry("read", 3).containsEntry("unchanged", 0)
                .containsEntry("added", List.of("1507 Ålesund"))
                .containsEntry("updated", List.of("1505 Kristiansund", "1576 Aure"))
                .containsEntry("message", "Importert: 3 kommuner lest, 1 ny, 2 endret, 0 uendret.");
        assertThat(population("1505")).isEqualTo(24500);
        assertThat(population("1507")).isEqualTo(67000);
        assertThat(population("5001")).isEqualTo(214000);   // not in the file: left as it is
        assertThat(jdbc.queryForObject("select project_leader_email from municipality where number = '1505'",
                String.class)).isEqualTo("prosjektleder@k1505.example");   // contacts are kept
        assertThat(identityService.createGroupQuery().groupId("municipality-1507").count()).isOne();
        assertThat(identityService.createTenantQuery().tenantId("1507").groupMember("municipality-1507").count())
                .isOne();

        Map<String, Object> after = as("ragmedlem").getForObject("/api/cost-shares?scope=REGION", Map.class);
        assertThat(amounts(after)).containsEntry("1505", 500000).containsEntry("1576", 500000);

        // commas and no byte order mark work too
        ResponseEntity<Map> commas = importCsv(as("ragmedlem"),
                "number,name,county,population\n1576,Aure,Møre og Romsdal,3400\n".getBytes(StandardCharsets.UTF_8));
        assertThat(commas.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(commas.getBody()).containsEntry("message", "Importert: 1 kommune lest, 0 nye, 1 endret, 0 uendret.");
        assertThat(population("1576")).isEqualTo(3400);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> amounts(Map<String, Object> view) {
        return ((List<Map<String, Object>>) view.get("shares")).stream().collect(java.util.stream.Collectors.toMap(
                s -> (String) s.get("municipalityNumber"), s -> ((Number) s.get("amountNok")).intValue()));
    }

    @Test
    void aFileWithProblemsIsRefusedAsAWholeWithEveryProblemByLine() {
        ResponseEntity<Map> refused = importCsv(as("ragmedlem"), withBom("""
                number;name;county;population
                1505;Kristiansund;Møre og Romsdal;25000
                1804;Bodø;Nordland;52000
                1505;Kristiansund;Møre og Romsdal;25100
                576;Aure;Møre og Romsdal;3500
                5001;Trondheim;Trøndelag;-5
                5006;Steinkjer;Trøndelag;24300,5
                """));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody().get("errors")).isEqualTo(List.of(
                "Linje 3: ukjent fylke «Nordland». Kjente fylker: Møre og Romsdal, Trøndelag.",
                "Linje 4: kommunenummer 1505 står også på linje 2.",
                "Linje 5: kommunenummeret «576» har ikke fire sifre.",
                "Linje 6: innbyggertallet «-5» er ikke et helt tall som er 0 eller større.",
                "Linje 7: innbyggertallet «24300,5» er ikke et helt tall som er 0 eller større."));
        assertThat((String) refused.getBody().get("detail"))
                .startsWith("Importen er avvist, og ingenting er endret. Filen har 5 feil: Linje 3: ukjent fylke");
        assertThat(population("1505")).isEqualTo(24000);
        assertThat(jdbc.queryForObject("select count(*) from municipality", Integer.class)).isEqualTo(3);

        ResponseEntity<Map> header = importCsv(as("ragmedlem"), "kommune;fylke\nAure;Møre og Romsdal\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(header.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(header.getBody().get("errors")).isEqualTo(List.of("Linje 1: overskriften mangler kolonnene "
                + "number, population. Første linje skal være number;name;county;population (skilt med ; eller ,)."));

        ResponseEntity<Map> latin1 = importCsv(as("ragmedlem"), "number;name;county;population\n1576;Aure;Møre og Romsdal;1\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(latin1.getBody()).containsEntry("errors",
                List.of("Filen er ikke UTF-8. Lagre den som «CSV UTF-8» og prøv igjen."));
        assertThat(population("1576")).isEqualTo(3500);
    }

    @Test
    void aProjectLeaderCannotImport() {
        ResponseEntity<Map> denied = importCsv(as("pl-1505"),
                "number;name;county;population\n1505;Kristiansund;Møre og Romsdal;1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(denied.getBody()).containsEntry("detail", "Bare RAG og administratorer kan importere kommuner.");
        assertThat(population("1505")).isEqualTo(24000);
    }

    @Test
    void theImportPageShowsTheReportOrEveryProblem() {
        Session rag = session("ragmedlem", "/municipalities");
        assertThat(rag.page()).contains("Importer kommuner og innbyggertall", "Kristiansund", "24 000");

        ResponseEntity<String> refused = rag.upload("number;name;county;population\n1505;Kristiansund;Nordland;1\n");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("1 feil; importen er avvist, og ingenting er endret:",
                "Linje 2: ukjent fylke «Nordland». Kjente fylker: Møre og Romsdal, Trøndelag.");
        assertThat(population("1505")).isEqualTo(24000);

        ResponseEntity<String> done = rag.upload("number;name;county;population\n1505;Kristiansund;Møre og Romsdal;24200\n");
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);   // after the redirect
        assertThat(done.getBody()).contains("Importert: 1 kommune lest, 0 nye, 1 endret, 0 uendret.", "24 200");
        assertThat(population("1505")).isEqualTo(24200);

        ResponseEntity<String> leader = as("pl-1505").getForEntity("/municipalities", String.class);
        assertThat(leader.getBody()).contains("Kristiansund").doesNotContain("Trondheim", "Importer kommuner");
    }

    @Test
    void aProjectLeaderEditsTheirOwnContactsOnThePage() {
        Session leader = session("pl-1505", "/municipalities/1505/contacts");
        assertThat(leader.page()).contains("Kontakter for Kristiansund", "prosjektleder@k1505.example");

        ResponseEntity<String> invalid = leader.post("/municipalities/1505/contacts",
                "projectLeaderEmail", "ikke-en-adresse", "chiefExecutiveEmail", "direktor@kristiansund.kommune.no");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody()).contains("Prosjektlederens e-postadresse er ikke gyldig.", "ikke-en-adresse");
        // The API's rule too: mail is sent without SMTPUTF8, so a mail to Ærø@… would never arrive.
        assertContactsRefused(leader, "1505", "Ærø@k1505.example", HttpStatus.BAD_REQUEST,
                "Prosjektlederens e-postadresse kan ikke ha æ, ø, å");

        ResponseEntity<String> saved = leader.post("/municipalities/1505/contacts",
                "projectLeaderEmail", "pl@kristiansund.kommune.no", "chiefExecutiveEmail", "");
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(saved.getBody()).contains("Kontaktene for Kristiansund er lagret.");
        assertThat(as("pl-1505").getForObject("/api/municipalities/1505/contacts", Map.class))
                .containsEntry("projectLeaderEmail", "pl@kristiansund.kommune.no")
                .containsEntry("chiefExecutiveEmail", null);

        assertContactsRefused(leader, "1576", "x@aure.example", HttpStatus.FORBIDDEN,
                "Du har ikke tilgang til kommune 1576.");
    }

    /** The contacts page refuses the project leader's address, says why, and the demo address stays stored. */
    private void assertContactsRefused(Session leader, String number, String address, HttpStatus status,
            String message) {
        ResponseEntity<String> refused = leader.post("/municipalities/" + number + "/contacts",
                "projectLeaderEmail", address, "chiefExecutiveEmail", "");
        assertThat(refused.getStatusCode()).isEqualTo(status);
        assertThat(refused.getBody()).contains(message);
        assertThat(jdbc.queryForObject("select project_leader_email from municipality where number = ?",
                String.class, number)).isEqualTo("prosjektleder@k" + number + ".example");
    }

    private record Session(TestRestTemplate http, String cookie, String csrf, String page) {

        private HttpHeaders headers(MediaType type) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(type);
            headers.add(HttpHeaders.COOKIE, cookie.split(";")[0]);
            return headers;
        }

        ResponseEntity<String> post(String path, String... fields) {
            MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
            form.add("_csrf", csrf);
            for (int i = 0; i < fields.length; i += 2) {
                form.add(fields[i], fields[i + 1]);
            }
            return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form,
                    headers(MediaType.APPLICATION_FORM_URLENCODED)), String.class);
        }

        ResponseEntity<String> upload(String csv) {
            MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("_csrf", csrf);
            form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "kommuner.csv";
                }
            });
            return http.exchange("/municipalities/import", HttpMethod.POST,
                    new HttpEntity<>(form, headers(MediaType.MULTIPART_FORM_DATA)), String.class);
        }
    }

    private Session session(String user, String path) {
        ResponseEntity<String> page = as(user).getForEntity(path, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(csrf.find()).isTrue();
        return new Session(as(user), page.getHeaders().getFirst(HttpHeaders.SET_COOKIE), csrf.group(1),
                page.getBody());
    }
}
