package no.innforing.security;

import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo setting there is no user with a known password: the operator's administrator comes from
 * INNFORING_ADMIN_USER / INNFORING_ADMIN_PASSWORD, and a missing or weak password stops the start-up here, before
 * the engine creates any user.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

    static final int MIN_LENGTH = 12;
    private static final Set<String> WELL_KNOWN = Set.of("demo", "admin", "password", "passord", "camunda",
            "changeme", "123456789012", "administrator");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demo = environment.getProperty("innforing.demo.enabled", Boolean.class, true);
        if (demo) {
            return;
        }
        String password;
        try {
            password = environment.getProperty("camunda.bpm.admin-user.password", "");
        } catch (IllegalArgumentException unresolved) {
            password = "";
        }
        String problem = weakness(password);
        if (problem != null) {
            throw new IllegalStateException("Innføring starter ikke: " + problem + " Sett miljøvariabelen "
                    + "INNFORING_ADMIN_PASSWORD til et sterkt passord (minst " + MIN_LENGTH + " tegn) for "
                    + "administratoren INNFORING_ADMIN_USER (standard: admin).");
        }
    }

    static String weakness(String password) {
        if (password == null || password.isBlank()) {
            return "administratorpassordet mangler.";
        }
        if (password.length() < MIN_LENGTH || WELL_KNOWN.contains(password.toLowerCase())) {
            return "administratorpassordet er for svakt.";
        }
        return null;
    }
}
