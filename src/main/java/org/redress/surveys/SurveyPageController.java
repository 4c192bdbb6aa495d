package org.redress.surveys;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.redress.links.BadLink;
import org.redress.shared.Conflict;
import org.redress.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The survey page a customer opens from the invitation, without an account: the link's
 * secret is the credential. An unknown link is a {@link BadLink}, answered by the links
 * module like every bad customer link; a genuine one past its time shows the survey closed,
 * where the customer can still ask for no more surveys.
 */
@Controller
class SurveyPageController {

    private final SurveyAnswers answers;
    private final SurveyInvitations invitations;

    SurveyPageController(SurveyAnswers answers, SurveyInvitations invitations) {
        this.answers = answers;
        this.invitations = invitations;
    }

    /** "Stop sending me surveys": works from any of the customer's links, answered or not. */
    @PostMapping("/s/{token}/stop")
    String stop(@PathVariable String token, Model model) {
        Optional<SurveyAnswers.Invitation> invitation = answers.find(token);
        if (invitation.isEmpty()) {
            throw BadLink.unknown();
        }
        invitations.optOut(invitation.get().customerId());
        model.addAttribute("stopped", true);
        return show(invitation.get(), token, invitation.get().answeredAt() != null, false, null, null, null, model);
    }

    @GetMapping("/s/{token}")
    String page(@PathVariable String token, Model model) {
        Optional<SurveyAnswers.Invitation> invitation = answers.open(token);
        if (invitation.isEmpty()) {
            // A genuine link past its time: the survey is closed, but the customer can still stop surveys.
            Optional<SurveyAnswers.Invitation> expired = answers.find(token);
            if (expired.isEmpty()) {
                throw BadLink.unknown();
            }
            model.addAttribute("expired", true);
            return show(expired.get(), token, false, false, null, null, null, model);
        }
        return show(invitation.get(), token, invitation.get().answeredAt() != null, false, null, null, null, model);
    }

    @PostMapping("/s/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) @Nullable String score,
                  @RequestParam(required = false) @Nullable String comment, Model model, HttpServletResponse response) {
        Optional<SurveyAnswers.Invitation> invitation = answers.open(token);
        if (invitation.isEmpty()) {
            throw answers.find(token).isPresent() ? BadLink.expired() : BadLink.unknown();
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
}
