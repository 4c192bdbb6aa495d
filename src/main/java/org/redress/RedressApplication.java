package org.redress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Redress: a service recovery platform. Each top-level package below this one is a
 * Spring Modulith module owning one capability; {@code shared} holds value types only.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class RedressApplication {

    public static void main(String[] args) {
        SpringApplication.run(RedressApplication.class, args);
    }
}
