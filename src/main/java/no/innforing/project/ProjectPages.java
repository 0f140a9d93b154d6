package no.innforing.project;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import no.innforing.municipality.MunicipalityService;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import no.innforing.wave.WaveService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page {@code /projects/new} (Registrer prosjekt): RAG registers a municipality's project in a wave, as
 * {@code POST /api/projects} does, through the same {@link ProjectService#register} and so with the same refusals,
 * shown next to the form.
 */
@Controller
class ProjectPages {

    private final ProjectService projects;
    private final MunicipalityService municipalities;
    private final WaveService waves;
    private final MunicipalityAccess access;

    ProjectPages(ProjectService projects, MunicipalityService municipalities, WaveService waves,
            MunicipalityAccess access) {
        this.projects = projects;
        this.municipalities = municipalities;
        this.waves = waves;
        this.access = access;
    }

    /** The registration form: which municipality, which wave, and whether it starts early (unticked: null). */
    record RegistrationForm(
            @NotBlank(message = "Velg en kommune.") String municipalityNumber,
            @NotBlank(message = "Velg en bølge.") String waveCode,
            Boolean earlyStart) {
    }

    @GetMapping("/projects/new")
    String form(Model model) {
        access.requireRegional("registrere innføringsprosjekter");
        model.addAttribute("registration", new RegistrationForm("", "", false));
        return page(model, List.of());
    }

    @PostMapping("/projects")
    String register(@Valid @ModelAttribute("registration") RegistrationForm registration, BindingResult form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        access.requireRegional("registrere innføringsprosjekter");
        if (form.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, form.getAllErrors().stream().map(error ->
                    error instanceof FieldError field && field.isBindingFailure()
                            ? "Feltet " + field.getField() + " har en ugyldig verdi." : error.getDefaultMessage())
                    .sorted().toList());
        }
        try {
            ImplementationProject project = projects.register(new ProjectService.Registration(
                    registration.municipalityNumber(), registration.waveCode(),
                    Boolean.TRUE.equals(registration.earlyStart()), null, null, null));
            redirect.addFlashAttribute("message", project.getMunicipality().getName() + " er registrert i bølge "
                    + project.getWave().getCode() + ".");
            return "redirect:/overview";
        } catch (DomainException refused) {
            response.setStatus(refused.status().value());
            return page(model, List.of(refused.getMessage()));
        }
    }

    private String page(Model model, List<String> errors) {
        model.addAttribute("municipalities", municipalities.all());
        model.addAttribute("waves", waves.all());
        model.addAttribute("formErrors", errors);
        return "project/new";
    }
}
