package no.innforing.security;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Three doors. {@code /api/**}: HTTP Basic against Camunda's users, stateless, errors as problem+json.
 * {@code /engine-rest/**}: Camunda's own authentication filter (HTTP Basic), so the engine knows the user and
 * applies its authorizations. The Camunda webapps under {@code /camunda/**} keep their own session login and CSRF
 * protection. Everything else but the liveness and readiness probes, the login page and the start page needs a
 * login (the rest of actuator too). {@code /actuator/prometheus}: HTTP Basic, stateless, only for the groups
 * {@code metrics} (a dedicated scraper user), {@code rag} and {@code camunda-admin}; 401 without a login,
 * 403 for anybody else (the totals span every municipality).
 *
 * <p>HSTS: Spring Security sends {@code Strict-Transport-Security} on every secure request of the app's pages and
 * API, and on the engine REST API and the webapps too (Camunda's own header filter sends it for {@code /camunda/**}
 * in prod; the writer leaves an existing header alone). Behind a TLS proxy a request counts as secure through the
 * forwarded headers ({@code server.forward-headers-strategy}, see application-prod.yaml).
 */
@Configuration
class WebSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider users) throws Exception {
        AuthenticationEntryPoint problem = problemEntryPoint();
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .authenticationProvider(users)
                .httpBasic(basic -> basic.authenticationEntryPoint(problem))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problem))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless HTTP Basic with no cookies: there is no session for a cross-site request to ride on.
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain camundaSecurity(HttpSecurity http) throws Exception {
        // The engine REST API is guarded by ProcessEngineAuthenticationFilter below; the webapps by their own
        // login, session cookie, CSRF filter and security headers.
        // Matched on the whole path: the engine REST API and the webapps are servlets of their own, outside Spring MVC.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(path.matcher("/engine-rest/**"), path.matcher("/camunda/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
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
    @Order(3)
    SecurityFilterChain metricsSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider users)
            throws Exception {
        AuthenticationEntryPoint problem = problemEntryPoint();
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
     * Norwegian login page, Spring's CSRF protection and security headers.
     */
    @Bean
    @Order(4)
    SecurityFilterChain pageSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider users)
            throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/index.html", "/error", "/login", "/css/**").permitAll()
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
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
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

    static AuthenticationEntryPoint problemEntryPoint() {
        return (request, response, exception) -> {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"Innføring\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"Innlogging kreves: oppgi brukernavn og passord (HTTP Basic).\",\"instance\":\""
                    + request.getRequestURI().replace("\"", "") + "\"}");
        };
    }
}
