package org.redress.platform;

import java.io.IOException;

import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address the security firewall refuses ({@code ..}, {@code ;}, an encoded slash,
 * CR or LF, a character that is not printable): 400 as a problem document, not the
 * servlet container's default answer.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        ProblemResponses.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "Bad request",
            "The address or a header contains characters or sequences that are not allowed (such as '..', ';', "
                + "an encoded slash, or a line break). Check the address and try again.");
    }
}
