package no.innforing.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Single sign-on through OpenID Connect, when {@code INNFORING_OIDC_ISSUER_URI} is set: the browser login with the
 * authorization code flow (its client registration read from the provider's discovery document at start-up), and
 * the provider's JWTs as Bearer tokens on {@code /api} and {@code /engine-rest} (signature, issuer, lifetime and
 * audience checked). Both read the token's holder the same way ({@link SsoUsers}).
 */
@Configuration
@EnableConfigurationProperties(SsoProperties.class)
class SsoConfiguration {

    /** The session attribute that carries a refused login's Norwegian reason to the refusal page. */
    static final String REFUSAL_ATTRIBUTE = "innforing.oidc.refusal";
    /** The refusal page: what a provider login that gives no access shows. */
    static final String REFUSAL_PAGE = "/login/avvist";
    static final String REFUSED_ERROR = "innforing_refused";

    @Bean
    SsoUsers ssoUsers(IdentityService identityService, SsoProperties properties) {
        return new SsoUsers(identityService, properties);
    }

    @Bean
    @Conditional(Enabled.class)
    ClientRegistrationRepository ssoClientRegistrations(SsoProperties properties) {
        if (properties.clientId() == null) {
            throw new IllegalStateException("Innføring starter ikke: INNFORING_OIDC_ISSUER_URI er satt, men "
                    + "INNFORING_OIDC_CLIENT_ID mangler.");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(SsoProperties.REGISTRATION_ID)
                .clientName(properties.displayName())
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope(properties.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** The provider's tokens: signed with its published keys, its issuer, not expired, and issued for us. */
    @Bean
    @Conditional(Enabled.class)
    JwtDecoder ssoJwtDecoder(SsoProperties properties) {
        NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(properties.issuerUri());
        String audience = properties.audience();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuerUri()),
                jwt -> audience != null && jwt.getAudience() != null && jwt.getAudience().contains(audience)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                                "Tokenet er ikke utstedt for Innføring (aud).", null))));
        return decoder;
    }

    /**
     * A Bearer token's holder: the user id and the platform groups from the claims. A token that names nobody,
     * a local user, or no known group still authenticates, but carries its refusal, so the API answers 403 with
     * the reason rather than 401.
     */
    static Converter<Jwt, AbstractAuthenticationToken> bearerTokens(SsoUsers users) {
        return jwt -> {
            SsoUsers.Identity identity = users.resolve(jwt.getClaims());
            List<GrantedAuthority> authorities = identity.refused()
                    ? List.of(new SimpleGrantedAuthority(SignedIn.REFUSAL_PREFIX + identity.refusal()))
                    : authorities(identity);
            String name = identity.userId() != null ? identity.userId() : jwt.getSubject();
            return new JwtAuthenticationToken(jwt, authorities, name);
        };
    }

    /**
     * The browser login: Spring's OIDC user (id token, and the userinfo endpoint's claims), then the platform's
     * reading of it. A login that gives no access is refused here, before any session exists; one that does writes
     * the user to the engine's identity store ({@link SsoUsers#provision}).
     */
    static OAuth2UserService<OidcUserRequest, OidcUser> browserLogins(SsoUsers users) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            SsoUsers.Identity identity = users.resolve(user.getClaims());
            if (identity.refused()) {
                throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED_ERROR, identity.refusal(), null),
                        identity.refusal());
            }
            users.provision(identity, user.getClaims());
            return new PlatformOidcUser(authorities(identity), user, identity.userId());
        };
    }

    /** A refused provider login shows the Norwegian refusal page; any other failure the login page's error. */
    static AuthenticationFailureHandler loginFailures() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String reason = exception instanceof OAuth2AuthenticationException oauth
                    && REFUSED_ERROR.equals(oauth.getError().getErrorCode()) ? oauth.getError().getDescription() : null;
            if (reason == null) {
                response.sendRedirect(request.getContextPath() + "/login?error=sso");
                return;
            }
            HttpSession session = request.getSession(true);
            session.setAttribute(REFUSAL_ATTRIBUTE, reason);
            response.sendRedirect(request.getContextPath() + REFUSAL_PAGE);
        };
    }

    private static List<GrantedAuthority> authorities(SsoUsers.Identity identity) {
        return identity.groups().stream()
                .map(group -> (GrantedAuthority) new SimpleGrantedAuthority(SignedIn.GROUP_PREFIX + group)).toList();
    }

    /** A provider login whose name is the platform's user id, with the platform's groups as authorities. */
    static final class PlatformOidcUser extends DefaultOidcUser {

        private final String userId;

        PlatformOidcUser(List<GrantedAuthority> authorities, OidcUser user, String userId) {
            super(authorities, user.getIdToken(), user.getUserInfo(), IdTokenClaimNames.SUB);
            this.userId = userId;
        }

        @Override
        public String getName() {
            return userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PlatformOidcUser that && userId.equals(that.userId) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return userId.hashCode();
        }
    }

    /** On when INNFORING_OIDC_ISSUER_URI (innforing.oidc.issuer-uri) has a value. */
    static class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String issuer = context.getEnvironment().getProperty("innforing.oidc.issuer-uri");
            return issuer != null && !issuer.isBlank();
        }
    }
}
