package no.innforing.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses, before any controller runs, a query, form or path value of the app's API and pages that carries a
 * control character (NUL and friends): a 400 with the parameter named, as problem+json on the API and a Norwegian
 * page on the pages, instead of a database error.
 */
@Configuration
class ParameterGuard implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            check(parameter.getKey(), parameter.getKey());
            for (String value : parameter.getValue()) {
                check(parameter.getKey(), value);
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> path) {
            path.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
        }
        return true;
    }

    private static void check(String name, String value) {
        if (Input.hasControlCharacter(value) || value.length() > Input.MAX_TEXT) {
            throw DomainException.invalid("«" + (Input.hasControlCharacter(name) ? "parameter" : name)
                    + "» har en ugyldig verdi: et kontrolltegn (som NUL) eller mer enn " + Input.MAX_TEXT + " tegn.");
        }
    }
}
