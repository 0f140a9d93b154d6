package no.innforing.municipality;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import no.innforing.security.MunicipalityAccess;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page {@code /municipalities} (Kommuner): RAG sees every municipality and imports a CSV file; a project leader
 * sees their own. Each municipality's contacts (project leader, chief executive) are edited on
 * {@code /municipalities/{number}/contacts} by whoever may see it. The forms call the same services as the API.
 */
@Controller
class MunicipalityPages {

    private final MunicipalityService municipalities;
    private final MunicipalityImport imports;
    private final MunicipalityAccess access;

    MunicipalityPages(MunicipalityService municipalities, MunicipalityImport imports, MunicipalityAccess access) {
        this.municipalities = municipalities;
        this.imports = imports;
        this.access = access;
    }

    /** The contact form; an empty field removes the address (so the empty string is valid too). */
    record ContactsForm(
            @Email(regexp = "|.+@.+\\..+", message = "Prosjektlederens e-postadresse er ikke gyldig.")
            @Pattern(regexp = MunicipalityController.ASCII_LOCAL_PART,
                    message = "Prosjektlederens e-postadresse" + MunicipalityController.NON_ASCII)
            @Size(max = 254, message = "Prosjektlederens e-postadresse er lengre enn 254 tegn.")
            String projectLeaderEmail,
            @Email(regexp = "|.+@.+\\..+", message = "Kommunedirektørens e-postadresse er ikke gyldig.")
            @Pattern(regexp = MunicipalityController.ASCII_LOCAL_PART,
                    message = "Kommunedirektørens e-postadresse" + MunicipalityController.NON_ASCII)
            @Size(max = 254, message = "Kommunedirektørens e-postadresse er lengre enn 254 tegn.")
            String chiefExecutiveEmail) {
    }

    @GetMapping("/municipalities")
    String list(Model model) {
        return page(model, List.of());
    }

    @PostMapping("/municipalities/import")
    String importCsv(@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        access.requireRegional("importere kommuner");
        try {
            byte[] content = file == null ? new byte[0] : file.getBytes();
            MunicipalityImport.Report report = imports.importCsv(content);
            redirect.addFlashAttribute("message", report.message());
            return "redirect:/municipalities";
        } catch (MunicipalityImportRefused refused) {
            response.setStatus(refused.status().value());
            return page(model, refused.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/municipalities/{number}/contacts")
    String contacts(@PathVariable String number, Model model) {
        access.requireSee(number);
        Municipality municipality = municipalities.require(number);
        model.addAttribute("contacts", new ContactsForm(municipality.getProjectLeaderEmail(),
                municipality.getChiefExecutiveEmail()));
        return contactsPage(municipality, List.of(), model);
    }

    @PostMapping("/municipalities/{number}/contacts")
    String saveContacts(@PathVariable String number, @Valid @ModelAttribute("contacts") ContactsForm contacts,
            BindingResult form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        access.requireSee(number);
        Municipality municipality = municipalities.require(number);
        if (form.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return contactsPage(municipality, form.getAllErrors().stream()
                    .map(DefaultMessageSourceResolvable::getDefaultMessage).sorted().toList(), model);
        }
        municipalities.updateContacts(number, contacts.projectLeaderEmail(), contacts.chiefExecutiveEmail());
        redirect.addFlashAttribute("message", "Kontaktene for " + municipality.getName() + " er lagret.");
        return "redirect:/municipalities";
    }

    private String contactsPage(Municipality municipality, List<String> errors, Model model) {
        model.addAttribute("municipality", municipality);
        model.addAttribute("formErrors", errors);
        return "municipality/contacts";
    }

    private String page(Model model, List<String> importProblems) {
        Set<String> groups = MunicipalityAccess.currentGroups();
        boolean regional = MunicipalityAccess.isRegional(groups);
        List<Municipality> visible = municipalities.all().stream()
                .filter(m -> MunicipalityAccess.maySee(groups, m.getNumber())).toList();
        model.addAttribute("municipalities", visible);
        model.addAttribute("regional", regional);
        model.addAttribute("knownCounties", String.join(", ", imports.knownCounties()));
        model.addAttribute("importProblems", importProblems);
        return "municipality/municipalities";
    }
}
