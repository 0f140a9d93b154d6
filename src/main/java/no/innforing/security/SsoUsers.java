package no.innforing.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * Who a token's holder is in the platform, and their user in the engine.
 *
 * <p>The engine and its webapps know a user by an entry in their identity store: Tasklist and Cockpit look the user
 * up when a session starts and re-read its groups and tenants every few minutes, and notifications go to the
 * e-mail addresses of a group's members. So at every browser login through the provider the user is written there
 * (just in time): the user id from the token, names and e-mail from its claims, no usable password (a random one
 * nobody knows: a token user cannot log in with a password), and memberships set to exactly the groups the token
 * maps to. Tenants follow from the groups, as for local users: each municipality's tenant has the group
 * {@code municipality-<number>} and {@code rag} as members.
 *
 * <p>A token user is bound to the provider's subject ({@code iss} and {@code sub}, kept as the user's info
 * {@value #SUBJECT_KEY}): a token whose user id is a local user's (an administrator, a demo user) or another
 * subject's is refused, so nobody takes over someone else's user and rights by naming themselves after them.
 */
class SsoUsers {

    /** The user info key that binds a token user to the provider's subject. */
    static final String SUBJECT_KEY = "innforing.oidc.subject";

    /** Letters and digits, with single {@code - . _ @} between them: user ids such as e-mail addresses. */
    static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9]+([-._@][a-zA-Z0-9]+)*");

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token's holder: their user id, the platform groups that exist, and a Norwegian refusal or null. */
    record Identity(String userId, Set<String> groups, String refusal) {
        boolean refused() {
            return refusal != null;
        }
    }

    private final IdentityService identityService;
    private final SsoClaims claims;
    private final String providerName;

    SsoUsers(IdentityService identityService, SsoProperties properties) {
        this.identityService = identityService;
        this.claims = new SsoClaims(properties);
        this.providerName = properties.displayName();
    }

    /** Reads the token's holder from its claims, and refuses what gives no access or names someone else. */
    Identity resolve(Map<String, Object> tokenClaims) {
        String userId = claims.userId(tokenClaims);
        if (userId == null || userId.isEmpty()) {
            return new Identity(null, Set.of(), "Innloggingen fra " + providerName + " sier ikke hvem du er "
                    + "(verken brukernavn eller subjekt). Kontakt den som forvalter innloggingen hos dere.");
        }
        if (userId.length() > 64 || !USER_ID.matcher(userId).matches()) {
            return new Identity(null, Set.of(), "Brukernavnet «" + printable(userId) + "» fra " + providerName
                    + " kan ikke brukes i Innføring: det kan bare ha bokstaver a–z, tall og enkelttegnene - . _ @ "
                    + "mellom dem, og høyst 64 tegn.");
        }
        String conflict = conflict(userId, subjectOf(tokenClaims));
        if (conflict != null) {
            return new Identity(userId, Set.of(), conflict);
        }
        Set<String> groups = existing(claims.groups(tokenClaims));
        if (groups.isEmpty()) {
            return new Identity(userId, Set.of(), "Du er logget inn hos " + providerName + " som «" + userId
                    + "», men brukeren din er ikke med i noen gruppe som gir tilgang til Innføring: verken en kommunes "
                    + "prosjektledergruppe eller regional arbeidsgruppe (RAG). Be den som forvalter brukere hos dere "
                    + "om å legge deg i gruppen for kommunen din, og logg inn på nytt.");
        }
        return new Identity(userId, groups, null);
    }

    /**
     * Writes the token user to the engine's identity store: created on the first login, names, e-mail and group
     * memberships brought up to date at every login. Call with an identity {@link #resolve} did not refuse.
     */
    void provision(Identity identity, Map<String, Object> tokenClaims) {
        for (int attempt = 1; ; attempt++) {
            try {
                write(identity, tokenClaims);
                return;
            } catch (ProcessEngineException e) {
                // two first logins of the same user at once: the second finds the user the first created
                if (attempt == 2) {
                    throw e;
                }
            }
        }
    }

    private void write(Identity identity, Map<String, Object> tokenClaims) {
        String userId = identity.userId();
        User user = identityService.createUserQuery().userId(userId).singleResult();
        boolean created = user == null;
        if (created) {
            user = identityService.newUser(userId);
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            user.setPassword(Base64.getEncoder().encodeToString(secret));
        }
        String firstName = text(tokenClaims.get("given_name"));
        String lastName = text(tokenClaims.get("family_name"));
        String email = text(tokenClaims.get("email"));
        if (created || !Objects.equals(firstName, user.getFirstName()) || !Objects.equals(lastName, user.getLastName())
                || !Objects.equals(email, user.getEmail())) {
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            identityService.saveUser(user);
        }
        if (created) {
            identityService.setUserInfo(userId, SUBJECT_KEY, subjectOf(tokenClaims));
        }
        Set<String> current = new LinkedHashSet<>(identityService.createGroupQuery().groupMember(userId).list()
                .stream().map(Group::getId).toList());
        for (String group : current) {
            if (!identity.groups().contains(group)) {
                identityService.deleteMembership(userId, group);
            }
        }
        for (String group : identity.groups()) {
            if (!current.contains(group)) {
                identityService.createMembership(userId, group);
            }
        }
    }

    /** A refusal when the user id is a local user's or bound to another subject, else null. */
    private String conflict(String userId, String subject) {
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            return null;
        }
        String bound = identityService.getUserInfo(userId, SUBJECT_KEY);
        if (bound == null) {
            return "Brukernavnet «" + userId + "» tilhører en lokal bruker i Innføring og kan ikke brukes ved "
                    + "innlogging gjennom " + providerName + ". Be administratoren gi den lokale brukeren et annet "
                    + "navn, eller logg inn med brukernavn og passord.";
        }
        if (!bound.equals(subject)) {
            return "Brukernavnet «" + userId + "» er allerede knyttet til en annen person hos " + providerName
                    + ". Kontakt administratoren.";
        }
        return null;
    }

    /** The groups among {@code groups} that exist in the engine (a municipality it does not know gives nothing). */
    private Set<String> existing(Set<String> groups) {
        if (groups.isEmpty()) {
            return Set.of();
        }
        Set<String> known = new LinkedHashSet<>();
        List<Group> found = identityService.createGroupQuery().groupIdIn(groups.toArray(String[]::new)).list();
        for (String group : groups) {
            if (found.stream().anyMatch(g -> g.getId().equals(group))) {
                known.add(group);
            }
        }
        return known;
    }

    /** The provider's subject: issuer and {@code sub}. */
    static String subjectOf(Map<String, Object> tokenClaims) {
        return text(tokenClaims.get("iss")) + " " + text(tokenClaims.get("sub"));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static String printable(String value) {
        String shown = value.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
    }
}
