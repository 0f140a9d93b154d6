package no.innforing.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads who a token's holder is: the user id from the configured claim, and the platform's groups from the groups
 * claim by the configured mapping. Only two kinds of group can come from a token: {@code municipality-<number>} and
 * {@code rag}; an administrator ({@code camunda-admin}) or the metrics scraper stays a local user.
 */
final class SsoClaims {

    static final Pattern PLATFORM_GROUP = Pattern.compile("rag|municipality-\\d{4}");

    private final String userClaim;
    private final List<String> groupsClaimPath;
    private final Pattern municipality;
    private final Set<String> ragValues;
    private final Map<String, String> explicit;

    SsoClaims(SsoProperties properties) {
        this.userClaim = properties.userClaim();
        this.groupsClaimPath = List.of(properties.groupsClaim().split("\\."));
        try {
            this.municipality = Pattern.compile(properties.municipalityPattern());
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("INNFORING_OIDC_MUNICIPALITY_PATTERN er ikke et gyldig regulært uttrykk: "
                    + e.getDescription());
        }
        if (municipality.matcher("").groupCount() < 1) {
            throw new IllegalStateException("INNFORING_OIDC_MUNICIPALITY_PATTERN må ha en gruppe i parentes som "
                    + "fanger kommunenummeret, for eksempel /?municipality-(\\d{4}).");
        }
        this.ragValues = Set.copyOf(properties.ragValues());
        this.explicit = parseMap(properties.groupMap());
    }

    /** {@code value=group} pairs separated by {@code ;} or line breaks; the group must be one a token may give. */
    static Map<String, String> parseMap(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        if (text == null) {
            return map;
        }
        for (String entry : text.split("[;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            String value = equals < 0 ? "" : entry.substring(0, equals).trim();
            String group = equals < 0 ? "" : entry.substring(equals + 1).trim();
            if (value.isEmpty() || !PLATFORM_GROUP.matcher(group).matches()) {
                throw new IllegalStateException("INNFORING_OIDC_GROUP_MAP: «" + entry.trim() + "» må ha formen "
                        + "verdi=rag eller verdi=municipality-<firesifret kommunenummer>.");
            }
            map.put(value, group);
        }
        return map;
    }

    /** The user id: the configured claim, or {@code sub} when the token lacks it. */
    String userId(Map<String, Object> claims) {
        Object value = claims.get(userClaim);
        if (value == null || value.toString().isBlank()) {
            value = claims.get("sub");
        }
        return value == null ? null : value.toString().trim();
    }

    /** The platform groups the token's groups claim maps to ({@code rag}, {@code municipality-<number>}). */
    Set<String> groups(Map<String, Object> claims) {
        Set<String> groups = new LinkedHashSet<>();
        for (String value : claimValues(claims)) {
            String mapped = explicit.get(value);
            if (mapped != null) {
                groups.add(mapped);
                continue;
            }
            if (ragValues.contains(value)) {
                groups.add(MunicipalityAccess.RAG_GROUP);
                continue;
            }
            Matcher matcher = municipality.matcher(value);
            if (matcher.matches() && matcher.group(1) != null && matcher.group(1).matches("\\d{4}")) {
                groups.add(MunicipalityAccess.projectLeaderGroup(matcher.group(1)));
            }
        }
        return groups;
    }

    /** The values of the groups claim: a list, or one text (several separated by commas or spaces). */
    List<String> claimValues(Map<String, Object> claims) {
        Object node = claims;
        for (String step : groupsClaimPath) {
            if (!(node instanceof Map<?, ?> map)) {
                return List.of();
            }
            node = map.get(step);
        }
        List<String> values = new ArrayList<>();
        if (node instanceof Collection<?> collection) {
            collection.stream().filter(v -> v != null).map(v -> v.toString().trim()).filter(v -> !v.isEmpty())
                    .forEach(values::add);
        } else if (node != null) {
            for (String part : node.toString().split("[,\\s]+")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }
}
