package no.innforing.wave;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import no.innforing.project.DomainException;
import no.innforing.security.MunicipalityAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/waves")
class WaveController {

    private final WaveRepository waves;
    private final WaveService service;
    private final MunicipalityAccess access;

    WaveController(WaveRepository waves, WaveService service, MunicipalityAccess access) {
        this.waves = waves;
        this.service = service;
        this.access = access;
    }

    record MoveRequest(LocalDate goLiveDate, String reason) {
    }

    record ChangeView(String waveCode, LocalDate oldGoLive, LocalDate newGoLive, String reason, String actor,
            Instant changedAt, int projectsMoved) {
        static ChangeView of(WaveChange c) {
            return new ChangeView(c.getWaveCode(), c.getOldGoLive(), c.getNewGoLive(), c.getReason(), c.getActor(),
                    c.getChangedAt(), c.getProjectsMoved());
        }
    }

    /** RAG moves the wave's go-live date; every active member follows. */
    @PutMapping("/{code}")
    ChangeView move(@PathVariable String code, @RequestBody MoveRequest request) {
        access.requireRegional("flytte bølger");
        if (request == null) {
            throw DomainException.invalid("Send {\"goLiveDate\":\"ÅÅÅÅ-MM-DD\",\"reason\":\"...\"}.");
        }
        return ChangeView.of(service.moveGoLive(code, request.goLiveDate(), request.reason()));
    }

    @GetMapping("/{code}/changes")
    List<ChangeView> changes(@PathVariable String code) {
        return service.history(code).stream().map(ChangeView::of).toList();
    }

    @GetMapping
    List<WaveView> list() {
        return waves.findAllByOrderByGoLiveDateAscSequenceNoAsc().stream().map(WaveView::of).toList();
    }

    record WaveView(String code, String name, String hospitalTrust, LocalDate goLiveDate) {
        static WaveView of(Wave w) {
            return new WaveView(w.getCode(), w.getName(), w.getHospitalTrust(), w.getGoLiveDate());
        }
    }
}
