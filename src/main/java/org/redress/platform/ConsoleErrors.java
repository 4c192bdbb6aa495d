package org.redress.platform;

import org.redress.shared.Forbidden;
import org.redress.shared.InvalidInput;
import org.redress.shared.NotFound;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Console pages that ask for something missing or forbidden, or that meet a database
 * outage, get a readable page, not a stack trace. (What fails before a console controller
 * runs, such as reloading the signed-in user, is answered the same by {@link OutageAnswers}.)
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleErrors {

    private final Outages outages;

    ConsoleErrors(Outages outages) {
        this.outages = outages;
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, Model model) {
        return page(model, "Not found", e);
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Forbidden e, Model model) {
        return page(model, "Not allowed", e);
    }

    /** A link or form value the page cannot use (say {@code ?page=abc}): 400 with what was wrong. */
    @ExceptionHandler
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalidInput(InvalidInput e, Model model) {
        return page(model, "Cannot show that", e);
    }

    private static String page(Model model, String title, RuntimeException e) {
        model.addAttribute("title", title);
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    /** The database unreachable, too slow, or lost while saving: 503, and what became of the change. */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ModelAndView databaseFailure(RuntimeException e, HttpServletResponse response) {
        Outages.Outage outage = outages.of(e);
        if (outage == null) {
            throw e;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, outages.retryAfterSeconds());
        ModelAndView page = new ModelAndView("error", HttpStatus.SERVICE_UNAVAILABLE);
        page.addObject("title", outage.title());
        page.addObject("message", outage.detail());
        return page;
    }
}
