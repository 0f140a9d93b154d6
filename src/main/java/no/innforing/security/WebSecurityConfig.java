package no.innforing.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The doors, in both identity modes (local users only, or single sign-on through OpenID Connect as well, see
 * {@link SsoConfiguration}). One Spring Security session serves the app's pages and the Camunda webapps
 * ({@link WebappSessions}); scripts call the APIs with a password (HTTP Basic, local users) or a token (Bearer,
 * from the identity provider), without a session.
 *
 * <ul>
 * <li>{@code /api/**}: HTTP Basic against Camunda's users, and Bearer tokens when single sign-on is on; stateless,
 * errors as problem+json (401 without a valid login, 403 for a token that gives no access).</li>
 * <li>{@code /engine-rest/**}: the same logins; Camunda's authentication filter then reads the Spring user
 * ({@link EngineIdentityAuthentication}), so the engine knows the user, groups and tenants and applies its
 * authorizations.</li>
 * <li>{@code /camunda/**} (Tasklist, Cockpit, Admin, Welcome): the Spring session; without one a page goes to the
 * app's {@code /login} and comes back after it, a webapp API call answers 401. The webapps keep their own CSRF
 * protection and security headers; their own login form is not used (its endpoint is closed).</li>
 * <li>{@code /actuator/prometheus}: HTTP Basic, stateless, only for the groups {@code metrics} (a dedicated scraper
 * user), {@code rag} and {@code camunda-admin}; 401 without a login, 403 for anybody else.</li>
 * <li>Everything else (the app's pages): the session login, by form (local users) or through the identity provider,
 * with Spring's CSRF protection; only the liveness and readiness probes, the login and refusal pages, the start
 * page, the accessibility statement and the calendar feeds (a long random token in the address) are open.</li>
 * </ul>
 *
 * <p>HSTS: Spring Security sends {@code Strict-Transport-Security} on every secure request of the app's pages and
 * APIs, and on the engine REST API and the webapps too (Camunda's own header filter sends it for {@code /camunda/**}
 * in prod; the writer leaves an existing header alone). Behind a TLS proxy a request counts as secure through the
 * forwarded headers ({@code server.forward-headers-strategy}, see application-prod.yaml).
 */
@Configuration
class WebSecurityConfig {

    private final CamundaIdentityAuthenticationProvider users;
    private final SsoProperties sso;
    private final SsoUsers ssoUsers;
    private final ObjectProvider<JwtDecoder> jwtDecoder;

    WebSecurityConfig(CamundaIdentityAuthenticationProvider users, SsoProperties sso, SsoUsers ssoUsers,
            ObjectProvider<JwtDecoder> jwtDecoder) {
        this.users = users;
        this.sso = sso;
        this.ssoUsers = ssoUsers;
        this.jwtDecoder = jwtDecoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return scriptLogins(http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRestSecurity(HttpSecurity http) throws Exception {
        // Matched on the whole path: the engine REST API is a servlet of its own, outside Spring MVC.
        return scriptLogins(http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .headers(headers -> headers.defaultsDisabled()
                        .httpStrictTransportSecurity(Customizer.withDefaults()))
                .build();
    }

    /**
     * HTTP Basic for local users and, with single sign-on, Bearer tokens; stateless, no cookies (so no CSRF to
     * guard against), 401/403 as Norwegian problem+json.
     */
    private HttpSecurity scriptLogins(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint problem = problemEntryPoint(sso.enabled());
        http.authorizeHttpRequests(requests -> requests.anyRequest().access(withAccess()))
                .authenticationProvider(users)
                .httpBasic(basic -> basic.authenticationEntryPoint(problem))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problem)
                        .accessDeniedHandler(problemAccessDenied()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            http.oauth2ResourceServer(resource -> resource
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(SsoConfiguration.bearerTokens(ssoUsers)))
                    .authenticationEntryPoint(problem)
                    .accessDeniedHandler(problemAccessDenied()));
        }
        return http;
    }

    /**
     * The Camunda webapps on the app's session: a page without a login goes to {@code /login} (and comes back after
     * it), a webapp API call answers 401. Camunda's container-based authentication ({@link WebappSessions}) then
     * gives the webapps the Spring user.
     */
    @Bean
    @Order(3)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher webappApi = path.matcher("/camunda/api/**");
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(path.matcher(HttpMethod.GET, "/camunda/app/**"));
        return http.securityMatcher(path.matcher("/camunda/**"))
                .authorizeHttpRequests(requests -> requests
                        // the webapps' own login form is not used: the app's login is theirs
                        .requestMatchers(path.matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*"))
                        .denyAll()
                        .anyRequest().access(withAccess()))
                .authenticationProvider(users)
                .httpBasic(basic -> basic.authenticationEntryPoint(problemEntryPoint(false)))
                .requestCache(cache -> cache.requestCache(pages))
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(problemEntryPoint(false), webappApi)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE))
                // the webapps' own CSRF filter (X-XSRF-TOKEN) and security headers guard them
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.defaultsDisabled()
                        .httpStrictTransportSecurity(Customizer.withDefaults()))
                .build();
    }

    /**
     * The Prometheus scrape: HTTP Basic with a 401 (not a redirect to the login page, whatever the scraper's
     * {@code Accept} header), no session, for the metrics group, RAG and the Camunda administrators.
     */
    @Bean
    @Order(4)
    SecurityFilterChain metricsSecurity(HttpSecurity http) throws Exception {
        AuthenticationEntryPoint problem = problemEntryPoint(false);
        String prefix = CamundaIdentityAuthenticationProvider.GROUP_AUTHORITY_PREFIX;
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(
                        prefix + MunicipalityAccess.METRICS_GROUP, prefix + MunicipalityAccess.RAG_GROUP,
                        prefix + Groups.CAMUNDA_ADMIN))
                .authenticationProvider(users)
                .httpBasic(basic -> basic.authenticationEntryPoint(problem))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problem))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * The app's own pages (the regional overview and friends): a session login with the same Camunda users, a
     * Norwegian login page, Spring's CSRF protection and security headers; with single sign-on also the login
     * through the identity provider (authorization code flow), whose refusals get a Norwegian page.
     */
    @Bean
    @Order(5)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/index.html", "/error", "/login", "/css/**").permitAll()
                        // what a refused login through the identity provider shows
                        .requestMatchers(SsoConfiguration.REFUSAL_PAGE).permitAll()
                        // the accessibility statement is public information, readable before logging in
                        .requestMatchers("/tilgjengelighet").permitAll()
                        // the probes a container platform polls; the rest of actuator needs a login
                        .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        // calendar apps cannot log in: the feed address carries a long random token instead
                        .requestMatchers("/calendar/*.ics").permitAll()
                        .anyRequest().authenticated())
                .authenticationProvider(users)
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/overview"))
                .httpBasic(basic -> { })
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        if (sso.enabled()) {
            http.oauth2Login(login -> login.loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(SsoConfiguration.browserLogins(ssoUsers)))
                    .failureHandler(SsoConfiguration.loginFailures())
                    .defaultSuccessUrl("/overview"));
        }
        return http.build();
    }

    /** Logged in, and not with a token that gives no access. */
    static AuthorizationManager<RequestAuthorizationContext> withAccess() {
        return (authentication, context) -> {
            Authentication user = authentication.get();
            return new AuthorizationDecision(user != null && user.isAuthenticated()
                    && !(user instanceof AnonymousAuthenticationToken) && SignedIn.refusal(user) == null);
        };
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        // the user Spring Security has checked (HTTP Basic or a Bearer token), with the platform's groups and tenants
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                EngineIdentityAuthentication.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(WebappSessions.AFTER_SPRING_SECURITY);
        return registration;
    }

    /**
     * A URL Spring Security's firewall refuses (an encoded NUL, {@code ..}, a semicolon): 400 with a Norwegian
     * detail, as problem+json on the API and a short Norwegian page elsewhere, instead of the container's page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            String detail = "Adressen inneholder tegn som ikke er tillatt (for eksempel %00, .. eller ;).";
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setCharacterEncoding("UTF-8");
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Ugyldig forespørsel\","
                        + "\"status\":400,\"detail\":\"" + detail + "\"}");
            } else {
                response.setContentType(MediaType.TEXT_HTML_VALUE);
                response.getWriter().write("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\">"
                        + "<title>Ugyldig forespørsel – Innføring</title></head><body><main><h1>Ugyldig forespørsel"
                        + "</h1><p>" + detail + "</p><p><a href=\"/overview\">Til oversikten</a></p></main>"
                        + "</body></html>");
            }
        };
    }

    /** 401 as problem+json with a challenge for each login the door takes. */
    static AuthenticationEntryPoint problemEntryPoint(boolean bearer) {
        return (request, response, exception) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Innføring\"");
            String detail = "Innlogging kreves: oppgi brukernavn og passord (HTTP Basic).";
            if (bearer) {
                response.addHeader("WWW-Authenticate", "Bearer");
                detail = exception instanceof OAuth2AuthenticationException
                        ? "Tokenet ble ikke godtatt: det er ugyldig, utløpt, fra en annen utsteder eller ikke utstedt "
                                + "for Innføring."
                        : "Innlogging kreves: oppgi brukernavn og passord (HTTP Basic) eller et token fra "
                                + "identitetsleverandøren (Bearer).";
            }
            problem(response, HttpServletResponse.SC_UNAUTHORIZED, "Innlogging kreves", detail,
                    request.getRequestURI());
        };
    }

    /** 403 as problem+json: a token that gives no access says why; anything else gets a plain refusal. */
    static AccessDeniedHandler problemAccessDenied() {
        return (request, response, denied) -> {
            String refusal = SignedIn.refusal(SecurityContextHolder.getContext().getAuthentication());
            problem(response, HttpServletResponse.SC_FORBIDDEN, "Ingen tilgang",
                    refusal != null ? refusal : "Du har ikke tilgang til dette.", request.getRequestURI());
        };
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail,
            String instance) throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        response.getWriter().write(JSON.writeValueAsString(body));
    }

    private static final ObjectMapper JSON = new ObjectMapper();
}
