package no.innforing.wave;

import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The waves and their history. Moving a wave is {@code PUT /api/waves/{code}}, a project use case. */
@RestController
@RequestMapping("/api/waves")
class WaveController {

    private final WaveService waves;

    WaveController(WaveService waves) {
        this.waves = waves;
    }

    @GetMapping("/{code}/changes")
    List<WaveChangeView> changes(@PathVariable String code) {
        return waves.history(code).stream().map(WaveChangeView::of).toList();
    }

    @GetMapping
    List<WaveView> list() {
        return waves.all().stream().map(WaveView::of).toList();
    }

    record WaveView(String code, String name, String hospitalTrust, LocalDate goLiveDate) {
        static WaveView of(Wave w) {
            return new WaveView(w.getCode(), w.getName(), w.getHospitalTrust(), w.getGoLiveDate());
        }
    }
}
