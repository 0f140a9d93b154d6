package no.innforing.version;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page {@code /process-versions} (Prosessversjoner) for RAG: every deployed version with its projects, a dry
 * run of moving projects to a newer version, and the button that moves them. The forms call the same
 * {@link ProcessVersions} as the API, so the report and the refusals are the same.
 */
@Controller
class ProcessVersionPages {

    private final ProcessVersions versions;
    private final MunicipalityAccess access;

    ProcessVersionPages(ProcessVersions versions, MunicipalityAccess access) {
        this.versions = versions;
        this.access = access;
    }

    /** What the forms send: the process, the target version and, optionally, the one source version. */
    record MigrationForm(
            @NotBlank(message = "Velg en prosess.") String process,
            @NotBlank(message = "Velg versjonen prosjektene skal flyttes til.")
            @Pattern(regexp = "\\d{1,9}", message = "Versjonen må være et helt tall.") String targetVersion,
            @Pattern(regexp = "\\d{0,9}", message = "Fra-versjonen må være et helt tall.") String fromVersion) {
    }

    @GetMapping("/process-versions")
    String page(Model model) {
        access.requireRegional("se og flytte prosessversjoner");
        return page(model, null, List.of());
    }

    @PostMapping("/process-versions/dry-run")
    String dryRun(@Valid @ModelAttribute("form") MigrationForm form, BindingResult binding, Model model,
            HttpServletResponse response) {
        return run(form, binding, model, response, true);
    }

    @PostMapping("/process-versions/migration")
    String migrate(@Valid @ModelAttribute("form") MigrationForm form, BindingResult binding, Model model,
            HttpServletResponse response) {
        return run(form, binding, model, response, false);
    }

    private String run(MigrationForm form, BindingResult binding, Model model, HttpServletResponse response,
            boolean dryRun) {
        access.requireRegional("flytte prosjekter til en ny prosessversjon");
        if (binding.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return page(model, null, binding.getAllErrors().stream().map(e -> e.getDefaultMessage()).toList());
        }
        try {
            Integer from = form.fromVersion() == null || form.fromVersion().isBlank() ? null
                    : ProcessVersionController.versionNumber(form.fromVersion());
            MigrationReport report = versions.migrate(new ProcessVersions.MigrationRequest(form.process(),
                    ProcessVersionController.versionNumber(form.targetVersion()), from, dryRun));
            return page(model, report, List.of());
        } catch (DomainException refused) {
            response.setStatus(refused.status().value());
            return page(model, null, List.of(refused.getMessage()));
        }
    }

    private String page(Model model, MigrationReport report, List<String> errors) {
        List<ProcessVersions.Version> all = versions.versions();
        model.addAttribute("versions", all);
        model.addAttribute("processes", ProcessVersions.PROCESS_KEYS.stream()
                .map(key -> new Process(key, all.stream().filter(v -> v.processKey().equals(key)).toList()))
                .filter(p -> !p.versions().isEmpty()).toList());
        model.addAttribute("report", report);
        model.addAttribute("formErrors", errors);
        return "version/process-versions";
    }

    /** A process and its versions, newest first, for the forms. */
    record Process(String key, List<ProcessVersions.Version> versions) {
        public String name() {
            return versions.get(0).processName();
        }
    }
}
