package no.innforing.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets Tasklist save a follow-up or due date on a task with a Camunda Form. Tasklist updates a task by sending back
 * the whole task it read ({@code PUT .../task/{id}}), and engine REST 7.24 cannot read the {@code camundaFormRef} it
 * wrote (an interface without a constructor: 400 <i>Cannot construct instance of CamundaFormRef</i>), while leaving the
 * task's other fields out would reset them. The property is read-only (the engine's task has no setter; the form comes
 * from the process model), so it is dropped from the body before the engine reads it — the fix Operaton made
 * (operaton#3659, operaton#3660).
 */
@Configuration
class TaskUpdateFormRef {

    static final Pattern UPDATE = Pattern.compile("^/(engine-rest|camunda/api/engine/engine/[^/]+)/task/[^/]+/?$");
    private static final int MAX_BODY = 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> taskUpdateFormRefFilter(ObjectMapper json) {
        return FormDateRequestCheck.engineRestBodyFilter("innforing-task-update-form-ref",
                Ordered.HIGHEST_PRECEDENCE + 31, "PUT", UPDATE, (request, response, chain, body) ->
                        chain.doFilter(new FormDateRequestCheck.Replayed(request, withoutFormRef(json, body)), response));
    }

    static byte[] withoutFormRef(ObjectMapper json, byte[] body) {
        if (body.length > MAX_BODY) {
            return body;
        }
        try {
            JsonNode task = json.readTree(body);
            if (task instanceof ObjectNode object && object.has("camundaFormRef")) {
                object.remove("camundaFormRef");
                return json.writeValueAsBytes(object);
            }
        } catch (IOException e) {
            // a malformed body is the engine REST API's to answer
        }
        return body;
    }
}
