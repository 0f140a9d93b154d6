package no.innforing.wave;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import no.innforing.shared.Norwegian;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page {@code /waves} (Bølger): every wave with its go-live date, and for RAG a form to create one. The form
 * binds to {@link NewWave} and calls {@link WaveService#create} like the API, so the rules and messages are the same;
 * a refusal is shown next to the form with the input kept, and nothing is stored.
 */
@Controller
class WavePages {

    private final WaveService waves;
    private final MunicipalityAccess access;

    WavePages(WaveService waves, MunicipalityAccess access) {
        this.waves = waves;
        this.access = access;
    }

    @GetMapping("/waves")
    String list(Model model) {
        return page(model);
    }

    @PostMapping("/waves")
    String create(@Valid @ModelAttribute("wave") NewWave wave, BindingResult form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        access.requireRegional("opprette bølger");
        if (form.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("formErrors", messages(form));
            return page(model);
        }
        try {
            Wave created = waves.create(wave);
            redirect.addFlashAttribute("message", "Bølge " + created.getCode() + " (" + created.getName()
                    + ") er opprettet med produksjonssetting " + Norwegian.date(created.getGoLiveDate()) + ".");
            return "redirect:/waves";
        } catch (DomainException refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("formErrors", List.of(refused.getMessage()));
            return page(model);
        }
    }

    /**
     * RAG sets a wave's capacity (municipalities and, optionally, inhabitants; an empty field means no limit) with the
     * same rule as {@code PUT /api/waves/{code}/capacity}; a refusal is shown above the form and nothing is changed.
     */
    @PostMapping("/waves/capacity")
    String capacity(@RequestParam String code, @RequestParam(required = false) String municipalities,
            @RequestParam(required = false) String inhabitants, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        access.requireRegional("sette kapasitet for bølger");
        try {
            Wave wave = waves.setCapacity(code, wholeNumber(municipalities, "Kommuner"),
                    wholeNumber(inhabitants, "Innbyggere"));
            redirect.addFlashAttribute("message", "Kapasiteten for bølge " + wave.getCode() + " er nå "
                    + capacityText(wave) + ".");
            return "redirect:/waves";
        } catch (DomainException refused) {
            response.setStatus(refused.status().value());
            model.addAttribute("capacityErrors", List.of(refused.getMessage()));
            return page(model);
        }
    }

    private static Integer wholeNumber(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw DomainException.invalid(field + " må være et helt tall, eller tomt for ingen grense.");
        }
    }

    static String capacityText(Wave wave) {
        Integer m = wave.getCapacityMunicipalities();
        Integer i = wave.getCapacityInhabitants();
        if (m == null && i == null) {
            return "ingen grense";
        }
        return (m == null ? "" : Norwegian.count(m, "kommune", "kommuner"))
                + (m != null && i != null ? ", " : "")
                + (i == null ? "" : Norwegian.count(i, "innbygger", "innbyggere"));
    }

    /** The form's problems in Norwegian; a value that could not be read at all (a date that is no date) too. */
    private static List<String> messages(BindingResult form) {
        return form.getAllErrors().stream().map(error -> error instanceof FieldError field && field.isBindingFailure()
                ? "Datoen for produksjonssetting må være en gyldig dato." : error.getDefaultMessage()).toList();
    }

    private String page(Model model) {
        if (!model.containsAttribute("wave")) {
            model.addAttribute("wave", new NewWave("", "", "", null));
        }
        if (!model.containsAttribute("formErrors")) {
            model.addAttribute("formErrors", List.of());
        }
        if (!model.containsAttribute("capacityErrors")) {
            model.addAttribute("capacityErrors", List.of());
        }
        model.addAttribute("waves", waves.all());
        model.addAttribute("regional", MunicipalityAccess.isRegional(MunicipalityAccess.currentGroups()));
        return "wave/waves";
    }
}
