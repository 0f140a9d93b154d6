package no.innforing.overview;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** The accessibility statement (tilgjengelighetserklæring): public, linked from the footer of every page. */
    @GetMapping("/tilgjengelighet")
    String accessibilityStatement() {
        return "accessibility";
    }
}
