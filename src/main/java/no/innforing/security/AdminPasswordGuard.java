package no.innforing.security;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo setting there is no user with a known password: the operator's administrator comes from
 * INNFORING_ADMIN_USER / INNFORING_ADMIN_PASSWORD, and a missing or weak password stops the start-up here, before
 * the engine creates any user.
 *
 * <p>Weak is what a strength estimator says it is: zxcvbn (zxcvbn4j) estimates how many guesses an attacker needs,
 * knowing common passwords, words, names, keyboard patterns, repeats, sequences and dates. The password must reach
 * score 4 of 4 (about 10^10 guesses or more) and have at least {@link #MIN_LENGTH} characters. zxcvbn's word lists
 * are English, so Norwegian words an operator is likely to pick, the product's names and the user name count as
 * known words too.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

    static final int MIN_LENGTH = 12;
    static final int MIN_SCORE = 4;

    /** Words zxcvbn's English lists lack but an attacker on a Norwegian installation would try first. */
    private static final List<String> LOCAL_WORDS = List.of("passord", "hemmelig", "velkommen", "innforing",
            "innføring", "camunda", "admin", "administrator", "demo", "sommer", "vinter", "høst", "våren", "trondheim",
            "kristiansund", "molde", "norge", "kommune", "helse", "journal", "rag", "drift");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demo = environment.getProperty("innforing.demo.enabled", Boolean.class, true);
        if (demo) {
            return;
        }
        String password;
        String user;
        try {
            password = environment.getProperty("camunda.bpm.admin-user.password", "");
            user = environment.getProperty("camunda.bpm.admin-user.id", "admin");
        } catch (IllegalArgumentException unresolved) {
            password = "";
            user = "admin";
        }
        String problem = weakness(password, user);
        if (problem != null) {
            throw new IllegalStateException("Innføring starter ikke: " + problem + " Sett miljøvariabelen "
                    + "INNFORING_ADMIN_PASSWORD til et sterkt passord (minst " + MIN_LENGTH + " tegn, for eksempel "
                    + "fire–fem tilfeldige ord eller en lang tilfeldig streng fra en passordhåndterer) for "
                    + "administratoren INNFORING_ADMIN_USER (standard: admin).");
        }
    }

    /** Why the password is too weak, in Norwegian, or null when it is strong enough. */
    static String weakness(String password, String user) {
        if (password == null || password.isBlank()) {
            return "administratorpassordet mangler.";
        }
        if (password.length() < MIN_LENGTH) {
            return "administratorpassordet er for svakt: det har " + password.length() + " tegn, minst " + MIN_LENGTH
                    + " kreves.";
        }
        List<String> known = new ArrayList<>(LOCAL_WORDS);
        if (user != null && !user.isBlank()) {
            known.add(user.toLowerCase());
        }
        Strength strength = new Zxcvbn().measure(password, known);
        if (strength.getScore() >= MIN_SCORE) {
            return null;
        }
        return "administratorpassordet er for svakt: " + String.join(", ", reasons(strength))
                + " (styrke " + strength.getScore() + " av 4 etter zxcvbn, " + MIN_SCORE + " kreves).";
    }

    /** What makes the password guessable, read from the patterns zxcvbn found in it. */
    private static List<String> reasons(Strength strength) {
        Set<String> reasons = new LinkedHashSet<>();
        for (Match match : strength.getSequence()) {
            Pattern pattern = match.pattern;
            String token = "«" + match.token + "»";
            if (pattern == Pattern.Repeat) {
                reasons.add("det er gjentakelser av det samme (" + token + ")");
            } else if (pattern == Pattern.Sequence) {
                reasons.add("det inneholder en enkel rekkefølge (" + token + ")");
            } else if (pattern == Pattern.Spatial) {
                reasons.add("det inneholder et tastaturmønster (" + token + ")");
            } else if (pattern == Pattern.Date || pattern == Pattern.Regex) {
                reasons.add("det inneholder en dato eller et årstall (" + token + ")");
            } else if (pattern == Pattern.Dictionary) {
                if ("passwords".equals(match.dictionaryName)) {
                    reasons.add("det bygger på et av de vanligste passordene (" + token + ")");
                } else if ("user_inputs".equals(match.dictionaryName)) {
                    reasons.add("det bygger på et ord som er lett å gjette her, som brukernavnet, produktnavnet "
                            + "eller et vanlig norsk ord (" + token + ")");
                } else {
                    reasons.add("det bygger på et vanlig ord eller navn (" + token + ")");
                }
            }
        }
        if (reasons.isEmpty()) {
            reasons.add("det er for kort eller for enkelt til å stå imot gjetting");
        }
        return new ArrayList<>(reasons);
    }
}
