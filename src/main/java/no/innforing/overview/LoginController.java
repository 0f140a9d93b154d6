package no.innforing.overview;

import no.innforing.security.SsoProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final SsoProperties sso;

    LoginController(SsoProperties sso) {
        this.sso = sso;
    }

    /**
     * The one login page of the app's pages and the Camunda webapps: the identity provider's button when single
     * sign-on is on, and the form for local users (in single sign-on mode: the administrator and other local users).
     */
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("sso", sso.enabled());
        model.addAttribute("ssoName", sso.displayName());
        model.addAttribute("ssoLogin", sso.loginPath());
        return "login";
    }

    /** The accessibility statement (tilgjengelighetserklæring): public, linked from the footer of every page. */
    @GetMapping("/tilgjengelighet")
    String accessibilityStatement() {
        return "accessibility";
    }
}
