package no.innforing.municipality;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/municipalities")
class MunicipalityController {

    private final MunicipalityRepository municipalities;
    private final MunicipalityAccess access;

    MunicipalityController(MunicipalityRepository municipalities, MunicipalityAccess access) {
        this.municipalities = municipalities;
        this.access = access;
    }

    @GetMapping
    List<MunicipalityView> list() {
        return municipalities.findAllByOrderByNumber().stream().map(MunicipalityView::of).toList();
    }

    /**
     * Where notifications go: the project leader's and the municipal chief executive's addresses. Mail is sent
     * without SMTPUTF8, so the part before @ must be ASCII (æ, ø, å in the domain are fine: it is sent as IDNA).
     */
    record Contacts(
            @Email(regexp = ".+@.+\\..+", message = "projectLeaderEmail er ikke en gyldig e-postadresse")
            @Pattern(regexp = ASCII_LOCAL_PART, message = "projectLeaderEmail" + NON_ASCII)
            String projectLeaderEmail,
            @Email(regexp = ".+@.+\\..+", message = "chiefExecutiveEmail er ikke en gyldig e-postadresse")
            @Pattern(regexp = ASCII_LOCAL_PART, message = "chiefExecutiveEmail" + NON_ASCII)
            String chiefExecutiveEmail) {
    }

    /** Printable ASCII without spaces before the @ (an address without @ is left to {@code @Email}). */
    static final String ASCII_LOCAL_PART = "[^@]*|\\s*[!-~&&[^@]]+@.*";
    static final String NON_ASCII = " kan ikke ha æ, ø, å eller andre tegn utenfor a–z, 0–9 og vanlige tegn før @:"
            + " e-post til en slik adresse kommer ikke fram. Bruk en adresse uten slike tegn.";

    @GetMapping("/{number}/contacts")
    Contacts contacts(@PathVariable String number) {
        access.requireSee(number);
        Municipality municipality = find(number);
        return new Contacts(municipality.getProjectLeaderEmail(), municipality.getChiefExecutiveEmail());
    }

    @PutMapping("/{number}/contacts")
    @Transactional
    Contacts updateContacts(@PathVariable String number, @Valid @RequestBody Contacts contacts) {
        access.requireSee(number);
        Municipality municipality = find(number);
        municipality.setContacts(blankToNull(contacts.projectLeaderEmail()), blankToNull(contacts.chiefExecutiveEmail()));
        municipalities.save(municipality);
        return new Contacts(municipality.getProjectLeaderEmail(), municipality.getChiefExecutiveEmail());
    }

    private Municipality find(String number) {
        return municipalities.findById(number)
                .orElseThrow(() -> DomainException.notFound("Fant ingen kommune med nummer " + number + "."));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    record MunicipalityView(String number, String name, String county, int population) {
        static MunicipalityView of(Municipality m) {
            return new MunicipalityView(m.getNumber(), m.getName(), m.getCounty(), m.getPopulation());
        }
    }
}
