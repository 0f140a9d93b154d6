package no.innforing.project;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import no.innforing.wave.WaveChangeView;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    /** The recorded change, and under {@code move} what it did to each member (as the preview showed it). */
    record MovedView(@JsonUnwrapped WaveChangeView change, MovePlan move) {
    }

    @PutMapping("/api/waves/{code}")
    MovedView move(@PathVariable String code, @RequestBody MoveRequest request) {
        access.requireRegional("flytte bølger");
        if (request == null) {
            throw DomainException.invalid("Send {\"goLiveDate\":\"ÅÅÅÅ-MM-DD\",\"reason\":\"...\"}.");
        }
        WaveMove.Moved moved = waveMove.moveGoLive(code, request.goLiveDate(), request.reason());
        return new MovedView(WaveChangeView.of(moved.change()), moved.plan());
    }

    /** What moving the wave would do, member by member, without changing anything. */
    @PostMapping("/api/waves/{code}/preview")
    MovePlan preview(@PathVariable String code, @RequestBody MoveRequest request) {
        access.requireRegional("flytte bølger");
        if (request == null) {
            throw DomainException.invalid("Send {\"goLiveDate\":\"ÅÅÅÅ-MM-DD\",\"reason\":\"...\"}.");
        }
        return waveMove.preview(code, request.goLiveDate(), request.reason());
    }
}
