package org.redress.surveys;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.redress.platform.BadLinkThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The survey page a customer opens from the invitation, without an account: the link's
 * secret is the credential. An unknown or expired link gets the same short page as a bad
 * case link.
 */
@Controller
class SurveyPageController {

    private final SurveyAnswers answers;
    private final SurveyInvitations invitations;

    private final BadLinkThrottle throttle;

    SurveyPageController(SurveyAnswers answers, SurveyInvitations invitations, BadLinkThrottle throttle) {
        this.answers = answers;
        this.invitations = invitations;
        this.throttle = throttle;
    }

    /** "Stop sending me surveys": works from any of the customer's links, answered or not. */
    @PostMapping("/s/{token}/stop")
    String stop(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<SurveyAnswers.Invitation> invitation = answers.find(token);
        if (invitation.isEmpty()) {
            return invalid(request, response, model);
        }
        invitations.optOut(invitation.get().customerId());
        model.addAttribute("stopped", true);
        return show(invitation.get(), token, invitation.get().answeredAt() != null, false, null, null, null, model);
    }

    @GetMapping("/s/{token}")
    String page(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<SurveyAnswers.Invitation> invitation = answers.open(token);
        if (invitation.isEmpty()) {
            // A genuine link past its time: the survey is closed, but the customer can still stop surveys.
            Optional<SurveyAnswers.Invitation> expired = answers.find(token);
            if (expired.isEmpty()) {
                return invalid(request, response, model);
            }
            model.addAttribute("expired", true);
            return show(expired.get(), token, false, false, null, null, null, model);
        }
        return show(invitation.get(), token, invitation.get().answeredAt() != null, false, null, null, null, model);
    }

    @PostMapping("/s/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) @Nullable String score,
                  @RequestParam(required = false) @Nullable String comment, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<SurveyAnswers.Invitation> invitation = answers.open(token);
        if (invitation.isEmpty()) {
            return invalid(request, response, model);
        }
        Integer value = null;
        try {
            value = score == null || score.isBlank() ? null : Integer.valueOf(score.trim());
            boolean opened = answers.answer(token, value, comment).isPresent();
            return show(invitation.get(), token, true, opened, null, null, null, model);
        } catch (NumberFormatException | InvalidInput | Conflict refused) {
            String message = refused instanceof InvalidInput invalid && !invalid.errors().isEmpty()
                ? capitalised(invalid.errors().get(0))
                : refused instanceof NumberFormatException ? "Please choose a score." : refused.getMessage();
            response.setStatus(refused instanceof Conflict ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
            return show(invitation.get(), token, refused instanceof Conflict, false, message, value, comment, model);
        }
    }

    private static String show(SurveyAnswers.Invitation invitation, String token, boolean thanks, boolean openedCase,
                               @Nullable String error, @Nullable Integer score, @Nullable String comment, Model model) {
        model.addAttribute("survey", invitation.survey());
        model.addAttribute("token", token);
        model.addAttribute("thanks", thanks);
        model.addAttribute("openedCase", openedCase || invitation.openedCaseId() != null);
        model.addAttribute("error", error);
        model.addAttribute("score", score);
        model.addAttribute("comment", comment);
        if (!model.containsAttribute("stopped")) {
            model.addAttribute("stopped", false);
        }
        if (!model.containsAttribute("expired")) {
            model.addAttribute("expired", false);
        }
        return "surveys/answer";
    }

    // "Please choose a score ..." reads as it is; "must be from 0 to 10" needs its subject.
    private static String capitalised(InvalidInput.FieldError error) {
        return error.message().startsWith("Please") ? error.message() : "The " + error.field() + " " + error.message() + ".";
    }

    private String invalid(HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("tooMany", throttle.refuse(request, response) == HttpStatus.TOO_MANY_REQUESTS);
        return "customer/invalid";
    }
}
