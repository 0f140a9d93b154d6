package no.innforing.wave;

import static no.innforing.shared.Norwegian.date;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.innforing.shared.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The go-live waves as other features read and change them. Moving a wave's members along with it is the
 * project feature's use case ({@code WaveMove}); this service only changes the wave and keeps its history.
 */
@Service
@Transactional
public class WaveService {

    private final WaveRepository waves;
    private final WaveChangeRepository changes;

    WaveService(WaveRepository waves, WaveChangeRepository changes) {
        this.waves = waves;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public Optional<Wave> find(String code) {
        return waves.findById(code == null ? "" : code);
    }

    /** The wave, or a refusal (404) that names the code. */
    @Transactional(readOnly = true)
    public Wave require(String code) {
        return find(code).orElseThrow(() -> DomainException.notFound("Fant ingen bølge med kode «" + code + "»."));
    }

    /** Every wave in go-live order. */
    @Transactional(readOnly = true)
    public List<Wave> all() {
        return waves.findAllByOrderByGoLiveDateAscSequenceNoAsc();
    }

    @Transactional(readOnly = true)
    public long count() {
        return waves.count();
    }

    public Wave save(Wave wave) {
        return waves.save(wave);
    }

    /**
     * Sets the wave's go-live date and records who moved it, when, why and how many projects moved with it. The
     * caller has checked that its members can follow.
     */
    public WaveChange changeGoLive(Wave wave, LocalDate newGoLive, String reason, String actor, Instant at,
            int projectsMoved) {
        LocalDate oldGoLive = wave.getGoLiveDate();
        if (oldGoLive.equals(newGoLive)) {
            throw DomainException.conflict("Bølge " + wave.getCode() + " har allerede produksjonssetting "
                    + date(newGoLive) + ".");
        }
        wave.setGoLiveDate(newGoLive);
        waves.saveAndFlush(wave);
        return changes.save(new WaveChange(wave.getCode(), oldGoLive, newGoLive, reason, actor, at, projectsMoved));
    }

    @Transactional(readOnly = true)
    public List<WaveChange> history(String code) {
        return changes.findByWaveCodeOrderByChangedAtDesc(code);
    }
}
