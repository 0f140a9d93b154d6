package no.innforing.notification;

import java.util.List;
import java.util.Set;
import no.innforing.security.MunicipalityAccess;
import no.innforing.shared.CurrentUser;
import no.innforing.shared.DomainException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The notification log as a page: RAG sees every entry, a project leader their municipality's, each with totals
 * per status. RAG sends a failed notification again from its page ({@code POST /notifications/{id}/resend}).
 */
@Controller
class NotificationPageController {

    private final NotificationService notifications;
    private final MunicipalityAccess access;
    private final CurrentUser currentUser;

    NotificationPageController(NotificationService notifications, MunicipalityAccess access, CurrentUser currentUser) {
        this.notifications = notifications;
        this.access = access;
        this.currentUser = currentUser;
    }

    @GetMapping("/notifications")
    String log(@RequestParam(required = false) String municipality, Model model) {
        Set<String> groups = MunicipalityAccess.currentGroups();
        List<Notification> entries;
        if (municipality != null && !municipality.isBlank()) {
            access.requireSee(municipality);
            entries = notifications.forMunicipality(municipality);
            model.addAttribute("totals", notifications.totals(municipality));
        } else {
            List<Notification> visible = notifications.all().stream().filter(n -> n.getMunicipalityNumber() == null
                    ? MunicipalityAccess.isRegional(groups)
                    : MunicipalityAccess.maySee(groups, n.getMunicipalityNumber())).toList();
            // RAG's totals come from the database; a project leader's from what they may see.
            model.addAttribute("totals", MunicipalityAccess.isRegional(groups) ? notifications.totals(null)
                    : NotificationService.count(visible));
            entries = visible.stream().limit(500).toList();
        }
        model.addAttribute("entries", entries);
        model.addAttribute("municipality", municipality == null ? "" : municipality);
        model.addAttribute("mayResend", MunicipalityAccess.isRegional(groups));
        return "notifications";
    }

    @GetMapping("/notifications/{id}")
    String entry(@PathVariable long id, @RequestParam(required = false) String sendt, Model model) {
        Notification entry = readable(id);
        model.addAttribute("entry", entry);
        model.addAttribute("mayResend", MunicipalityAccess.isRegional(MunicipalityAccess.currentGroups())
                && entry.getStatus().resendable());
        model.addAttribute("requeued", sendt != null);
        return "notification";
    }

    /** RAG's «Send på nytt»: back in the queue; the page says so. */
    @PostMapping("/notifications/{id}/resend")
    String resend(@PathVariable long id) {
        readable(id);
        access.requireRegional("sende varsler på nytt");
        notifications.resend(id, currentUser.id());
        return "redirect:/notifications/" + id + "?sendt";
    }

    private Notification readable(long id) {
        return notifications.readable(id);
    }
}
