package no.innforing.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import no.innforing.shared.DomainException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The form-date check of {@link FormDateCheck} answered at the engine REST API, where Tasklist completes tasks
 * ({@code POST .../task/{id}/submit-form} and {@code .../complete}, under {@code /engine-rest} and Tasklist's own
 * {@code /camunda/api/engine}): a date variable of a Camunda Form field that is not a real date or lies outside the
 * range is refused with 400 and the Norwegian message alone, which Tasklist shows, before the engine runs (the
 * engine's own refusal from the task listener would reach the user wrapped in English).
 */
@Configuration
class FormDateRequestCheck {

    static final Pattern COMPLETE = Pattern.compile("^/(engine-rest|camunda/api/engine/engine/[^/]+)"
            + "/task/[^/]+/(submit-form|complete)$");
    private static final int MAX_BODY = 1024 * 1024;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> formDateRequestCheckFilter(FormDateFields dateFields,
            ObjectMapper json) {
        return engineRestBodyFilter("innforing-form-date-check", Ordered.HIGHEST_PRECEDENCE + 30, "POST", COMPLETE,
                (request, response, chain, body) -> {
                    if (body.length <= MAX_BODY) {
                        try {
                            checkDates(json, dateFields, body);
                        } catch (DomainException refusal) {
                            refuse(json, response, refusal.getMessage());
                            return;
                        }
                    }
                    chain.doFilter(new Replayed(request, body), response);
                });
    }

    /** What a filter on an engine REST request does with the request's body, read once. */
    interface BodyHandler {
        void handle(HttpServletRequest request, HttpServletResponse response, FilterChain chain, byte[] body)
                throws ServletException, IOException;
    }

    /**
     * A filter on the engine REST API ({@code /engine-rest} and the webapps' {@code /camunda/api/engine}) that reads
     * the body of the requests with this method and path and hands it to {@code handler}; other requests pass.
     */
    static FilterRegistrationBean<OncePerRequestFilter> engineRestBodyFilter(String name, int order, String method,
            Pattern path, BodyHandler handler) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                            FilterChain chain) throws ServletException, IOException {
                        String uri = request.getRequestURI().substring(request.getContextPath().length());
                        if (!method.equals(request.getMethod()) || !path.matcher(uri).matches()) {
                            chain.doFilter(request, response);
                            return;
                        }
                        handler.handle(request, response, chain, request.getInputStream().readAllBytes());
                    }
                });
        registration.setName(name);
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/engine/*");
        registration.setOrder(order);
        return registration;
    }

    static void checkDates(ObjectMapper json, FormDateFields dateFields, byte[] body) {
        JsonNode variables;
        try {
            variables = json.readTree(body).path("variables");
        } catch (IOException e) {
            return; // the engine REST API answers a malformed body itself
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            String label = dateFields.labelOf(variable.getKey());
            JsonNode value = variable.getValue().path("value");
            String type = variable.getValue().path("type").asText("String");
            // Tasklist sends form fields untyped (a string); a typed Date is the engine's to read (and the listener's
            // to check), in the REST API's own format (2027-02-28T00:00:00.000+0100)
            if (label != null && value.isTextual() && "String".equalsIgnoreCase(type)) {
                FormDateFields.check(label, value.asText());
            }
        }
    }

    private static void refuse(ObjectMapper json, HttpServletResponse response, String message) throws IOException {
        ObjectNode error = json.createObjectNode();
        error.put("type", "InvalidRequestException");
        error.put("message", message);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(error));
    }

    /** The request with its body read once here and given again (possibly rewritten) to the engine REST API. */
    static final class Replayed extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public String getHeader(String name) {
            return "Content-Length".equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return "Content-Length".equalsIgnoreCase(name)
                    ? java.util.Collections.enumeration(java.util.List.of(String.valueOf(body.length)))
                    : super.getHeaders(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }
    }
}
