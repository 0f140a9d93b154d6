package no.innforing.municipality;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/municipalities")
class MunicipalityController {

    private final MunicipalityService municipalities;
    private final MunicipalityImport imports;
    private final MunicipalityAccess access;

    MunicipalityController(MunicipalityService municipalities, MunicipalityImport imports,
            MunicipalityAccess access) {
        this.municipalities = municipalities;
        this.imports = imports;
        this.access = access;
    }

    @GetMapping
    List<MunicipalityView> list() {
        return municipalities.all().stream().map(MunicipalityView::of).toList();
    }

    /**
     * RAG or an administrator imports official population figures and new municipalities: a CSV file with the
     * columns number;name;county;population. All or nothing; a refusal lists every problem by line number.
     */
    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv"})
    MunicipalityImport.Report importCsv(@RequestBody(required = false) byte[] csv) {
        return imports.importCsv(csv);
    }

    /** The refused import's problems as a list too ({@code errors}), next to the detail that names them all. */
    @ExceptionHandler(MunicipalityImportRefused.class)
    ProblemDetail importRefused(MunicipalityImportRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle("Importen er avvist");
        problem.setProperty("errors", e.problems());
        return problem;
    }

    /**
     * Where notifications go: the project leader's and the municipal chief executive's addresses. Mail is sent
     * without SMTPUTF8, so the part before @ must be ASCII (æ, ø, å in the domain are fine: it is sent as IDNA).
     */
    record Contacts(
            @Email(regexp = ".+@.+\\..+", message = "projectLeaderEmail er ikke en gyldig e-postadresse")
            @Pattern(regexp = ASCII_LOCAL_PART, message = "projectLeaderEmail" + NON_ASCII)
            @Size(max = 254, message = "projectLeaderEmail er lengre enn 254 tegn")
            String projectLeaderEmail,
            @Email(regexp = ".+@.+\\..+", message = "chiefExecutiveEmail er ikke en gyldig e-postadresse")
            @Pattern(regexp = ASCII_LOCAL_PART, message = "chiefExecutiveEmail" + NON_ASCII)
            @Size(max = 254, message = "chiefExecutiveEmail er lengre enn 254 tegn")
            String chiefExecutiveEmail) {
    }

    /** Printable ASCII without spaces before the @ (an address without @ is left to {@code @Email}). */
    static final String ASCII_LOCAL_PART = "[^@]*|\\s*[!-~&&[^@]]+@.*";
    static final String NON_ASCII = " kan ikke ha æ, ø, å eller andre tegn utenfor a–z, 0–9 og vanlige tegn før @:"
            + " e-post til en slik adresse kommer ikke fram. Bruk en adresse uten slike tegn.";

    @GetMapping("/{number}/contacts")
    Contacts contacts(@PathVariable String number) {
        access.requireSee(number);
        Municipality municipality = municipalities.require(number);
        return new Contacts(municipality.getProjectLeaderEmail(), municipality.getChiefExecutiveEmail());
    }

    @PutMapping("/{number}/contacts")
    Contacts updateContacts(@PathVariable String number, @Valid @RequestBody Contacts contacts) {
        access.requireSee(number);
        Municipality municipality = municipalities.updateContacts(number, contacts.projectLeaderEmail(),
                contacts.chiefExecutiveEmail());
        return new Contacts(municipality.getProjectLeaderEmail(), municipality.getChiefExecutiveEmail());
    }

    record MunicipalityView(String number, String name, String county, int population) {
        static MunicipalityView of(Municipality m) {
            return new MunicipalityView(m.getNumber(), m.getName(), m.getCounty(), m.getPopulation());
        }
    }
}
