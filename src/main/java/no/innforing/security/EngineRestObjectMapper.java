package no.innforing.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * One Jackson {@link ObjectMapper} for the engine REST API, both where scripts call it ({@code /engine-rest}) and
 * where Tasklist and Cockpit call it (the webapps' own {@code /camunda/api/engine}), configured exactly as
 * Camunda's {@link JacksonConfigurator} configures it. Camunda's resolver builds a new mapper on every lookup, and
 * every request looks it up several times (reading the body, reading a filter's query, writing the answer), so each
 * request built Jackson's (de)serializers for the REST DTOs again from scratch: about a tenth of the CPU time of
 * opening a filter in Tasklist (JFR, {@code NationalScaleBenchmark}; there mostly the deserializer of the task
 * query that a filter's stored query is read into). A configured mapper is safe to share between threads (its date
 * format is cloned for each use). Registered with a higher priority than Camunda's resolver, for the same media
 * types.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestObjectMapper {

    /** The name Camunda's webapp initializer gives the webapps' engine API servlet (it adds none if one exists). */
    static final String WEBAPP_ENGINE_API = "Engine Api";

    /** {@code /engine-rest}: Spring Boot's Jersey application. */
    @Bean
    ResourceConfigCustomizer engineRestSharedMapper() {
        return config -> config.register(new SharedMapper());
    }

    /**
     * {@code /camunda/api/engine}: registered before Camunda's webapp initializer does (which then leaves it alone)
     * and as it does (Jersey's servlet, the same mapping), with Camunda's application plus the shared mapper.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    // only where Camunda's webapps are (its initializer puts their login, CSRF and engine filters on the same path)
    @ConditionalOnProperty(prefix = "camunda.bpm.webapp", name = "enabled", matchIfMissing = true)
    ServletContextInitializer webappEngineApiSharedMapper(CamundaBpmProperties camunda) {
        return servletContext -> {
            ServletRegistration.Dynamic servlet = servletContext.addServlet(WEBAPP_ENGINE_API, ServletContainer.class);
            if (servlet == null) {
                throw new IllegalStateException("The servlet '" + WEBAPP_ENGINE_API + "' is already registered");
            }
            servlet.addMapping(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
            servlet.setInitParameters(Map.of(ServletProperties.JAXRS_APPLICATION_CLASS,
                    WebappEngineApi.class.getName()));
        };
    }

    /**
     * Camunda's webapp engine API (its resources and configuration classes), with the shared mapper and the
     * platform's answers to refusals ({@link EngineRestRefusals}), as at {@code /engine-rest}.
     */
    public static class WebappEngineApi extends EngineRestApplication {
        @Override
        public Set<Object> getSingletons() {
            Set<Object> singletons = new java.util.HashSet<>(EngineRestRefusals.mappers());
            singletons.add(new SharedMapper());
            return singletons;
        }
    }

    @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
    @Priority(Priorities.USER - 100)
    static final class SharedMapper implements ContextResolver<ObjectMapper> {

        /** Made on first use, after the REST API has read its configuration (the date format). */
        private static volatile ObjectMapper mapper;

        @Override
        public ObjectMapper getContext(Class<?> type) {
            ObjectMapper shared = mapper;
            if (shared == null) {
                synchronized (SharedMapper.class) {
                    shared = mapper;
                    if (shared == null) {
                        shared = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
                        mapper = shared;
                    }
                }
            }
            return shared;
        }
    }
}
