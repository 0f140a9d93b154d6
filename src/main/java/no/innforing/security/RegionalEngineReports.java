package no.innforing.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Engine REST reports that count across every tenant (history statistics of a definition, the cleanable-instance
 * reports): the engine does not narrow them to the caller's municipality, so they are for RAG and administrators
 * only. Runs after Camunda's authentication filter, whose user it reads.
 */
@Configuration
class RegionalEngineReports {

    static final Pattern REGION_WIDE = Pattern.compile(
            "^/engine-rest/history/(process-definition/[^/]+/statistics|[a-z-]+/cleanable-[a-z-]+-report(/count)?)$");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> regionalEngineReportsFilter(IdentityService identityService) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        String path = request.getRequestURI().substring(request.getContextPath().length());
                        Authentication user = identityService.getCurrentAuthentication();
                        if (REGION_WIDE.matcher(path).matches() && (user == null || user.getGroupIds() == null
                                || !MunicipalityAccess.isRegional(user.getGroupIds()))) {
                            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                            response.setCharacterEncoding("UTF-8");
                            String detail = "Denne rapporten teller på tvers av alle kommuner og er bare for RAG "
                                    + "og administratorer.";
                            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Ingen tilgang\","
                                    + "\"status\":403,\"detail\":\"" + detail + "\",\"message\":\"" + detail + "\"}");
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setName("innforing-regional-engine-reports");
        registration.addUrlPatterns("/engine-rest/history/*");
        registration.setOrder(WebappSessions.AFTER_SPRING_SECURITY + 1);
        return registration;
    }
}
