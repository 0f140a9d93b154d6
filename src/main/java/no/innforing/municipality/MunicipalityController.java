package no.innforing.municipality;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/municipalities")
class MunicipalityController {

    private final MunicipalityRepository municipalities;

    MunicipalityController(MunicipalityRepository municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping
    List<MunicipalityView> list() {
        return municipalities.findAllByOrderByNumber().stream().map(MunicipalityView::of).toList();
    }

    record MunicipalityView(String number, String name, String county, int population) {
        static MunicipalityView of(Municipality m) {
            return new MunicipalityView(m.getNumber(), m.getName(), m.getCounty(), m.getPopulation());
        }
    }
}
