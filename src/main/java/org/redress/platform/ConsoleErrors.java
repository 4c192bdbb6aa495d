package org.redress.platform;

import org.redress.shared.Forbidden;
import org.redress.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Console pages that ask for something missing or forbidden get a readable page, not a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleErrors {

    @ExceptionHandler
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, Model model) {
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(Forbidden e, Model model) {
        model.addAttribute("title", "Not allowed");
        model.addAttribute("message", e.getMessage());
        return "error";
    }
}
