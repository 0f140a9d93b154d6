package no.innforing.municipality;

import java.util.List;
import java.util.stream.Collectors;
import no.innforing.shared.DomainException;

/** An import refused as a whole (400), with every problem by line number; nothing was changed. */
public class MunicipalityImportRefused extends DomainException {

    private final List<String> problems;

    MunicipalityImportRefused(List<MunicipalityCsv.Problem> problems) {
        super(Kind.INVALID, "Importen er avvist, og ingenting er endret. Filen har " + problems.size() + " feil: "
                + problems.stream().map(MunicipalityCsv.Problem::text).collect(Collectors.joining(" ")));
        this.problems = problems.stream().map(MunicipalityCsv.Problem::text).toList();
    }

    /** Each problem as a sentence that starts with its line ("Linje 3: ..."). */
    public List<String> problems() {
        return problems;
    }
}
