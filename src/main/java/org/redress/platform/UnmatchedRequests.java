package org.redress.platform;

import org.redress.shared.ProblemType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests that reach no controller (an unknown path, a method the path does not take, a
 * multipart body that cannot be parsed):
 * a problem document for API callers, the readable error page for people.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnmatchedRequests {

    @ExceptionHandler
    Object noSuchPath(NoResourceFoundException e, HttpServletRequest request) {
        return answer(request, HttpStatus.NOT_FOUND, "Not found", "There is nothing at " + request.getRequestURI() + ".");
    }

    @ExceptionHandler
    Object wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
            request.getRequestURI() + " does not take " + e.getMethod() + "; it takes " + e.getSupportedHttpMethods() + ".");
    }

    @ExceptionHandler
    Object wrongContentType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type",
            "Send the body as application/json.");
    }

    @ExceptionHandler
    Object unreadableUpload(MultipartException e, HttpServletRequest request) {
        if (e instanceof MaxUploadSizeExceededException) {
            return answer(request, HttpStatus.CONTENT_TOO_LARGE, "Request too large", "The upload is larger than accepted.");
        }
        return answer(request, HttpStatus.BAD_REQUEST, "Unreadable request body",
            "The multipart body could not be read: send it with its boundary, or send the body as the operation's media type.");
    }

    private static Object answer(HttpServletRequest request, HttpStatus status, String title, String detail) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setType(ProblemType.forStatus(status.value()).uri());
            problem.setTitle(title);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("title", title);
        page.addObject("message", detail);
        return page;
    }
}
