package no.innforing.wave;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/waves")
class WaveController {

    private final WaveRepository waves;

    WaveController(WaveRepository waves) {
        this.waves = waves;
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
