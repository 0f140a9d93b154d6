package no.innforing.notification;

import java.util.List;
import java.util.Set;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The notification log as a page: RAG sees every entry, a project leader their municipality's. */
@Controller
class NotificationPageController {

    private final NotificationService notifications;
    private final MunicipalityAccess access;

    NotificationPageController(NotificationService notifications, MunicipalityAccess access) {
        this.notifications = notifications;
        this.access = access;
    }

    @GetMapping("/notifications")
    String log(@RequestParam(required = false) String municipality, Model model) {
        Set<String> groups = MunicipalityAccess.currentGroups();
        List<Notification> entries;
        if (municipality != null && !municipality.isBlank()) {
            access.requireSee(municipality);
            entries = notifications.forMunicipality(municipality);
        } else {
            entries = notifications.all().stream().filter(n -> n.getMunicipalityNumber() == null
                    ? MunicipalityAccess.isRegional(groups)
                    : MunicipalityAccess.maySee(groups, n.getMunicipalityNumber())).limit(500).toList();
        }
        model.addAttribute("entries", entries);
        model.addAttribute("municipality", municipality == null ? "" : municipality);
        return "notifications";
    }

    @GetMapping("/notifications/{id}")
    String entry(@PathVariable long id, Model model) {
        Notification entry = notifications.find(id)
                .orElseThrow(() -> DomainException.notFound("Fant ikke varsel " + id + "."));
        if (entry.getMunicipalityNumber() == null) {
            access.requireRegional("lese regionale varsler");
        } else {
            access.requireSee(entry.getMunicipalityNumber());
        }
        model.addAttribute("entry", entry);
        return "notification";
    }
}
