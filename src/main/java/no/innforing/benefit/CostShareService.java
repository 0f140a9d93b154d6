package no.innforing.benefit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.innforing.project.ImplementationProject;
import no.innforing.project.ProjectSchedule;
import no.innforing.project.ProjectService;
import no.innforing.project.ProjectState;
import no.innforing.shared.CurrentUser;
import no.innforing.shared.DomainException;
import no.innforing.wave.WaveService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each participating municipality's share of the region's or a wave's total cost, by population. Computed on
 * every read from the projects as they are now, so a join, a move to another wave or a withdrawal shows at once.
 */
@Service
@Transactional
public class CostShareService {

    public static final String REGION = "REGION";

    /** The municipalities that pay: their project runs, or ran to the end. A withdrawn or ended one does not. */
    static final Set<ProjectState> PARTICIPATING = ProjectState.COST_SHARING;

    private final CostTotalRepository totals;
    private final ProjectService projects;
    private final WaveService waves;
    private final CurrentUser currentUser;

    CostShareService(CostTotalRepository totals, ProjectService projects, WaveService waves,
            CurrentUser currentUser) {
        this.totals = totals;
        this.projects = projects;
        this.waves = waves;
        this.currentUser = currentUser;
    }

    /** The shares of a scope; empty total when RAG has not set one. */
    public record CostShareView(String scope, Long totalNok, String setBy, Instant setAt, long population,
            List<CostShares.Share> shares) {
    }

    @Transactional(readOnly = true)
    public CostShareView shares(String scope) {
        String checked = checkedScope(scope);
        Optional<CostTotal> total = totals.findById(checked);
        List<CostShares.Participant> participants = participants(checked);
        long population = participants.stream().mapToLong(CostShares.Participant::population).sum();
        List<CostShares.Share> shares = CostShares.split(total.map(CostTotal::getAmountNok).orElse(0L), participants);
        return new CostShareView(checked, total.map(CostTotal::getAmountNok).orElse(null),
                total.map(CostTotal::getSetBy).orElse(null), total.map(CostTotal::getSetAt).orElse(null), population,
                total.isPresent() ? shares : List.of());
    }

    /** The municipality's share in a scope, if it participates and a total is set. */
    @Transactional(readOnly = true)
    public Optional<CostShares.Share> shareOf(String scope, String municipalityNumber) {
        return shares(scope).shares().stream().filter(s -> s.municipalityNumber().equals(municipalityNumber))
                .findFirst();
    }

    public CostTotal setTotal(String scope, BigDecimal amountNok) {
        String checked = checkedScope(scope);
        if (amountNok == null) {
            throw DomainException.invalid("amountNok (beløp i hele kroner) må fylles ut.");
        }
        if (amountNok.signum() < 0) {
            throw DomainException.invalid("Beløpet kan ikke være negativt (" + amountNok.toPlainString() + ").");
        }
        if (amountNok.stripTrailingZeros().scale() > 0) {
            throw DomainException.invalid("Beløpet må være i hele kroner, ikke " + amountNok.toPlainString() + ".");
        }
        if (amountNok.compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) > 0) {
            throw DomainException.invalid("Beløpet " + amountNok.toPlainString() + " er urimelig stort.");
        }
        CostTotal total = totals.findById(checked).orElseGet(() -> new CostTotal(checked));
        total.set(amountNok.longValueExact(), ProjectSchedule.now(), currentUser.id());
        return totals.save(total);
    }

    /** REGION or a known wave code. */
    String checkedScope(String scope) {
        if (scope == null || scope.isBlank()) {
            throw DomainException.invalid("Oppgi scope: REGION eller en bølgekode, for eksempel KI3.");
        }
        String trimmed = scope.trim();
        if (REGION.equalsIgnoreCase(trimmed)) {
            return REGION;
        }
        return waves.find(trimmed).map(w -> w.getCode()).orElseThrow(() -> DomainException.notFound(
                "Fant ingen bølge med kode «" + trimmed + "»; scope er REGION eller en bølgekode."));
    }

    private List<CostShares.Participant> participants(String scope) {
        Map<String, CostShares.Participant> byMunicipality = new LinkedHashMap<>();
        for (ImplementationProject project : projects.inStates(PARTICIPATING)) {
            if (!REGION.equals(scope) && !project.getWave().getCode().equals(scope)) {
                continue;
            }
            var municipality = project.getMunicipality();
            byMunicipality.putIfAbsent(municipality.getNumber(), new CostShares.Participant(municipality.getNumber(),
                    municipality.getName(), municipality.getPopulation()));
        }
        return List.copyOf(byMunicipality.values());
    }
}
