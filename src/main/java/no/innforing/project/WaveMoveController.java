package no.innforing.project;

import java.time.LocalDate;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import no.innforing.wave.WaveChangeView;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** RAG moves a wave's go-live date; every active member follows ({@link WaveMove}). */
@RestController
class WaveMoveController {

    private final WaveMove waveMove;
    private final MunicipalityAccess access;

    WaveMoveController(WaveMove waveMove, MunicipalityAccess access) {
        this.waveMove = waveMove;
        this.access = access;
    }

    record MoveRequest(LocalDate goLiveDate, String reason) {
    }

    @PutMapping("/api/waves/{code}")
    WaveChangeView move(@PathVariable String code, @RequestBody MoveRequest request) {
        access.requireRegional("flytte bølger");
        if (request == null) {
            throw DomainException.invalid("Send {\"goLiveDate\":\"ÅÅÅÅ-MM-DD\",\"reason\":\"...\"}.");
        }
        return WaveChangeView.of(waveMove.moveGoLive(code, request.goLiveDate(), request.reason()));
    }
}
