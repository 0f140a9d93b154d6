package no.innforing.security;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What a login through the identity provider that gives no access shows: a Norwegian page with the reason (no
 * municipality group and not RAG, or a user name that belongs to a local user), status 403. No session is created
 * for such a login.
 */
@Controller
class LoginRefusalPage {

    @GetMapping(SsoConfiguration.REFUSAL_PAGE)
    String refused(HttpSession session, Model model, HttpServletResponse response) {
        Object reason = session == null ? null : session.getAttribute(SsoConfiguration.REFUSAL_ATTRIBUTE);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("title", "Ingen tilgang");
        model.addAttribute("detail", reason != null ? reason.toString()
                : "Innloggingen gir ingen tilgang til Innføring.");
        return "login-refused";
    }
}
