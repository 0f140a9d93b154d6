package no.innforing.wave;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import no.innforing.security.MunicipalityAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The waves and their history; RAG creates waves. Moving a wave is {@code PUT /api/waves/{code}}, a project use case. */
@RestController
@RequestMapping("/api/waves")
class WaveController {

    private final WaveService waves;
    private final MunicipalityAccess access;

    WaveController(WaveService waves, MunicipalityAccess access) {
        this.waves = waves;
        this.access = access;
    }

    /** RAG creates a wave: 201 with the wave; 400 bad code, name or date in the past; 409 the code is taken. */
    @PostMapping
    ResponseEntity<WaveView> create(@Valid @RequestBody NewWave wave) {
        access.requireRegional("opprette bølger");
        Wave created = waves.create(wave);
        return ResponseEntity.created(URI.create("/api/waves/" + created.getCode())).body(WaveView.of(created));
    }

    record CapacityRequest(Integer municipalities, Integer inhabitants) {
    }

    /** RAG sets how many municipalities (and optionally inhabitants) the wave can take; null removes a limit. */
    @PutMapping("/{code}/capacity")
    WaveView capacity(@PathVariable String code, @RequestBody CapacityRequest request) {
        access.requireRegional("sette kapasitet for bølger");
        if (request == null) {
            throw no.innforing.shared.DomainException.invalid("Send {\"municipalities\":4,\"inhabitants\":null}.");
        }
        return WaveView.of(waves.setCapacity(code, request.municipalities(), request.inhabitants()));
    }

    @GetMapping("/{code}/changes")
    List<WaveChangeView> changes(@PathVariable String code) {
        return waves.history(code).stream().map(WaveChangeView::of).toList();
    }

    @GetMapping
    List<WaveView> list() {
        return waves.all().stream().map(WaveView::of).toList();
    }

    record WaveView(String code, String name, String hospitalTrust, LocalDate goLiveDate,
            Integer capacityMunicipalities, Integer capacityInhabitants) {
        static WaveView of(Wave w) {
            return new WaveView(w.getCode(), w.getName(), w.getHospitalTrust(), w.getGoLiveDate(),
                    w.getCapacityMunicipalities(), w.getCapacityInhabitants());
        }
    }
}
