package no.innforing.wave;

import static no.innforing.shared.Norwegian.date;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.innforing.shared.DomainException;
import no.innforing.shared.Input;
import no.innforing.shared.Norwegian;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    /**
     * Creates a wave RAG planned. Refused: a code that is not letters and digits (400), a go-live date before today
     * (400), a code already in use, in any letter case (409). Demo waves are demo data and never created here.
     */
    public Wave create(NewWave wave) {
        String code = wave.code() == null ? "" : wave.code().trim();
        if (!code.matches("[A-Za-z0-9]{1,10}")) {
            throw DomainException.invalid("Koden «" + code + "» kan bare ha bokstavene A–Z og sifre, høyst 10 tegn, "
                    + "for eksempel KI6.");
        }
        if (wave.name() == null || wave.name().isBlank() || wave.name().trim().length() > 100) {
            throw DomainException.invalid("Bølgen må ha et navn på høyst 100 tegn.");
        }
        String hospitalTrust = wave.hospitalTrust() == null || wave.hospitalTrust().isBlank() ? null
                : wave.hospitalTrust().trim();
        if (hospitalTrust != null && hospitalTrust.length() > 100) {
            throw DomainException.invalid("Helseforetaket kan ha høyst 100 tegn.");
        }
        if (wave.goLiveDate() == null) {
            throw DomainException.invalid("Datoen for produksjonssetting mangler.");
        }
        LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Norwegian.ZONE);
        if (wave.goLiveDate().isBefore(today)) {
            throw DomainException.invalid("Produksjonssettingen " + date(wave.goLiveDate()) + " er i fortiden; "
                    + "velg i dag (" + date(today) + ") eller senere.");
        }
        Input.plannedDate(wave.goLiveDate(), "goLiveDate", today);
        waves.findAll().stream().filter(w -> w.getCode().equalsIgnoreCase(code)).findFirst().ifPresent(w -> {
            throw DomainException.conflict("Det finnes allerede en bølge med koden «" + w.getCode() + "» ("
                    + w.getName() + ").");
        });
        int sequence = waves.findAll().stream().mapToInt(Wave::getSequenceNo).max().orElse(0) + 1;
        return waves.save(new Wave(code, wave.name().trim(), hospitalTrust, wave.goLiveDate(), sequence));
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

    /**
     * Sets how many municipalities (and optionally inhabitants) the wave can take; null removes a limit. A limit
     * below today's use is allowed: it only refuses further moves into the wave.
     */
    public Wave setCapacity(String code, Integer municipalities, Integer inhabitants) {
        Wave wave = require(code);
        if ((municipalities != null && municipalities < 1) || (inhabitants != null && inhabitants < 1)) {
            throw DomainException.invalid("Kapasiteten må være minst 1 (kommuner og innbyggere), eller tom for "
                    + "ingen grense.");
        }
        wave.setCapacity(municipalities, inhabitants);
        return waves.save(wave);
    }

    @Transactional(readOnly = true)
    public List<WaveChange> history(String code) {
        return changes.findByWaveCodeOrderByChangedAtDesc(code);
    }
}
