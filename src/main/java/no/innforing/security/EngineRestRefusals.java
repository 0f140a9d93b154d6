package no.innforing.security;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.innforing.shared.DomainException;
import no.innforing.shared.Refusals;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * What the engine REST API (Tasklist, Cockpit) answers when a request loses a race or asks for what is not the
 * caller's: Camunda's own mapper answers these with 500. Here the loser of a race (the same task completed twice,
 * a withdrawal racing a completion) gets 409 with a Norwegian "someone else got there first" detail, another
 * municipality's task or instance answers 404 exactly as a missing one does (no existence oracle), and a refused
 * Java-serialized variable 400, and a refusal of the platform inside the engine's command (a {@link DomainException}
 * from a listener or delegate) its own status and Norwegian message. Everything else goes to Camunda's mapper
 * unchanged. The body is problem+json with Camunda's {@code type}/{@code message} fields too, so Tasklist shows the
 * Norwegian message. Both engine REST APIs answer so: {@code /engine-rest} (Spring Boot's Jersey application) and
 * the webapps' own {@code /camunda/api/engine}, where Tasklist and Cockpit send their requests
 * ({@link #mappers}).
 */
@Component
class EngineRestRefusals implements ResourceConfigCustomizer {

    private static final Pattern TASK_NOT_FOUND = Pattern.compile("Cannot find task with id ([^\\s:.]+)");

    private final HistoryService historyService;

    EngineRestRefusals(HistoryService historyService) {
        this.historyService = historyService;
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        mappers().forEach(config::register);
    }

    /**
     * The mappers, for both engine APIs: {@code /engine-rest} ({@link #customize}) and the webapps' engine API
     * ({@link EngineRestObjectMapper.WebappEngineApi}), which Jersey creates from its class name, outside Spring; so
     * they find this bean through the servlet context.
     */
    static Set<Object> mappers() {
        return Set.of(new EngineExceptions(), new RestExceptions());
    }

    private static EngineRestRefusals of(ServletContext servletContext) {
        return WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
                .getBean(EngineRestRefusals.class);
    }

    /** The engine's own exceptions. */
    @Priority(Priorities.USER - 100)
    static final class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Context
        ServletContext servletContext;

        @Override
        public Response toResponse(ProcessEngineException e) {
            return of(servletContext).answer(e);
        }
    }

    /** The REST layer wraps most engine exceptions ("Cannot complete task …: <cause>"). */
    @Priority(Priorities.USER - 100)
    static final class RestExceptions implements ExceptionMapper<RestException> {
        @Context
        ServletContext servletContext;

        @Override
        public Response toResponse(RestException e) {
            return of(servletContext).answer(e);
        }
    }

    Response answer(RuntimeException e) {
        String messages = messages(e);
        if (causedBy(e, OptimisticLockingException.class) || causedBy(e, ConcurrencyFailureException.class)) {
            return problem(409, Refusals.CONCURRENT_CHANGE, e);
        }
        Matcher task = TASK_NOT_FOUND.matcher(messages);
        if (task.find()) {
            return completedMeanwhile(task.group(1))
                    ? problem(409, Refusals.TASK_ALREADY_DONE, e)
                    : problem(404, "Fant ingen oppgave med id " + task.group(1) + ".", e);
        }
        if (messages.contains("belongs to no authenticated tenant")) {
            return problem(404, "Fant ikke det du spurte etter, eller du har ikke tilgang til det.", e);
        }
        DomainException refusal = cause(e, DomainException.class);
        if (refusal != null) {
            // the platform refused inside the engine's command (a listener or delegate): its status and its words
            return problem(refusal.status().value(), refusal.getMessage(), e);
        }
        if (messages.contains("Java serialization format is prohibited")) {
            return problem(400, "Variabler kan ikke sendes som serialiserte Java-objekter; bruk JSON eller enkle "
                    + "verdier.", e);
        }
        return ExceptionHandlerHelper.getInstance().getResponse(e);
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append(' ');
        }
        return all.toString();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private boolean completedMeanwhile(String taskId) {
        try {
            return historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0;
        } catch (ProcessEngineException notVisible) {
            return false;
        }
    }

    private static Response problem(int status, String detail, RuntimeException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", Refusals.title(status));
        body.put("status", status);
        body.put("detail", detail);
        body.put("message", detail);
        return Response.status(status).type(new MediaType("application", "problem+json", "UTF-8")).entity(body)
                .build();
    }
}
