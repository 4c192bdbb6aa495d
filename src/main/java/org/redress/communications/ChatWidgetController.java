package org.redress.communications;

import org.redress.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The chat widget's page: what {@code /widget.js} shows in a frame on the business's site. */
@Controller
class ChatWidgetController {

    private final ChatSettings settings;

    ChatWidgetController(ChatSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/widget")
    String widget(Model model) {
        if (!settings.enabled()) {
            throw new NotFound("The chat is switched off.");
        }
        model.addAttribute("greeting", settings.greeting());
        model.addAttribute("pollMillis", settings.poll().toMillis());
        return "communications/widget";
    }
}
