package org.redress.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every console page knows who is signed in, for the top bar and for what it offers. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModel {

    @ModelAttribute("me")
    @Nullable RedressUser me(@AuthenticationPrincipal @Nullable RedressUser user) {
        return user;
    }
}
