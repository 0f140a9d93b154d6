package no.innforing.municipality;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import no.innforing.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The region's municipalities as other features read and change them. */
@Service
@Transactional
public class MunicipalityService {

    private final MunicipalityRepository municipalities;

    MunicipalityService(MunicipalityRepository municipalities) {
        this.municipalities = municipalities;
    }

    @Transactional(readOnly = true)
    public Optional<Municipality> find(String number) {
        return municipalities.findById(number == null ? "" : number);
    }

    /** The municipality, or a refusal (404) that names the number. */
    @Transactional(readOnly = true)
    public Municipality require(String number) {
        return find(number).orElseThrow(() -> DomainException.notFound("Fant ingen kommune med nummer " + number + "."));
    }

    /**
     * The municipality with its row locked until the transaction ends, so that two nodes cannot register two open
     * projects for it at once; a refusal (404) when there is none.
     */
    public Municipality lock(String number) {
        return municipalities.lockByNumber(number)
                .orElseThrow(() -> DomainException.notFound("Fant ingen kommune med nummer " + number + "."));
    }

    @Transactional(readOnly = true)
    public List<Municipality> all() {
        return municipalities.findAllByOrderByNumber();
    }

    /** Adds or replaces municipalities (reference data). */
    public void saveAll(Collection<Municipality> region) {
        municipalities.saveAll(region);
    }

    /** Sets where notifications go; a blank address is no address. The caller has checked access and the format. */
    public Municipality updateContacts(String number, String projectLeaderEmail, String chiefExecutiveEmail) {
        Municipality municipality = require(number);
        municipality.setContacts(blankToNull(projectLeaderEmail), blankToNull(chiefExecutiveEmail));
        return municipalities.save(municipality);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Municipality save(Municipality municipality) {
        return municipalities.save(municipality);
    }
}
