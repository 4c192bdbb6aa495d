package org.redress.links;

import org.redress.shared.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answer to every {@link BadLink}, whichever page it was meant for: the same short page
 * ({@code links/invalid}) whatever is wrong with the link, or an RFC 9457 problem for a
 * client that asked for JSON. A bad link counts against the client's throttle; a refusal
 * by the throttle does not (waiting must not lengthen the wait).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class BadLinkAnswers {

    private final BadLinkThrottle throttle;

    BadLinkAnswers(BadLinkThrottle throttle) {
        this.throttle = throttle;
    }

    @ExceptionHandler
    Object answer(BadLink bad, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = bad.status();
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(bad.retryAfterSeconds()));
        } else {
            throttle.strike(request.getRemoteAddr());
        }
        if (wantsJson(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status));
        }
        ModelAndView page = new ModelAndView("links/invalid", status);
        page.addObject("tooMany", status == HttpStatus.TOO_MANY_REQUESTS);
        return page;
    }

    private static ProblemDetail problem(HttpStatus status) {
        ProblemType type = switch (status) {
            case TOO_MANY_REQUESTS -> ProblemType.TOO_MANY_REQUESTS;
            case GONE -> ProblemType.LINK_EXPIRED;
            default -> ProblemType.NOT_FOUND;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, switch (status) {
            case TOO_MANY_REQUESTS -> "Too many links that do not work came from your connection. Wait Retry-After seconds.";
            case GONE -> "This link has expired. Reply to our last message and we will send a new one.";
            default -> "This link is not valid. It may have been copied incompletely.";
        });
        problem.setType(type.uri());
        problem.setTitle(status == HttpStatus.TOO_MANY_REQUESTS ? "Too many attempts" : "Link not valid");
        return problem;
    }

    // A browser (or anything unsure) gets the page; only a client asking for JSON and not HTML gets the problem.
    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }
}
