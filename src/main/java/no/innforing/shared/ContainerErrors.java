package no.innforing.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;

/**
 * What the servlet container answers itself, before the application sees a request (a URL with an encoded NUL,
 * say): a Norwegian problem+json under {@code /api}, a short Norwegian page elsewhere, never Tomcat's English HTML
 * with its version.
 */
@Configuration
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof Host host && host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(NorwegianErrorReport.class.getName());
            }
        });
    }

    /** Tomcat's error report, in the app's words. */
    public static class NorwegianErrorReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String detail = status == HttpServletResponse.SC_BAD_REQUEST
                    ? "Forespørselen kunne ikke tolkes: adressen eller hodene inneholder ugyldige tegn."
                    : "Forespørselen kunne ikke behandles (HTTP " + status + ").";
            // the raw request line: a URI the container refused was never decoded
            String uri = String.valueOf(request.getCoyoteRequest().requestURI());
            try {
                response.setCharacterEncoding("UTF-8");
                Writer out = response.getReporter();
                if (out == null) {
                    return;
                }
                if (uri.startsWith("/api/") || uri.startsWith("/engine-rest/")) {
                    response.setContentType("application/problem+json");
                    out.write("{\"type\":\"about:blank\",\"title\":\"" + Refusals.title(status) + "\",\"status\":"
                            + status + ",\"detail\":\"" + detail + "\"}");
                } else {
                    response.setContentType("text/html");
                    out.write("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>"
                            + Refusals.title(status) + " – Innføring</title></head><body><main><h1>"
                            + Refusals.title(status) + "</h1><p>" + detail + "</p><p><a href=\"/overview\">"
                            + "Til oversikten</a></p></main></body></html>");
                }
                out.flush();
            } catch (IOException | IllegalStateException e) {
                // the client went away or the response is already committed: nothing more to tell
            }
        }
    }
}
