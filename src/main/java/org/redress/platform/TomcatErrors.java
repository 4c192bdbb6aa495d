package org.redress.platform;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Errors Tomcat answers itself, before any filter or controller runs: a path with bad
 * percent-encoding, a header larger than {@code server.max-http-request-header-size},
 * a request it cannot parse. Tomcat's own answer is an HTML page; this replaces it with
 * a problem document (or a readable page for a browser).
 */
@Component
class TomcatErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            // Spring Boot adds Tomcat's plain report valve to the host; it would answer first.
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemReportValve());
            // The host adds a report valve of this class at start unless one is present.
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    // After Spring Boot's own customizer, so its valve is there to be replaced.
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error " + status : known.getReasonPhrase();
            try {
                response.resetBuffer();
                ProblemResponses.write(request, response, status, title, detail(status));
            } catch (IOException | IllegalStateException e) {
                // The client has gone or the response is already on its way: nothing more to say.
            }
        }

        private static String detail(int status) {
            return switch (status) {
                case 400 -> "The request could not be read: check the address (percent-encoding), the headers and "
                    + "their size, and the number of parameters.";
                case 405 -> "This method is not allowed here.";
                case 413 -> "The request is too large.";
                case 414 -> "The address is too long.";
                case 431 -> "The request headers are too large.";
                case 501 -> "This method is not supported.";
                case 505 -> "This HTTP version is not supported.";
                default -> "The request was refused before it reached Redress.";
            };
        }
    }
}
