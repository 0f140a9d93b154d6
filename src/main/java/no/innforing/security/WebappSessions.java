package no.innforing.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login for the app's pages and the Camunda webapps: the Spring Security session (a local user's form login,
 * or a login through the identity provider) is the webapps' login too. Camunda's container-based authentication
 * reads the Spring user with its groups and tenants ({@link EngineIdentityAuthentication}) into the webapps'
 * session, so Tasklist, Cockpit and Admin never show a login of their own; a browser without a session is sent to
 * the app's {@code /login} by Spring Security and comes back.
 *
 * <p>One logout ends both: the pages' {@code /logout} ends the session, and so does the webapps' own logout
 * ({@code POST /camunda/api/admin/auth/user/<engine>/logout}) once Camunda has accepted it (its CSRF check
 * included), so the webapps cannot be logged out while the Spring login lives on and logs them in again.
 */
@Configuration
class WebappSessions {

    /** Both run inside Spring Security's filter chain, whose user they read, and before Camunda's own filters. */
    static final int AFTER_SPRING_SECURITY = SecurityProperties.DEFAULT_FILTER_ORDER + 1;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("innforing-webapp-container-authentication");
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                EngineIdentityAuthentication.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> webappLogoutEndsTheSession() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        chain.doFilter(request, response);
                        if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout")
                                && response.getStatus() >= 200 && response.getStatus() < 300) {
                            new SecurityContextLogoutHandler().logout(request, response,
                                    SecurityContextHolder.getContext().getAuthentication());
                        }
                    }
                });
        registration.setName("innforing-webapp-logout");
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(AFTER_SPRING_SECURITY + 1);
        return registration;
    }
}
