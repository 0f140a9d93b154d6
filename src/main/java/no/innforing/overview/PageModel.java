package no.innforing.overview;

import java.security.Principal;
import no.innforing.security.MunicipalityAccess;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;

/** What every page of the app shows in its header: who is logged in, and the menu items that are theirs. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    @ModelAttribute("userName")
    String userName(Principal principal) {
        return principal == null ? "" : principal.getName();
    }

    /** RAG and administrators: the menu shows them what only they may open (the process versions). */
    @ModelAttribute("regional")
    boolean regional(Principal principal) {
        return principal != null && MunicipalityAccess.isRegional(MunicipalityAccess.currentGroups());
    }
}
