package no.innforing.overview;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.innforing.wave.Wave;

/**
 * The options of a row's "Til bølge" list on the overview: every other wave, the ones whose service-agreement
 * deadline has passed disabled for a member that has not signed. Rows differ only by their wave and whether they
 * have signed, so each variant is written once per page instead of once per row (a thousand rows × the waves).
 */
final class MoveOptions {

    private final List<Wave> waves;
    private final LocalDate today;
    private final Map<String, String> written = new HashMap<>();

    MoveOptions(List<Wave> waves, LocalDate today) {
        this.waves = waves;
        this.today = today;
    }

    /** The {@code <option>} elements for a member of {@code waveCode}, starting with "Velg bølge". */
    public String html(String waveCode, boolean serviceAgreementSigned) {
        return written.computeIfAbsent(waveCode + (serviceAgreementSigned ? "/signed" : "/unsigned"), key -> {
            StringBuilder html = new StringBuilder("<option value=\"\" selected>Velg bølge</option>");
            for (Wave wave : waves) {
                if (wave.getCode().equals(waveCode)) {
                    continue;
                }
                boolean passed = !serviceAgreementSigned && wave.getGoLiveDate().minusMonths(13).isBefore(today);
                String code = Html.escape(wave.getCode());
                html.append("<option value=\"").append(code).append('"').append(passed ? " disabled" : "").append('>')
                        .append(code).append(passed ? " (fristen for tjenesteavtale er passert)" : "")
                        .append("</option>");
            }
            return html.toString();
        });
    }
}
