package no.innforing.overview;

import java.security.Principal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;

/** What every page of the app shows in its header: who is logged in. */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    @ModelAttribute("userName")
    String userName(Principal principal) {
        return principal == null ? "" : principal.getName();
    }
}
