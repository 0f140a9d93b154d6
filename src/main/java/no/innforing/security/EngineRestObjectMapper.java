package no.innforing.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * One Jackson {@link ObjectMapper} for the engine REST API (Tasklist, Cockpit, scripts), configured exactly as
 * Camunda's {@link JacksonConfigurator} configures it. Camunda's resolver builds a new mapper on every lookup, and
 * every request looks it up several times (reading the body, reading a filter's query, writing the answer), so each
 * request built Jackson's (de)serializers for the REST DTOs again from scratch: about a tenth of the CPU time of
 * opening a filter in Tasklist (JFR, {@code NationalScaleBenchmark}). A configured mapper is safe to share between
 * threads (its date format is cloned for each use). Registered with a higher priority than Camunda's resolver, for
 * the same media types.
 */
@Component
class EngineRestObjectMapper implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new SharedMapper());
    }

    @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
    @Priority(Priorities.USER - 100)
    static final class SharedMapper implements ContextResolver<ObjectMapper> {

        /** Made on first use, after the REST API has read its configuration (the date format). */
        private volatile ObjectMapper mapper;

        @Override
        public ObjectMapper getContext(Class<?> type) {
            ObjectMapper shared = mapper;
            if (shared == null) {
                synchronized (this) {
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
