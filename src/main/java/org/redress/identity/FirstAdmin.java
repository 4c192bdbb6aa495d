package org.redress.identity;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Makes sure a new installation can be signed in to: with no users yet, creates an admin
 * from the settings or, without a password, with a generated one printed once.
 */
@Component
@Order(0)
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    static final String DEFAULT_EMAIL = "admin@redress.local";

    private final UserManagement users;
    private final AdminSettings settings;

    FirstAdmin(UserManagement users, AdminSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyUserExists()) {
            return;
        }
        String email = settings.email() == null || settings.email().isBlank() ? DEFAULT_EMAIL : settings.email();
        boolean generated = settings.password() == null || settings.password().isBlank();
        String password = generated ? generatedPassword() : settings.password();
        try {
            users.provision(new UserManagement.NewUser(email, "Administrator", password, "admin", null));
        } catch (DataIntegrityViolationException anotherNodeWasFirst) {
            return;
        }
        if (generated) {
            log.warn("""

                ================================================================
                 First start: created the admin {} with the password
                     {}
                 It is shown only this once. Set REDRESS_ADMIN_EMAIL and
                 REDRESS_ADMIN_PASSWORD before the first start to choose them.
                ================================================================""", email, password);
        } else {
            log.info("First start: created the admin {}", email);
        }
    }

    private static String generatedPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
