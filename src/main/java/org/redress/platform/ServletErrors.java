package org.redress.platform;

import org.jspecify.annotations.Nullable;
import org.redress.shared.ProblemType;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /error}: where the servlet container sends what failed outside Spring MVC's own
 * handling (a status set by Tomcat, e.g. {@code TRACE}; an exception thrown by a filter).
 * Answers a problem document, or the error page for a person's browser. Asked for
 * directly, {@code /error} is simply not found.
 */
@Controller
class ServletErrors implements ErrorController {

    private final Outages outages;

    ServletErrors(Outages outages) {
        this.outages = outages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        if (!(code instanceof Integer status)) {
            return answer(request, request.getRequestURI(), HttpStatus.NOT_FOUND, "Not found",
                "There is nothing at " + request.getRequestURI() + ".", null);
        }
        Throwable failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t ? t : null;
        Outages.Outage outage = outages.of(failure);
        if (outage != null) {
            return answer(request, path, HttpStatus.SERVICE_UNAVAILABLE, outage.title(), outage.detail(), outage);
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus answered = known == null || known.is2xxSuccessful() || known.is3xxRedirection()
            ? HttpStatus.INTERNAL_SERVER_ERROR : known;
        return answer(request, path, answered, title(answered), detail(answered, request), null);
    }

    private Object answer(HttpServletRequest request, @Nullable String path, HttpStatus status, String title, String detail,
                          Outages.@Nullable Outage outage) {
        if (ProblemResponses.wantsPage(request, path)) {
            ModelAndView page = new ModelAndView("error", status);
            page.addObject("status", status.value());
            page.addObject("title", title);
            page.addObject("message", detail);
            return page;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemType.forStatus(status.value()).uri());
        problem.setTitle(title);
        if (path != null) {
            problem.setInstance(java.net.URI.create(path.replace(" ", "%20")));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (outage != null) {
            problem.setProperty("outcome", outage.outcome());
            answer.header(HttpHeaders.RETRY_AFTER, outages.retryAfterSeconds());
        }
        return answer.body(problem);
    }

    private static String title(HttpStatus status) {
        return status == HttpStatus.INTERNAL_SERVER_ERROR ? "Internal error" : status.getReasonPhrase();
    }

    private static String detail(HttpStatus status, HttpServletRequest request) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be read: check the address, the headers and the parameters.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take the method of this request (TRACE is never taken).";
            case UNAUTHORIZED -> "Sign in first.";
            case FORBIDDEN -> "Your role does not allow this.";
            case CONTENT_TOO_LARGE -> "The request is too large.";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side. Please try again, and tell the "
                + "administrator if it persists.";
            default -> status.getReasonPhrase() + ".";
        };
    }
}
